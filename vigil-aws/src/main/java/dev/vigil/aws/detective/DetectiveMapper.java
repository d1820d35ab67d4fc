package dev.vigil.aws.detective;

import dev.vigil.model.aws.account.Region;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerSummary;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;
import software.amazon.awssdk.services.securityhub.model.DescribeHubResponse;

/**
 * The detective services' answers in one region (AWS Config, GuardDuty, Security Hub, IAM Access
 * Analyzer) to the fields of {@code aws.region}, with the meaning the AWS Config adapter gives
 * them: pure functions, no calls.
 */
public final class DetectiveMapper {
    /** Analyzers that report external access; the unused- and internal-access kinds do not. */
    static final Set<String> EXTERNAL_ACCESS = Set.of("ACCOUNT", "ORGANIZATION");

    private DetectiveMapper() {
    }

    /**
     * The region's customer managed recorder (service-linked recorders record only what their
     * service needs) and whether it is recording. With none: exists and everything else false.
     * Empty when the recorder has no status, which AWS does not do: its recording state is then
     * not known, never guessed.
     */
    public static Optional<Region.ConfigRecorder> configRecorder(List<ConfigurationRecorder> recorders, List<ConfigurationRecorderStatus> statuses) {
        ConfigurationRecorder recorder = recorders.stream()
                .filter(r -> r.servicePrincipal() == null || r.servicePrincipal().isEmpty())
                .findFirst().orElse(null);
        if (recorder == null) return Optional.of(new Region.ConfigRecorder(false, false, false, false));
        Optional<ConfigurationRecorderStatus> status = statuses.stream().filter(s -> recorder.name().equals(s.name())).findFirst();
        if (status.isEmpty()) return Optional.empty();
        var group = recorder.recordingGroup();
        return Optional.of(new Region.ConfigRecorder(true, Boolean.TRUE.equals(status.get().recording()),
                group != null && Boolean.TRUE.equals(group.allSupported()),
                group != null && Boolean.TRUE.equals(group.includeGlobalResourceTypes())));
    }

    /** True when a detector of the region is ENABLED (a suspended detector is not). */
    public static boolean guardDutyEnabled(List<GetDetectorResponse> detectors) {
        return detectors.stream().anyMatch(d -> "ENABLED".equals(d.statusAsString()));
    }

    /** True when the account is subscribed to Security Hub in the region (DescribeHub answers a hub). */
    public static boolean securityHubEnabled(Optional<DescribeHubResponse> hub) {
        return hub.isPresent() && hub.get().hubArn() != null && !hub.get().hubArn().isEmpty();
    }

    /** True when an ACTIVE external access analyzer (zone of trust the account or the organization) exists. */
    public static boolean accessAnalyzerEnabled(List<AnalyzerSummary> analyzers) {
        return analyzers.stream().anyMatch(a -> "ACTIVE".equals(a.statusAsString()) && EXTERNAL_ACCESS.contains(a.typeAsString()));
    }
}
