package dev.vigil.model.aws.secretsmanager;

import dev.vigil.model.schema.Doc;

/** A Secrets Manager secret's metadata; its value is never read. */
@Doc("A Secrets Manager secret: encryption and rotation.")
public record Secret(
        String name,
        String arn,
        String description,
        @Doc("Customer managed KMS key, empty for the AWS managed key aws/secretsmanager") String kmsKeyId,
        @Doc("Automatic rotation is on") Boolean rotationEnabled,
        @Doc("Days between rotations; 0 when rotation has no day interval (off, or a schedule expression)") Long rotationDays,
        @Doc("Rotation schedule expression (cron() or rate()), empty when none") String rotationSchedule,
        @Doc("ARN of the rotation function, empty when none") String rotationLambdaArn,
        @Doc("ISO-8601, empty when never rotated") String lastRotatedDate,
        @Doc("ISO-8601 date of the last retrieval, empty when never accessed") String lastAccessedDate,
        @Doc("ISO-8601") String lastChangedDate,
        @Doc("ISO-8601") String createdDate) {
}
