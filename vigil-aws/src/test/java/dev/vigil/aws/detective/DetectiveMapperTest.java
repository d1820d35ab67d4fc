package dev.vigil.aws.detective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.aws.account.Region;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerSummary;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;
import software.amazon.awssdk.services.securityhub.model.DescribeHubResponse;

class DetectiveMapperTest {

    static ConfigurationRecorder recorder(String name, boolean allSupported, boolean global) {
        return ConfigurationRecorder.builder().name(name).roleARN("arn:aws:iam::111122223333:role/config")
                .recordingGroup(g -> g.allSupported(allSupported).includeGlobalResourceTypes(global)).build();
    }

    static ConfigurationRecorderStatus status(String name, boolean recording) {
        return ConfigurationRecorderStatus.builder().name(name).recording(recording).build();
    }

    static AnalyzerSummary analyzer(String type, String status) {
        return AnalyzerSummary.builder().name("a-" + type).arn("arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/a").type(type).status(status).build();
    }

    @Test
    void noRecorderMeansItDoesNotExistAndRecordsNothing() {
        assertThat(DetectiveMapper.configRecorder(List.of(), List.of())).contains(new Region.ConfigRecorder(false, false, false, false));
    }

    @Test
    void aRecorderRecordingEverythingIncludingGlobalTypes() {
        assertThat(DetectiveMapper.configRecorder(List.of(recorder("default", true, true)), List.of(status("default", true))))
                .contains(new Region.ConfigRecorder(true, true, true, true));
    }

    @Test
    void aStoppedRecorderOfSelectedTypesKeepsWhatItWouldRecord() {
        assertThat(DetectiveMapper.configRecorder(List.of(recorder("default", false, false)), List.of(status("default", false))))
                .contains(new Region.ConfigRecorder(true, false, false, false));
    }

    @Test
    void aRecorderWithoutStatusHasNoKnownRecordingStateRatherThanOff() {
        assertThat(DetectiveMapper.configRecorder(List.of(recorder("default", true, true)), List.of(status("other", true)))).isEmpty();
    }

    @Test
    void aServiceLinkedRecorderIsNotTheAccountsRecorder() {
        ConfigurationRecorder linked = recorder("AWSConfigurationRecorderForSecurityHub", true, true).toBuilder()
                .servicePrincipal("securityhub.amazonaws.com").build();
        assertThat(DetectiveMapper.configRecorder(List.of(linked), List.of(status(linked.name(), true))))
                .contains(new Region.ConfigRecorder(false, false, false, false));
    }

    @Test
    void guardDutyIsEnabledOnlyByAnEnabledDetector() {
        assertThat(DetectiveMapper.guardDutyEnabled(List.of())).isFalse();
        assertThat(DetectiveMapper.guardDutyEnabled(List.of(GetDetectorResponse.builder().status("DISABLED").build()))).isFalse();
        assertThat(DetectiveMapper.guardDutyEnabled(List.of(GetDetectorResponse.builder().status("ENABLED").build()))).isTrue();
    }

    @Test
    void securityHubIsEnabledWhenTheHubIsDescribed() {
        assertThat(DetectiveMapper.securityHubEnabled(Optional.empty())).isFalse();
        assertThat(DetectiveMapper.securityHubEnabled(Optional.of(DescribeHubResponse.builder()
                .hubArn("arn:aws:securityhub:eu-west-1:111122223333:hub/default").build()))).isTrue();
    }

    @Test
    void onlyAnActiveExternalAccessAnalyzerCounts() {
        assertThat(DetectiveMapper.accessAnalyzerEnabled(List.of())).isFalse();
        assertThat(DetectiveMapper.accessAnalyzerEnabled(List.of(analyzer("ACCOUNT_UNUSED_ACCESS", "ACTIVE")))).isFalse();
        assertThat(DetectiveMapper.accessAnalyzerEnabled(List.of(analyzer("ACCOUNT", "CREATING")))).isFalse();
        assertThat(DetectiveMapper.accessAnalyzerEnabled(List.of(analyzer("ACCOUNT", "ACTIVE")))).isTrue();
        assertThat(DetectiveMapper.accessAnalyzerEnabled(List.of(analyzer("ORGANIZATION", "ACTIVE")))).isTrue();
    }
}
