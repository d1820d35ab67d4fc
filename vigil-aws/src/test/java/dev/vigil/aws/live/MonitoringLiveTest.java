package dev.vigil.aws.live;

import static dev.vigil.aws.live.LiveFixture.collect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.model.schema.RecordSchemas;
import dev.vigil.testkit.aws.MonitoringSeed;
import dev.vigil.testkit.aws.SeedClients;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The monitoring seed collected from the emulator in us-east-1 and eu-west-1. */
class MonitoringLiveTest {
    static final String ACCOUNT = LiveFixture.ACCOUNT;
    static Collected collected;

    @BeforeAll
    static void seedAndCollect() {
        LiveFixture.moto().reset();
        new MonitoringSeed().plant(new SeedClients(LiveFixture.moto().endpoint()));
        collected = collect(Set.of("logs", "config", "guardduty", "securityhub", "accessanalyzer"));
    }

    static Resource in(String region, String type, String name) {
        List<Resource> found = collected.resources().stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name) && r.region().equals(region)).toList();
        assertThat(found).as("%s %s in %s", type, name, region).hasSize(1);
        return found.get(0);
    }

    static String topicArn(String region, String name) {
        return "arn:aws:sns:" + region + ":" + ACCOUNT + ":" + name;
    }

    @Test
    void everyDocumentMatchesItsTypesSchema() {
        assertThat(collected.resources()).hasSizeGreaterThan(2 * 13);
        for (Resource r : collected.resources()) {
            var type = AwsTypes.ALL.stream().filter(t -> t.id().equals(r.type())).findFirst().orElseThrow();
            assertThat(RecordSchemas.of(type.model()).validate(r.properties())).as(r.type() + " " + r.id()).isEmpty();
        }
    }

    @Test
    void logGroupsAreNamedByTheirCloudTrailStyleArnWithRetentionAndKey() {
        for (String region : LiveFixture.REGIONS) {
            Resource good = in(region, "aws.logs.log-group", "good-cloudtrail");
            assertThat(good.id()).isEqualTo("arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:good-cloudtrail:*");
            assertThat(good.properties()).containsEntry("retentionDays", 365L);
            assertThat((String) good.properties().get("kmsKeyId")).startsWith("arn:aws:kms:" + region + ":" + ACCOUNT + ":key/");
            assertThat(good.relations()).extracting(Relation::kind, Relation::targetType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("uses-key", "aws.kms.key"));
            assertThat(good.properties()).containsEntry("metricFilterCount", 4L);

            Resource bad = in(region, "aws.logs.log-group", "bad-app-logs");
            assertThat(bad.properties()).containsEntry("retentionDays", 0L).containsEntry("kmsKeyId", "");
            assertThat(bad.relations()).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMetricFilterCarriesItsPatternAlarmAndTheTopicsSubscribers() {
        for (String region : LiveFixture.REGIONS) {
            Resource root = in(region, "aws.logs.metric-filter", "good-root-usage");
            String group = "arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:good-cloudtrail:*";
            assertThat(root.id()).isEqualTo("arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:good-cloudtrail:metric-filter:good-root-usage");
            assertThat(root.properties()).containsEntry("logGroupName", "good-cloudtrail").containsEntry("logGroupArn", group)
                    .containsEntry("pattern", MonitoringSeed.ROOT_USAGE)
                    .containsEntry("metrics", List.of(Map.of("namespace", "CISBenchmark", "name", "RootUsage", "value", "1")));
            assertThat(root.relations()).containsExactly(new Relation("member-of", "aws.logs.log-group", group));
            List<Map<String, Object>> alarms = (List<Map<String, Object>>) root.properties().get("alarms");
            assertThat(alarms).hasSize(1);
            assertThat(alarms.get(0)).containsEntry("name", "good-root-usage-alarm").containsEntry("actionsEnabled", true)
                    .containsEntry("alarmActions", List.of(topicArn(region, "good-security-alerts")))
                    .containsEntry("topics", List.of(Map.of("arn", topicArn(region, "good-security-alerts"), "hasSubscribers", true)));
            assertThat(root.failures()).isEmpty();
            assertThat(root.unknowns()).isEmpty();

            Resource noMfa = in(region, "aws.logs.metric-filter", "bad-console-no-mfa");
            List<Map<String, Object>> noMfaAlarms = (List<Map<String, Object>>) noMfa.properties().get("alarms");
            assertThat(noMfaAlarms.get(0)).containsEntry("actionsEnabled", false)
                    .containsEntry("topics", List.of(Map.of("arn", topicArn(region, "bad-open-alerts"), "hasSubscribers", false)));
        }
    }

    @Test
    void alarmsKeepTheirMetricAndNotifyTheirTopics() {
        Resource alarm = in("eu-west-1", "aws.cloudwatch.alarm", "good-root-usage-alarm");
        assertThat(alarm.id()).isEqualTo("arn:aws:cloudwatch:eu-west-1:" + ACCOUNT + ":alarm:good-root-usage-alarm");
        assertThat(alarm.properties()).containsEntry("namespace", "CISBenchmark").containsEntry("metricName", "RootUsage")
                .containsEntry("metrics", List.of(Map.of("namespace", "CISBenchmark", "name", "RootUsage")))
                .containsEntry("comparisonOperator", "GreaterThanOrEqualToThreshold").containsEntry("threshold", 1.0)
                .containsEntry("periodSeconds", 300L).containsEntry("evaluationPeriods", 1L);
        assertThat(alarm.relations()).containsExactly(new Relation("notifies", "aws.sns.topic", topicArn("eu-west-1", "good-security-alerts")));
        assertThat(in("us-east-1", "aws.cloudwatch.alarm", "bad-console-no-mfa-alarm").properties()).containsEntry("actionsEnabled", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void topicsCarryEncryptionSubscriptionsAndPolicy() {
        for (String region : LiveFixture.REGIONS) {
            Resource good = in(region, "aws.sns.topic", "good-security-alerts");
            assertThat(good.id()).isEqualTo(topicArn(region, "good-security-alerts"));
            assertThat(good.properties()).containsEntry("kmsMasterKeyId", "alias/aws/sns").containsEntry("confirmedSubscriptions", 1L)
                    .containsEntry("pendingSubscriptions", 0L).containsEntry("fifo", false);
            assertThat(good.failures()).isEmpty();

            Resource bad = in(region, "aws.sns.topic", "bad-open-alerts");
            assertThat(bad.properties()).containsEntry("kmsMasterKeyId", "").containsEntry("confirmedSubscriptions", 0L);
            List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>) bad.properties().get("policy")).get("statements");
            assertThat(statements).singleElement().satisfies(s -> {
                assertThat(s).containsEntry("effect", "Allow").containsEntry("principals", List.of("*"));
                assertThat((List<String>) s.get("actions")).containsExactly("SNS:Publish");
            });
        }
    }

    @Test
    void theRegionWithTheDetectiveServicesHasThemOn() {
        Resource us = in("us-east-1", "aws.region", "us-east-1");
        assertThat(us.properties()).containsEntry("configRecorder",
                Map.of("exists", true, "recording", true, "allSupported", true, "includeGlobalResourceTypes", true))
                .containsEntry("guardDutyEnabled", true).containsEntry("securityHubEnabled", true);
        assertThat(us.failures()).containsOnlyKeys("accessAnalyzerEnabled");
    }

    @Test
    void theRegionWithoutThemHasThemOffNotUnknown() {
        Resource eu = in("eu-west-1", "aws.region", "eu-west-1");
        assertThat(eu.properties()).containsEntry("configRecorder",
                Map.of("exists", false, "recording", false, "allSupported", false, "includeGlobalResourceTypes", false))
                .containsEntry("guardDutyEnabled", false).containsEntry("securityHubEnabled", false);
        assertThat(eu.failures()).containsOnlyKeys("accessAnalyzerEnabled");
    }

    /** moto 5.2.5 answers every Access Analyzer call with an HTML "500 Internal Server Error" (it has no such backend). */
    @Test
    void anEmulatorWithoutAccessAnalyzerFailsTheFieldInsteadOfTurningItOff() {
        for (String region : LiveFixture.REGIONS) {
            Resource r = in(region, "aws.region", region);
            assertThat(r.properties()).doesNotContainKey("accessAnalyzerEnabled");
            assertThat(r.failures().get("accessAnalyzerEnabled")).contains("access-analyzer:ListAnalyzers");
        }
        assertThat(collected.gaps()).filteredOn(g -> !g.reason().startsWith("not scanned")).extracting(CoverageGap::scope)
                .containsExactlyInAnyOrder(ACCOUNT + " eu-west-1 accessanalyzer", ACCOUNT + " us-east-1 accessanalyzer");
    }
}
