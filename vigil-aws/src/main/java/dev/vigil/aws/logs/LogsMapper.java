package dev.vigil.aws.logs;

import dev.vigil.model.aws.iam.PolicyDocuments;
import dev.vigil.aws.live.Failures;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.cloudwatch.Alarm;
import dev.vigil.model.aws.logs.LogGroup;
import dev.vigil.model.aws.logs.MetricFilter;
import dev.vigil.model.aws.sns.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Tag;

/**
 * CloudWatch Logs, CloudWatch and SNS responses of one region to canonical log groups, metric
 * filters (with the alarms on their metrics and whether those alarms reach anyone), alarms and
 * topics: pure functions, no calls.
 */
public final class LogsMapper {
    /** ListSubscriptionsByTopic's SubscriptionArn for a subscription its endpoint has not confirmed yet. */
    static final String PENDING = "PendingConfirmation";

    private LogsMapper() {
    }

    /** Where the region's resources live: the ARNs are built from it. */
    public record Scope(String partition, String region, String account) {
    }

    /** A mapped resource with the property paths that could not be read or cannot be known. */
    public record Mapped<T extends Record>(T properties, Map<String, String> tags, Map<String, String> failures, Map<String, String> unknowns) {
    }

    /** Everything read about one topic of the region; each detail is found or failed. */
    public record TopicReads(String arn, Read<GetTopicAttributesResponse> attributes, Read<List<Subscription>> subscriptions,
                             Read<List<Tag>> tags) {
    }

    /**
     * The log group's ARN as CloudTrail's {@code CloudWatchLogsLogGroupArn}, CloudFormation and
     * DescribeLogGroups' {@code arn} give it, ending in {@code :*}: the canonical id, so that a trail
     * names its log group by the group's id.
     */
    public static String logGroupArn(Scope s, String logGroupName) {
        return "arn:" + s.partition() + ":logs:" + s.region() + ":" + s.account() + ":log-group:" + logGroupName + ":*";
    }

    /**
     * A metric filter has no ARN of its own; its id extends its log group's ARN. Unambiguous: log
     * group names and filter names may not contain ':'.
     */
    public static String metricFilterId(Scope s, String logGroupName, String filterName) {
        String group = logGroupArn(s, logGroupName);
        return group.substring(0, group.length() - 2) + ":metric-filter:" + filterName;
    }

    /** {@code metricFilters}: the group's filters in the region's DescribeMetricFilters listing, which counts them exactly. */
    public static LogGroup logGroup(Scope s, software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup g, long metricFilters) {
        return new LogGroup(g.logGroupName(), logGroupArn(s, g.logGroupName()),
                g.retentionInDays() == null ? 0L : g.retentionInDays().longValue(),
                nz(g.kmsKeyId()),
                metricFilters,
                g.logGroupClassAsString() == null ? "STANDARD" : g.logGroupClassAsString(),
                g.creationTime() == null ? "" : Instant.ofEpochMilli(g.creationTime()).toString());
    }

    public static Alarm alarm(MetricAlarm a) {
        return new Alarm(a.alarmName(), a.alarmArn(), nz(a.namespace()), nz(a.metricName()),
                metrics(a).stream().map(m -> new Alarm.MetricRef(m.namespace(), m.name())).toList(),
                a.actionsEnabled(), a.stateValueAsString(), a.alarmActions(), a.okActions(), a.insufficientDataActions(),
                a.comparisonOperatorAsString(), a.threshold(),
                a.evaluationPeriods() == null ? null : a.evaluationPeriods().longValue(),
                a.period() == null ? 0L : a.period().longValue());
    }

    /** The SNS topics among an alarm's actions (Auto Scaling, EC2 and Systems Manager actions are not topics). */
    public static List<String> topicActions(List<String> actions) {
        return actions.stream().filter(x -> {
            String[] parts = x.split(":", 6);
            return parts.length == 6 && parts[0].equals("arn") && parts[2].equals("sns");
        }).toList();
    }

    public static Mapped<Topic> topic(TopicReads r) {
        Failures f = new Failures();
        String name = r.arn().substring(r.arn().lastIndexOf(':') + 1);
        // Only FIFO topic names end in ".fifo" (standard topic names may not contain a dot).
        Map<String, String> attributes = f.check("policy", r.attributes()).map(GetTopicAttributesResponse::attributes, null);
        Subscribers subs = f.check("confirmedSubscriptions", r.subscriptions()).map(Subscribers::of, null);
        Map<String, String> tags = new TreeMap<>();
        r.tags().map(t -> {
            t.forEach(x -> tags.put(x.key(), x.value()));
            return tags;
        }, tags);
        Topic t = new Topic(name, r.arn(),
                attributes == null ? null : attributes.getOrDefault("DisplayName", ""),
                attributes == null ? null : attributes.getOrDefault("KmsMasterKeyId", ""),
                name.endsWith(".fifo"),
                subs == null ? null : subs.confirmed(),
                subs == null ? null : subs.pending(),
                attributes == null ? null : PolicyDocuments.parse(attributes.get("Policy")));
        Map<String, String> failures = new TreeMap<>(f.byPath());
        if (failures.containsKey("policy")) {
            for (String p : List.of("displayName", "kmsMasterKeyId")) failures.put(p, failures.get("policy"));
        }
        if (failures.containsKey("confirmedSubscriptions")) failures.put("pendingSubscriptions", failures.get("confirmedSubscriptions"));
        return new Mapped<>(t, tags, failures, Map.of());
    }

