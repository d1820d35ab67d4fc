package dev.vigil.model.aws.logs;

import dev.vigil.model.schema.Doc;

@Doc("A CloudWatch Logs log group: how long it keeps events and how they are encrypted.")
public record LogGroup(
        String name,
        @Doc("The ARN as CloudTrail and CloudFormation give it, ending in ':*' (CloudTrail's cloudWatchLogsLogGroupArn names the group this way)")
        String arn,
        @Doc("Days events are kept; 0 means they never expire") Long retentionDays,
        @Doc("ARN of the KMS key that encrypts the events, empty when CloudWatch Logs' own keys do") String kmsKeyId,
        @Doc("Number of metric filters on the group") Long metricFilterCount,
        @Doc("STANDARD, INFREQUENT_ACCESS or DELIVERY") String logGroupClass,
        @Doc("ISO-8601 creation time") String created) {
}
