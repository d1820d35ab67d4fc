package dev.vigil.model.aws.logs;

import dev.vigil.model.schema.Doc;
import java.util.List;

/**
 * A metric filter with, embedded, the alarms on the metrics it publishes and whether anyone
 * receives their notifications: what CIS AWS section 4 asks of a filter on the CloudTrail log
 * group ("a filter whose pattern matches X feeds an alarm whose SNS topic has a subscriber") is
 * then one expression over this record.
 */
@Doc("A CloudWatch Logs metric filter, the alarms on the metrics it publishes, and the SNS topics those alarms notify.")
public record MetricFilter(
        String name,
        String logGroupName,
        @Doc("The log group's ARN as CloudTrail gives it, ending in ':*': compare with a trail's cloudWatchLogsLogGroupArn") String logGroupArn,
        @Doc("The filter pattern, verbatim") String pattern,
        @Doc("The metrics the filter publishes") List<Metric> metrics,
        @Doc("The CloudWatch metric alarms watching any of those metrics (by namespace and name, also inside metric math)") List<Alarm> alarms) {

    @Doc("A metric the filter publishes.")
    public record Metric(String namespace, String name, @Doc("The value published per matching event, e.g. 1") String value) {
    }

    @Doc("An alarm on one of the filter's metrics.")
    public record Alarm(
            String name,
            String arn,
            @Doc("The alarm's actions are enabled") Boolean actionsEnabled,
            @Doc("OK, ALARM or INSUFFICIENT_DATA") String state,
            @Doc("Every action taken on entering ALARM (SNS topics, Auto Scaling, EC2, Systems Manager)") List<String> alarmActions,
            @Doc("The SNS topics among the ALARM actions") List<Topic> topics) {
    }

    @Doc("An SNS topic an alarm notifies when it enters ALARM.")
    public record Topic(
            String arn,
            @Doc("The topic has at least one confirmed subscription; false when the topic does not exist. Absent (unknown) for a topic in another account or region, or when its subscriptions could not be read")
            Boolean hasSubscribers) {
    }
}