    /** The key's ARN when SNS names the key by ARN; an alias or a bare key id names no resource of the scan. */
    public static String keyArn(String kmsMasterKeyId) {
        return kmsMasterKeyId != null && kmsMasterKeyId.startsWith("arn:") && kmsMasterKeyId.contains(":key/") ? kmsMasterKeyId : null;
    }

    /** A topic's subscriptions by state: a confirmed one has its own ARN, a pending one {@value #PENDING}. */
    public record Subscribers(long confirmed, long pending) {
        static Subscribers of(List<Subscription> subscriptions) {
            long confirmed = subscriptions.stream().filter(s -> s.subscriptionArn() != null && s.subscriptionArn().startsWith("arn:")).count();
            long pending = subscriptions.stream().filter(s -> PENDING.equals(s.subscriptionArn())).count();
            return new Subscribers(confirmed, pending);
        }
    }

    /**
     * A metric filter with the region's alarms on its metrics embedded, each with the SNS topics it
     * notifies and whether they have a confirmed subscriber. {@code topics} holds the region's
     * topics by ARN as read: a topic of this account and region that is not there does not exist
     * (so notifies no one); one of another account or region is unknown; one whose subscriptions
     * could not be read is failed.
     */
    public static Mapped<MetricFilter> metricFilter(Scope s, software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter mf,
                                                    List<MetricAlarm> alarms, Map<String, Read<List<Subscription>>> topics) {
        List<MetricFilter.Metric> metrics = mf.metricTransformations().stream()
                .map(m -> new MetricFilter.Metric(m.metricNamespace(), m.metricName(), nz(m.metricValue()))).toList();
        Set<Key> published = new LinkedHashSet<>();
        metrics.forEach(m -> published.add(new Key(m.namespace(), m.name())));
        Map<String, String> failures = new TreeMap<>();
        Map<String, String> unknowns = new TreeMap<>();
        List<MetricFilter.Alarm> watching = new ArrayList<>();
        for (MetricAlarm a : alarms) {
            if (metrics(a).stream().noneMatch(published::contains)) continue;
            List<MetricFilter.Topic> notified = new ArrayList<>();
            for (String arn : topicActions(a.alarmActions())) {
                Boolean subscribed;
                Read<List<Subscription>> read = topics.get(arn);
                if (!arn.startsWith("arn:" + s.partition() + ":sns:" + s.region() + ":" + s.account() + ":")) {
                    subscribed = null;
                    unknowns.put("alarms.topics.hasSubscribers", "alarm " + a.alarmName() + " notifies " + arn
                            + ", outside this account and region, whose subscriptions were not read");
                } else if (read == null) {
                    subscribed = false;
                } else if (read.failure() != null) {
                    subscribed = null;
                    failures.put("alarms.topics.hasSubscribers", read.failure().getMessage());
                } else {
                    subscribed = read.map(x -> Subscribers.of(x).confirmed() > 0, false);
                }
                notified.add(new MetricFilter.Topic(arn, subscribed));
            }
            watching.add(new MetricFilter.Alarm(a.alarmName(), a.alarmArn(), a.actionsEnabled(), a.stateValueAsString(), a.alarmActions(), notified));
        }
        MetricFilter out = new MetricFilter(mf.filterName(), mf.logGroupName(), logGroupArn(s, mf.logGroupName()), nz(mf.filterPattern()),
                metrics, watching);
        return new Mapped<>(out, Map.of(), failures, unknowns);
    }

    private record Key(String namespace, String name) {
    }

    /** The metrics an alarm reads: its own, or those of its metric-math queries. */
    private static List<Key> metrics(MetricAlarm a) {
        List<Key> out = new ArrayList<>();
        if (a.metricName() != null && !a.metricName().isEmpty()) out.add(new Key(nz(a.namespace()), a.metricName()));
        for (MetricDataQuery q : a.metrics()) {
            if (q.metricStat() != null && q.metricStat().metric() != null) {
                var m = q.metricStat().metric();
                Key k = new Key(nz(m.namespace()), nz(m.metricName()));
                if (!out.contains(k)) out.add(k);
            }
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
