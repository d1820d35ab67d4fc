package dev.vigil.aws.logs;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * The monitoring chain of a region, read together because a metric filter's canonical record
 * embeds the alarms on its metrics and whether their SNS topics reach anyone: log groups, metric
 * filters, metric alarms and topics with their subscriptions.
 *
 * <p>A failed listing (log groups, filters, alarms, topics) fails the whole unit: without it no
 * filter's alarms could be told. A failed read of one topic fails that topic's properties and,
 * in every filter whose alarm notifies it, {@code alarms.topics.hasSubscribers}. Composite alarms
 * are not read (they watch alarms, not metrics). Log group tags are not read (one call per group,
 * and accounts hold thousands of groups).
 */
public final class LogsCollector implements Collector {

    @Override
    public String service() {
        return "logs";
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.LOGS_LOG_GROUP.id(), AwsTypes.LOGS_METRIC_FILTER.id(), AwsTypes.CLOUDWATCH_ALARM.id(), AwsTypes.SNS_TOPIC.id());
    }

    @Override
    public List<String> actions() {
        return List.of("logs:DescribeLogGroups", "logs:DescribeMetricFilters", "cloudwatch:DescribeAlarms", "sns:ListTopics",
                "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource");
    }

    @Override
    public void collect(CollectContext ctx) {
        LogsMapper.Scope scope = new LogsMapper.Scope(ctx.partition(), ctx.region(), ctx.account());
        CloudWatchLogsClient logs = ctx.client(CloudWatchLogsClient::builder);
        CloudWatchClient cloudWatch = ctx.client(CloudWatchClient::builder);
        SnsClient sns = ctx.client(SnsClient::builder);

        List<LogGroup> groups = ctx.call("logs:DescribeLogGroups", () -> logs.describeLogGroupsPaginator(r -> { }).logGroups().stream().toList());
        List<MetricFilter> filters = ctx.call("logs:DescribeMetricFilters",
                () -> logs.describeMetricFiltersPaginator(r -> { }).metricFilters().stream().toList());
        List<MetricAlarm> alarms = ctx.call("cloudwatch:DescribeAlarms", () -> cloudWatch.describeAlarmsPaginator(r -> { }).metricAlarms().stream().toList());
        List<String> topics = ctx.call("sns:ListTopics", () -> sns.listTopicsPaginator(r -> { }).topics().stream()
                .map(software.amazon.awssdk.services.sns.model.Topic::topicArn).toList());

        Map<String, LogsMapper.TopicReads> reads = new ConcurrentHashMap<>();
        ctx.forEach(topics, arn -> reads.put(arn, new LogsMapper.TopicReads(arn,
                ctx.read("sns:GetTopicAttributes", Set.of(), () -> sns.getTopicAttributes(r -> r.topicArn(arn))),
                ctx.read("sns:ListSubscriptionsByTopic", Set.of(),
                        () -> sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(arn)).subscriptions().stream().toList()),
                ctx.read("sns:ListTagsForResource", Set.of(), () -> sns.listTagsForResource(r -> r.resourceArn(arn)).tags()))));
        Map<String, Read<List<Subscription>>> subscriptions = new ConcurrentHashMap<>();
        reads.forEach((arn, r) -> subscriptions.put(arn, r.subscriptions()));

        Map<String, Long> filtersPerGroup = filters.stream()
                .collect(Collectors.groupingBy(MetricFilter::logGroupName, Collectors.counting()));
        for (LogGroup g : groups) {
            var group = LogsMapper.logGroup(scope, g, filtersPerGroup.getOrDefault(g.logGroupName(), 0L));
            ctx.resource(AwsTypes.LOGS_LOG_GROUP, group.arn()).name(group.name()).properties(group)
                    .relation("uses-key", AwsTypes.KMS_KEY, group.kmsKeyId()).api("logs:DescribeLogGroups").emit();
        }
        for (MetricFilter f : filters) {
            var m = LogsMapper.metricFilter(scope, f, alarms, subscriptions);
            var builder = ctx.resource(AwsTypes.LOGS_METRIC_FILTER, LogsMapper.metricFilterId(scope, f.logGroupName(), f.filterName()))
                    .name(f.filterName()).properties(m.properties()).failures(m.failures())
                    .relation("member-of", AwsTypes.LOGS_LOG_GROUP, m.properties().logGroupArn()).api("logs:DescribeMetricFilters");
            m.unknowns().forEach(builder::unknown);
            builder.emit();
        }
        for (MetricAlarm a : alarms) {
            var alarm = LogsMapper.alarm(a);
            var builder = ctx.resource(AwsTypes.CLOUDWATCH_ALARM, alarm.arn()).name(alarm.name()).properties(alarm).api("cloudwatch:DescribeAlarms");
            LogsMapper.topicActions(alarm.alarmActions()).forEach(t -> builder.relation("notifies", AwsTypes.SNS_TOPIC, t));
            builder.emit();
        }
        for (String arn : topics) {
            var m = LogsMapper.topic(reads.get(arn));
            var topic = m.properties();
            ctx.resource(AwsTypes.SNS_TOPIC, arn).name(topic.name()).tags(m.tags()).properties(topic).failures(m.failures())
                    .relation("uses-key", AwsTypes.KMS_KEY, LogsMapper.keyArn(topic.kmsMasterKeyId())).api("sns:ListTopics").emit();
        }
    }
}
