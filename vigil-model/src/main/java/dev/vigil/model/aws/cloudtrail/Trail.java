package dev.vigil.model.aws.cloudtrail;

import dev.vigil.model.schema.Doc;

@Doc("A CloudTrail trail with its status and event selection.")
public record Trail(
        String name,
        String arn,
        String homeRegion,
        Boolean multiRegion,
        @Doc("The trail is currently logging") Boolean logging,
        Boolean logFileValidation,
        @Doc("KMS key for log encryption, empty when none") String kmsKeyId,
        String s3BucketName,
        @Doc("CloudWatch Logs group ARN, empty when none") String cloudWatchLogsLogGroupArn,
        Boolean includeGlobalServiceEvents,
        Boolean organizationTrail,
        @Doc("Management events recorded: All, ReadOnly, WriteOnly or None") String managementEvents,
        @Doc("S3 object-level (data) events recorded for all buckets: All, ReadOnly, WriteOnly or None") String s3DataEvents) {
}
