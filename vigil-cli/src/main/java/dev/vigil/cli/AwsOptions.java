package dev.vigil.cli;

import dev.vigil.aws.AwsCollectors;
import dev.vigil.aws.live.AwsLiveInput;
import dev.vigil.aws.live.AwsScanOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options of a live AWS scan, shared by 'vigil scan aws' and 'vigil compliance aws'. */
final class AwsOptions {
    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile of the shared AWS config and credentials files.")
    String profile;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "Assume this role before scanning (a member account's audit role).")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id the role's trust policy requires.")
    String externalId;

    @Option(names = "--session-name", paramLabel = "NAME", defaultValue = "vigil-scan",
            description = "Session name of the assumed role, as the account's CloudTrail shows it (default: ${DEFAULT-VALUE}).")
    String sessionName;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every call to this endpoint (an emulator, a VPC endpoint, a proxy).")
    URI endpoint;

    @Option(names = "--regions", split = ",", paramLabel = "REGION", description = "Only these regions (default: every region enabled in the account).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--services", split = ",", paramLabel = "SERVICE", description = "Only these services, e.g. s3,iam,ec2 ('vigil scan aws --list-services').")
    List<String> services = new ArrayList<>();

    @Option(names = "--exclude-services", split = ",", paramLabel = "SERVICE", description = "Skip these services.")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--list-services", description = "List the services Vigil collects, and exit.")
    boolean listServices;

    @Option(names = "--print-policy", description = "Print the read-only IAM policy the scan needs, and exit.")
    boolean printPolicy;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N", description = "Work units (region x service) at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-rate", defaultValue = "10", paramLabel = "CALLS",
            description = "API calls per second per region and service, bursts to twice that (default: ${DEFAULT-VALUE}).")
    double maxRate;

    @Option(names = "--max-attempts", defaultValue = "5", paramLabel = "N", description = "Attempts per API call before its error counts (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--call-timeout", defaultValue = "60", paramLabel = "SECONDS", description = "Time for one API call, retries included (default: ${DEFAULT-VALUE}).")
    long callTimeout;

    @Option(names = "--retry-delay", defaultValue = "500", paramLabel = "MS", description = "First retry delay; later ones back off exponentially (default: ${DEFAULT-VALUE}).")
    long retryDelay;

    @Option(names = "--no-progress", description = "No progress bar or progress lines on standard error.")
    boolean noProgress;

    /** Prints the service list or the policy and returns true when the command has nothing more to do. */
    boolean answered(CommandSpec spec) {
        if (listServices) {
            for (var c : AwsCollectors.standard()) {
                List<String> reads = new ArrayList<>(new java.util.TreeSet<>(c.types()));
                reads.addAll(new java.util.TreeSet<>(c.settings()));
                spec.commandLine().getOut().printf("%-16s %-8s %s%n", c.service(), c.global() ? "global" : "regional", String.join(", ", reads));
            }
            return true;
        }
        if (printPolicy) {
            spec.commandLine().getOut().print(dev.vigil.aws.live.Permissions.policyJson(AwsCollectors.standard()));
            spec.commandLine().getOut().flush();
            return true;
        }
        return false;
    }

    /** The live input these options describe; checked before any call is made. */
    AwsLiveInput input(CommandSpec spec) {
        if (concurrency < 1 || maxRate <= 0 || maxAttempts < 1 || callTimeout < 1 || retryDelay < 0) {
            throw new Vigil.UsageException("--concurrency, --max-rate, --max-attempts and --call-timeout must be positive");
        }
        AwsScanOptions options = AwsScanOptions.defaults()
                .withIdentity(profile, roleArn, externalId, sessionName)
                .withEndpoint(endpoint)
                .withRegions(regions)
                .withServices(new LinkedHashSet<>(services), new LinkedHashSet<>(excluded))
                .withLimits(concurrency, maxRate, maxAttempts, Duration.ofSeconds(callTimeout))
                .withRetryDelay(Duration.ofMillis(retryDelay));
        try {
            return new AwsLiveInput(options, AwsCollectors.standard(),
                    noProgress ? dev.vigil.aws.live.Progress.none() : new ProgressPrinter(spec.commandLine().getErr(), Terminal.isInteractive()),
                    Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new Vigil.UsageException("--services/--exclude-services: " + e.getMessage());
        }
    }
}
