package dev.vigil.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.AwsCollectors;
import dev.vigil.aws.live.AwsLiveInput;
import dev.vigil.aws.live.AwsScanOptions;
import dev.vigil.aws.live.Permissions;
import dev.vigil.aws.live.Progress;
import dev.vigil.testkit.MotoServer;
import dev.vigil.testkit.aws.SeedClients;
import dev.vigil.testkit.aws.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The documented read-only policy is the collectors' own, and a full scan calls nothing outside it. */
class AwsPermissionsTest {
    static final Path DOC = Path.of("..", "docs", "aws-permissions.md");

    static {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @Test
    void theDocumentedPolicyIsTheOneTheCollectorsDeclare() throws IOException {
        String doc = Files.readString(DOC);
        String policy = Permissions.policyJson(AwsCollectors.standard());
        assertThat(doc).as("docs/aws-permissions.md is out of date: paste the output of './vigil scan aws --print-policy'")
                .contains("```json\n" + policy + "```");
    }

    @Test
    void aFullScanCallsOnlyActionsOfThePolicy() {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        Seeds.plantAll(new SeedClients(moto.endpoint()));
        AwsLiveInput input = new AwsLiveInput(AwsScanOptions.defaults().withEndpoint(moto.endpoint()).withRegions(SeedClients.REGIONS)
                .withLimits(8, 1000, 3, Duration.ofSeconds(30)).withRetryDelay(Duration.ofMillis(10)),
                AwsCollectors.standard(), Progress.none(), Clock.systemUTC());
        input.collect();
        Set<String> allowed = Permissions.actions(AwsCollectors.standard());
        Set<String> called = new TreeSet<>();
        for (String op : input.operationsCalled()) {
            String[] parts = op.split(":", 2);
            called.add(Permissions.actionOf(parts[0], parts[1]));
        }
        assertThat(called).as("actions called").isNotEmpty();
        assertThat(allowed).as("the policy must allow every action a scan calls").containsAll(called);
        // Read-only: nothing but reads, plus the credential report's generation, which AWS's own SecurityAudit policy grants.
        assertThat(allowed).allSatisfy(a -> assertThat(a.substring(a.indexOf(':') + 1))
                .matches("(List|Describe|Get|GenerateCredentialReport|Search|Lookup).*"));
    }
}
