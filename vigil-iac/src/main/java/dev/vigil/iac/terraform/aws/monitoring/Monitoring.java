package dev.vigil.iac.terraform.aws.monitoring;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.iac.terraform.aws.Policies;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.cloudwatch.Alarm;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.logs.LogGroup;
import dev.vigil.model.aws.logs.MetricFilter;
import dev.vigil.model.aws.sns.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CloudWatch Logs log groups and metric filters, CloudWatch metric alarms and SNS topics.
 *
 * <p>A log group named by reference is known by its canonical id in this scan; a metric filter's
 * {@code logGroupArn} is that id, and so is a trail's {@code cloudWatchLogsLogGroupArn} when it
 * refers to the group, so the two compare equal as they do between ARNs after deploy.
 */
public final class Monitoring {
    public static final List<String> SPLITS = List.of("aws_sns_topic_policy", "aws_sns_topic_subscription");
    /** Protocols whose subscriptions are confirmed when created; the others wait for their endpoint. */
    private static final Set<String> AUTO_CONFIRMED = Set.of("sqs", "lambda", "firehose", "application", "sms");
    static final String DEFAULT_TOPIC_POLICY = "no policy configured: SNS applies its default topic policy, which names the account (not known before deploy)";

    private Monitoring() {
    }

    public static Resource logGroup(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "name", "name");
        long filters = joins.ofType("aws_cloudwatch_log_metric_filter").stream()
                .filter(f -> Joins.pointsAt(f.attributes().get("log_group_name"), f, r, Joins.keys(r, "name", "id"))).count();
        LogGroup g = new LogGroup(name, a.string("arn", "arn"),
                a.number("retention_in_days", "retentionDays") == null && !a.unresolved("retention_in_days") ? Long.valueOf(0)
                        : a.number("retention_in_days", "retentionDays"),
                Canon.referenceOr(a, r, "kms_key_id", "kmsKeyId", ""), filters, a.string("log_group_class", "logGroupClass", "STANDARD"), null);
        return Canon.resource(r, AwsTypes.LOGS_LOG_GROUP, name, g, a, List.of());
    }

    public static Resource metricFilter(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = a.string("name", "name");
        Object groupValue = a.raw("log_group_name");
        TfResource group = joins.target(groupValue, r, t -> Joins.keys(t, "name", "id"), "aws_cloudwatch_log_group");
        String groupName = groupValue instanceof String s ? s
                : group != null && group.attributes().get("name") instanceof String n ? n : a.string("log_group_name", "logGroupName");
        String groupArn = group != null ? group.id() : null;
        if (groupArn == null) a.unknown("logGroupArn", "the log group is not in the scan; its ARN is not known before deploy");
        List<MetricFilter.Metric> metrics = new ArrayList<>();
        for (Attrs m : a.blocks("metric_transformation", "metrics")) {
            metrics.add(new MetricFilter.Metric(m.string("namespace", "metrics"), m.string("name", "metrics"), m.string("value", "metrics")));
        }
        List<MetricFilter.Alarm> alarms = new ArrayList<>();
        for (TfResource al : joins.ofType("aws_cloudwatch_metric_alarm")) {
            Attrs aa = Canon.attrs(al);
            boolean watches = false;
            for (String[] ref : watched(aa)) {
                for (MetricFilter.Metric m : metrics) watches |= ref[0] != null && ref[0].equals(m.namespace()) && ref[1] != null && ref[1].equals(m.name());
            }
            if (!watches) continue;
            List<String> actions = refs(aa, al, "alarm_actions", "alarms");
            List<MetricFilter.Topic> topics = new ArrayList<>();
            for (Object action : al.attributes().get("alarm_actions") instanceof List<?> l ? l : List.of()) {
                TfResource topic = joins.target(action, al, t -> Joins.keys(t, "arn", "id"), "aws_sns_topic");
                if (topic != null) topics.add(new MetricFilter.Topic(topic.id(), subscribers(topic, joins)));
            }
            alarms.add(new MetricFilter.Alarm(aa.string("alarm_name", "alarms"), al.id(), aa.bool("actions_enabled", "alarms", true), null,
                    actions, topics));
        }
        if (!alarms.isEmpty()) a.unknown("alarms.state", Canon.NOT_BEFORE_DEPLOY);
        MetricFilter f = new MetricFilter(name, groupName, groupArn, a.string("pattern", "pattern"), metrics, alarms);
        return Canon.resource(r, AwsTypes.LOGS_METRIC_FILTER, name, f, a, List.of());
    }

    /** {@code true} when a subscription confirms itself, {@code null} when one waits for its endpoint, {@code false} with none. */
    private static Boolean subscribers(TfResource topic, Joins joins) {
        Boolean out = false;
        for (TfResource s : joins.ofType("aws_sns_topic_subscription")) {
            if (!Joins.pointsAt(s.attributes().get("topic_arn"), s, topic, Joins.keys(topic, "arn", "id"))) continue;
            Object protocol = s.attributes().get("protocol");
            if (protocol instanceof String p && AUTO_CONFIRMED.contains(p)) return true;
            out = null;
        }
        return out;
    }

    /** The metrics an alarm reads: its own, and those of its metric-math queries, as {namespace, name}. */
    private static List<String[]> watched(Attrs a) {
        List<String[]> out = new ArrayList<>();
        if (a.has("metric_name")) out.add(new String[] {a.string("namespace", "namespace"), a.string("metric_name", "metricName")});
        for (Attrs q : a.blocks("metric_query", "metrics")) {
            for (Attrs m : q.blocks("metric", "metrics")) out.add(new String[] {m.string("namespace", "metrics"), m.string("metric_name", "metrics")});
        }
        return out;
    }

    private static List<String> refs(Attrs a, TfResource r, String key, String target) {
        List<String> out = new ArrayList<>();
        Object v = a.raw(key);
        if (v instanceof Unresolved u && u.refersTo() == null) {
            a.unknown(target, u.reason());
            return null;
        }
        for (Object o : v instanceof List<?> l ? l : v == null ? List.of() : List.of(v)) {
            String ref = Canon.reference(o, r);
            if (ref == null) {
                if (o instanceof Unresolved u) a.unknown(target, u.reason());
                return null;
            }
            out.add(ref);
        }
        return out;
    }

    public static Resource alarm(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = a.string("alarm_name", "name");
        List<Alarm.MetricRef> metrics = new ArrayList<>();
        for (String[] m : watched(a)) metrics.add(new Alarm.MetricRef(m[0], m[1]));
        Double threshold = a.raw("threshold") instanceof Number n ? n.doubleValue() : null;
        if (threshold == null && a.unresolved("threshold")) a.string("threshold", "threshold");
        boolean math = !a.has("metric_name");
        Alarm alarm = new Alarm(name, a.string("arn", "arn"), math ? "" : a.string("namespace", "namespace"),
                math ? "" : a.string("metric_name", "metricName"), metrics, a.bool("actions_enabled", "actionsEnabled", true), null,
                refs(a, r, "alarm_actions", "alarmActions"), refs(a, r, "ok_actions", "okActions"),
                refs(a, r, "insufficient_data_actions", "insufficientDataActions"), a.string("comparison_operator", "comparisonOperator"),
                threshold, a.number("evaluation_periods", "evaluationPeriods"),
                math ? Long.valueOf(0) : a.number("period", "periodSeconds"));
        return Canon.resource(r, AwsTypes.CLOUDWATCH_ALARM, name, alarm, a, List.of());
    }

    /** {@code aws_sns_topic} with {@code aws_sns_topic_policy} and its {@code aws_sns_topic_subscription}s. */
    public static Resource topic(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "name", "name");
        List<String> keys = Joins.keys(r, "arn", "id");
        List<TfResource> policies = joins.splits(r, "aws_sns_topic_policy", "arn", keys);
        PolicyDocument policy = Policies.ownOrSplit(a, policies);
        if (policy == null) a.unknown("policy", DEFAULT_TOPIC_POLICY);
        long confirmed = 0;
        long pending = 0;
        for (TfResource s : joins.splits(r, "aws_sns_topic_subscription", "topic_arn", keys)) {
            if (s.attributes().get("protocol") instanceof String p && AUTO_CONFIRMED.contains(p)) confirmed++;
            else pending++;
        }
        Topic t = new Topic(name, a.string("arn", "arn"), a.string("display_name", "displayName", ""),
                Canon.referenceOr(a, r, "kms_master_key_id", "kmsMasterKeyId", ""), a.bool("fifo_topic", "fifo", false), confirmed, pending, policy);
        return Canon.resource(r, AwsTypes.SNS_TOPIC, name, t, a, List.of());
    }
}
