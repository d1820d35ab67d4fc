package dev.vigil.model.aws.account;

import dev.vigil.model.schema.Doc;

/** {@code aws.region}: settings that exist once per account and region. */
@Doc("Per-region settings of an account: default EBS encryption and the detective services.")
public record Region(
        String region,
        @Doc("New EBS volumes are encrypted by default") Boolean ebsEncryptionByDefault,
        ConfigRecorder configRecorder,
        @Doc("A GuardDuty detector is enabled") Boolean guardDutyEnabled,
        @Doc("Security Hub is enabled") Boolean securityHubEnabled,
        @Doc("An active IAM Access Analyzer analyzer exists") Boolean accessAnalyzerEnabled) {

    @Doc("The AWS Config recorder of the region.")
    public record ConfigRecorder(
            @Doc("A recorder exists") Boolean exists,
            @Doc("It is recording") Boolean recording,
            @Doc("It records all supported resource types") Boolean allSupported,
            @Doc("It records global resource types (IAM)") Boolean includeGlobalResourceTypes) {
    }
}
