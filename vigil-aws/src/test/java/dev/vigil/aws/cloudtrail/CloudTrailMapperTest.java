package dev.vigil.aws.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.cloudtrail.Trail;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;

class CloudTrailMapperTest {
    static final String ARN = "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit";

    static software.amazon.awssdk.services.cloudtrail.model.Trail trail(boolean customSelectors) {
        return software.amazon.awssdk.services.cloudtrail.model.Trail.builder().name("org-audit").trailARN(ARN).homeRegion("us-east-1")
                .isMultiRegionTrail(true).logFileValidationEnabled(true).kmsKeyId("arn:aws:kms:us-east-1:111122223333:key/abcd")
                .s3BucketName("audit-logs").cloudWatchLogsLogGroupArn("arn:aws:logs:us-east-1:111122223333:log-group:audit:*")
                .includeGlobalServiceEvents(true).isOrganizationTrail(false).hasCustomEventSelectors(customSelectors).build();
    }

    static Read<GetTrailStatusResponse> logging(boolean on) {
        return Read.found(GetTrailStatusResponse.builder().isLogging(on).build());
    }

    static CloudTrailMapper.Selected basic(EventSelector... selectors) {
        return CloudTrailMapper.selected(GetEventSelectorsResponse.builder().eventSelectors(selectors).build(), true);
    }

    static CloudTrailMapper.Selected advanced(AdvancedEventSelector... selectors) {
        return CloudTrailMapper.selected(GetEventSelectorsResponse.builder().advancedEventSelectors(selectors).build(), true);
    }

    static AdvancedEventSelector selector(AdvancedFieldSelector... fields) {
        return AdvancedEventSelector.builder().fieldSelectors(fields).build();
    }

    static AdvancedFieldSelector eq(String field, String value) {
        return AdvancedFieldSelector.builder().field(field).equalsValue(value).build();
    }

    @Test
    void aTrailCarriesItsDescriptionStatusAndSelectors() {
        var selectors = GetEventSelectorsResponse.builder().eventSelectors(EventSelector.builder().readWriteType("All").includeManagementEvents(true)
                .dataResources(d -> d.type("AWS::S3::Object").values("arn:aws:s3")).build()).build();
        CloudTrailMapper.Mapped m = CloudTrailMapper.trail(new CloudTrailMapper.TrailReads(trail(true), logging(true), Read.found(selectors)));
        assertThat(m.trail()).isEqualTo(new Trail("org-audit", ARN, "us-east-1", true, true, true, "arn:aws:kms:us-east-1:111122223333:key/abcd",
                "audit-logs", "arn:aws:logs:us-east-1:111122223333:log-group:audit:*", true, false, "All", "All"));
        assertThat(m.failures()).isEmpty();
    }

    @Test
    void aFailedStatusReadFailsLoggingInsteadOfReadingAsStopped() {
        var failed = new ApiFailure("cloudtrail:GetTrailStatus", "AccessDeniedException", "", false, null);
        CloudTrailMapper.Mapped m = CloudTrailMapper.trail(new CloudTrailMapper.TrailReads(trail(false), Read.failed(failed),
                Read.found(GetEventSelectorsResponse.builder().build())));
        assertThat(m.trail().logging()).isNull();
        assertThat(m.failures()).containsOnlyKeys("logging");
    }

    @Test
    void aFailedSelectorReadFailsBothEventProperties() {
        var failed = new ApiFailure("cloudtrail:GetEventSelectors", "HTTP 404", "", false, null);
        CloudTrailMapper.Mapped m = CloudTrailMapper.trail(new CloudTrailMapper.TrailReads(trail(true), logging(true), Read.failed(failed)));
        assertThat(m.trail().managementEvents()).isNull();
        assertThat(m.trail().s3DataEvents()).isNull();
        assertThat(m.failures()).containsOnlyKeys("managementEvents", "s3DataEvents");
    }

    @Test
    void aTrailWithoutCustomSelectorsRecordsAwssDefault() {
        var none = GetEventSelectorsResponse.builder().build();
        assertThat(CloudTrailMapper.selected(none, false)).isEqualTo(new CloudTrailMapper.Selected("All", "None"));
        assertThat(CloudTrailMapper.selected(none, true)).isEqualTo(new CloudTrailMapper.Selected("None", "None"));
    }

    @Test
    void readOnlyAndWriteOnlySelectorsTogetherRecordAll() {
        assertThat(basic(EventSelector.builder().readWriteType("ReadOnly").build(), EventSelector.builder().readWriteType("WriteOnly").build()))
                .isEqualTo(new CloudTrailMapper.Selected("All", "None"));
        assertThat(basic(EventSelector.builder().readWriteType("WriteOnly").build())).isEqualTo(new CloudTrailMapper.Selected("WriteOnly", "None"));
    }

    @Test
    void narrowedSelectorsDoNotCountAsAll() {
        assertThat(basic(EventSelector.builder().readWriteType("All").excludeManagementEventSources("kms.amazonaws.com").build()).management())
                .isEqualTo("None");
        assertThat(basic(EventSelector.builder().readWriteType("All").includeManagementEvents(false).build()).management()).isEqualTo("None");
        assertThat(basic(EventSelector.builder().readWriteType("All")
                .dataResources(d -> d.type("AWS::S3::Object").values("arn:aws:s3:::one-bucket/")).build()).s3Data()).isEqualTo("None");
        assertThat(basic(EventSelector.builder().readWriteType("ReadOnly")
                .dataResources(d -> d.type("AWS::S3::Object").values("arn:aws:s3:::")).build()).s3Data()).isEqualTo("ReadOnly");
    }

    @Test
    void advancedSelectorsCountWhatTheyRecordForEveryBucket() {
        assertThat(advanced(selector(eq("eventCategory", "Management")),
                selector(eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"), eq("readOnly", "true"))))
                .isEqualTo(new CloudTrailMapper.Selected("All", "ReadOnly"));
        assertThat(advanced(selector(eq("eventCategory", "Management"), eq("readOnly", "false")))).isEqualTo(new CloudTrailMapper.Selected("WriteOnly", "None"));
        AdvancedFieldSelector someBuckets = AdvancedFieldSelector.builder().field("resources.ARN").startsWith("arn:aws:s3:::logs/").build();
        AdvancedFieldSelector notKms = AdvancedFieldSelector.builder().field("eventSource").notEquals("kms.amazonaws.com").build();
        assertThat(advanced(selector(eq("eventCategory", "Management"), notKms),
                selector(eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"), someBuckets)))
                .isEqualTo(new CloudTrailMapper.Selected("None", "None"));
    }
}
