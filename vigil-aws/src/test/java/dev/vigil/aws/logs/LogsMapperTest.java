package dev.vigil.aws.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.logs.MetricFilter;
import dev.vigil.model.aws.sns.Topic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Tag;

class LogsMapperTest {
    static final LogsMapper.Scope SCOPE = new LogsMapper.Scope("aws", "eu-west-1", "111122223333");
    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:security-alerts";
    static final String ROOT_PATTERN = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }";
    static final ApiFailure DENIED = new ApiFailure("sns:ListSubscriptionsByTopic", "AuthorizationError", "not authorized", false, null);

    static software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter rootFilter() {
        return software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter.builder().filterName("root-usage").logGroupName("CloudTrail/main")
                .filterPattern(ROOT_PATTERN)
                .metricTransformations(MetricTransformation.builder().metricNamespace("CISBenchmark").metricName("RootUsage").metricValue("1").build())
                .build();
    }

    static MetricAlarm alarmOn(String name, String namespace, String metric, String... actions) {
        return MetricAlarm.builder().alarmName(name).alarmArn("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:" + name).namespace(namespace)
                .metricName(metric).actionsEnabled(true).stateValue("OK").alarmActions(actions).build();
    }

    static Subscription confirmed(String topic) {
        return Subscription.builder().topicArn(topic).protocol("email").endpoint("soc@example.com").subscriptionArn(topic + ":0f1e2d3c").build();
    }

    static Subscription pending(String topic) {
        return Subscription.builder().topicArn(topic).protocol("email").endpoint("soc@example.com").subscriptionArn(LogsMapper.PENDING).build();
    }

    @Test
    void aLogGroupIsNamedByTheArnCloudTrailGivesIt() {
        var g = LogsMapper.logGroup(SCOPE, LogGroup.builder().logGroupName("CloudTrail/main").retentionInDays(365)
                .kmsKeyId("arn:aws:kms:eu-west-1:111122223333:key/1234").metricFilterCount(3).creationTime(0L).build(), 3);
        assertThat(g.arn()).isEqualTo("arn:aws:logs:eu-west-1:111122223333:log-group:CloudTrail/main:*");
        assertThat(g.retentionDays()).isEqualTo(365L);
        assertThat(g.kmsKeyId()).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/1234");
        assertThat(g.metricFilterCount()).isEqualTo(3L);
        assertThat(g.created()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void aLogGroupWithoutRetentionKeepsEventsForeverAndWithoutKeyIsNotKmsEncrypted() {
        var g = LogsMapper.logGroup(SCOPE, LogGroup.builder().logGroupName("app").build(), 0);
        assertThat(g.retentionDays()).isZero();
        assertThat(g.kmsKeyId()).isEmpty();
    }

    @Test
    void aMetricFilterIdExtendsItsLogGroupArn() {
        assertThat(LogsMapper.metricFilterId(SCOPE, "CloudTrail/main", "root-usage"))
                .isEqualTo("arn:aws:logs:eu-west-1:111122223333:log-group:CloudTrail/main:metric-filter:root-usage");
    }

    @Test
    void aFilterEmbedsTheAlarmsOnItsMetricAndWhetherTheirTopicsHaveSubscribers() {
        var m = LogsMapper.metricFilter(SCOPE, rootFilter(),
                List.of(alarmOn("root-usage", "CISBenchmark", "RootUsage", TOPIC), alarmOn("cpu", "AWS/EC2", "CPUUtilization", TOPIC)),
                Map.of(TOPIC, Read.found(List.of(confirmed(TOPIC)))));
        MetricFilter f = m.properties();
        assertThat(f.logGroupArn()).isEqualTo("arn:aws:logs:eu-west-1:111122223333:log-group:CloudTrail/main:*");
        assertThat(f.pattern()).isEqualTo(ROOT_PATTERN);
        assertThat(f.metrics()).containsExactly(new MetricFilter.Metric("CISBenchmark", "RootUsage", "1"));
        assertThat(f.alarms()).extracting(MetricFilter.Alarm::name).containsExactly("root-usage");
        assertThat(f.alarms().get(0).topics()).containsExactly(new MetricFilter.Topic(TOPIC, true));
        assertThat(m.failures()).isEmpty();
        assertThat(m.unknowns()).isEmpty();
    }

    @Test
    void anAlarmOnTheSameMetricNameInAnotherNamespaceDoesNotWatchTheFilter() {
        var m = LogsMapper.metricFilter(SCOPE, rootFilter(), List.of(alarmOn("other", "App", "RootUsage", TOPIC)), Map.of());
        assertThat(m.properties().alarms()).isEmpty();
    }

    @Test
    void aMetricMathAlarmWatchesTheFilterWhenOneOfItsQueriesReadsTheMetric() {
        MetricAlarm math = MetricAlarm.builder().alarmName("root-math").alarmArn("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:root-math")
                .actionsEnabled(true).stateValue("ALARM").alarmActions(TOPIC)
                .metrics(MetricDataQuery.builder().id("m1").metricStat(s -> s.metric(x -> x.namespace("CISBenchmark").metricName("RootUsage"))
                        .period(300).stat("Sum")).build(), MetricDataQuery.builder().id("e1").expression("m1 * 2").build())
                .build();
        var m = LogsMapper.metricFilter(SCOPE, rootFilter(), List.of(math), Map.of(TOPIC, Read.found(List.of(confirmed(TOPIC)))));
        assertThat(m.properties().alarms()).extracting(MetricFilter.Alarm::name).containsExactly("root-math");
        assertThat(LogsMapper.alarm(math).metrics()).extracting(r -> r.namespace() + "/" + r.name()).containsExactly("CISBenchmark/RootUsage");
        assertThat(LogsMapper.alarm(math).periodSeconds()).isZero();
    }

    @Test
    void onlySnsActionsAreTopics() {
        var m = LogsMapper.metricFilter(SCOPE, rootFilter(), List.of(alarmOn("root-usage", "CISBenchmark", "RootUsage",
                "arn:aws:automate:eu-west-1:ec2:stop", "arn:aws:autoscaling:eu-west-1:111122223333:scalingPolicy:x", TOPIC)),
                Map.of(TOPIC, Read.found(List.of(confirmed(TOPIC)))));
        var alarm = m.properties().alarms().get(0);
        assertThat(alarm.alarmActions()).hasSize(3);
        assertThat(alarm.topics()).extracting(MetricFilter.Topic::arn).containsExactly(TOPIC);
    }

    @Test
    void aTopicWithOnlyPendingSubscriptionsHasNoSubscribers() {
        var m = LogsMapper.metricFilter(SCOPE, rootFilter(), List.of(alarmOn("root-usage", "CISBenchmark", "RootUsage", TOPIC)),
                Map.of(TOPIC, Read.found(List.of(pending(TOPIC)))));
        assertThat(m.properties().alarms().get(0).topics()).containsExactly(new MetricFilter.Topic(TOPIC, false));
    }

    @Test
    void anAlarmNotifyingATopicThatDoesNotExistReachesNoOne() {
        var m = LogsMapper.metricFilter(SCOPE, rootFilter(), List.of(alarmOn("root-usage", "CISBenchmark", "RootUsage", TOPIC)), Map.of());
        assertThat(m.properties().alarms().get(0).topics()).containsExactly(new MetricFilter.Topic(TOPIC, false));
    }

    @Test
    void aTopicOfAnotherAccountIsUnknownNeverFalse() {
        String foreign = "arn:aws:sns:eu-west-1:999988887777:central-alerts";
        var m = LogsMapper.metricFilter(SCOPE, rootFilter(), List.of(alarmOn("root-usage", "CISBenchmark", "RootUsage", foreign)), Map.of());
        assertThat(m.properties().alarms().get(0).topics()).containsExactly(new MetricFilter.Topic(foreign, null));
        assertThat(m.unknowns()).containsOnlyKeys("alarms.topics.hasSubscribers");
    }

    @Test
    void aTopicWhoseSubscriptionsCouldNotBeReadIsAFailureNeverFalse() {
        var m = LogsMapper.metricFilter(SCOPE, rootFilter(), List.of(alarmOn("root-usage", "CISBenchmark", "RootUsage", TOPIC)),
                Map.of(TOPIC, Read.failed(DENIED)));
        assertThat(m.properties().alarms().get(0).topics()).containsExactly(new MetricFilter.Topic(TOPIC, null));
        assertThat(m.failures()).containsOnlyKeys("alarms.topics.hasSubscribers");
        assertThat(m.failures().get("alarms.topics.hasSubscribers")).contains("sns:ListSubscriptionsByTopic").contains("AuthorizationError");
    }

    @Test
    void anAlarmKeepsItsMetricActionsAndThreshold() {
        var a = LogsMapper.alarm(alarmOn("root-usage", "CISBenchmark", "RootUsage", TOPIC).toBuilder().threshold(1.0).evaluationPeriods(1)
                .period(300).comparisonOperator("GreaterThanOrEqualToThreshold").okActions(List.of()).build());
        assertThat(a.arn()).isEqualTo("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:root-usage");
        assertThat(a.namespace()).isEqualTo("CISBenchmark");
        assertThat(a.metricName()).isEqualTo("RootUsage");
        assertThat(a.alarmActions()).containsExactly(TOPIC);
        assertThat(a.threshold()).isEqualTo(1.0);
        assertThat(a.periodSeconds()).isEqualTo(300L);
        assertThat(a.actionsEnabled()).isTrue();
    }

    @Test
    void aTopicCountsItsSubscriptionsByStateAndParsesItsPolicy() {
        var m = LogsMapper.topic(new LogsMapper.TopicReads(TOPIC,
                Read.found(GetTopicAttributesResponse.builder().attributes(Map.of("KmsMasterKeyId", "alias/aws/sns", "DisplayName", "Security",
                        "Policy", "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"SNS:Publish\",\"Resource\":\"" + TOPIC
                                + "\"}]}")).build()),
                Read.found(List.of(confirmed(TOPIC), pending(TOPIC), pending(TOPIC))),
                Read.found(List.of(Tag.builder().key("team").value("soc").build()))));
        Topic t = m.properties();
        assertThat(t.name()).isEqualTo("security-alerts");
        assertThat(t.kmsMasterKeyId()).isEqualTo("alias/aws/sns");
        assertThat(t.displayName()).isEqualTo("Security");
        assertThat(t.fifo()).isFalse();
        assertThat(t.confirmedSubscriptions()).isEqualTo(1L);
        assertThat(t.pendingSubscriptions()).isEqualTo(2L);
        assertThat(t.policy().statements()).hasSize(1);
        assertThat(t.policy().statements().get(0).principals()).containsExactly("*");
        assertThat(m.tags()).isEqualTo(Map.of("team", "soc"));
        assertThat(m.failures()).isEmpty();
    }

    @Test
    void aTopicWithoutKeyIsUnencrypted() {
        var m = LogsMapper.topic(new LogsMapper.TopicReads(TOPIC, Read.found(GetTopicAttributesResponse.builder().attributes(Map.of()).build()),
                Read.found(List.of()), Read.found(List.of())));
        assertThat(m.properties().kmsMasterKeyId()).isEmpty();
        assertThat(m.properties().confirmedSubscriptions()).isZero();
        assertThat(m.properties().policy().statements()).isEmpty();
    }

    @Test
    void aTopicWhoseReadsFailedHasThosePropertiesFailedNotDefaulted() {
        ApiFailure attrs = new ApiFailure("sns:GetTopicAttributes", "AuthorizationError", "", false, null);
        var m = LogsMapper.topic(new LogsMapper.TopicReads(TOPIC, Read.failed(attrs), Read.failed(DENIED), Read.failed(DENIED)));
        assertThat(m.properties().kmsMasterKeyId()).isNull();
        assertThat(m.properties().policy()).isNull();
        assertThat(m.properties().confirmedSubscriptions()).isNull();
        assertThat(m.failures()).containsOnlyKeys("policy", "kmsMasterKeyId", "displayName", "confirmedSubscriptions", "pendingSubscriptions");
        assertThat(m.failures().get("kmsMasterKeyId")).contains("sns:GetTopicAttributes");
    }

    @Test
    void onlyAKeyArnNamesAKmsKeyResource() {
        assertThat(LogsMapper.keyArn("arn:aws:kms:eu-west-1:111122223333:key/1234")).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/1234");
        assertThat(LogsMapper.keyArn("alias/aws/sns")).isNull();
        assertThat(LogsMapper.keyArn("")).isNull();
    }
}
