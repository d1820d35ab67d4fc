package dev.vigil.model.aws.rds;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("An RDS DB snapshot (of a DB instance), manual or automated.")
public record DbSnapshot(
        String dbSnapshotIdentifier,
        String arn,
        @Doc("The DB instance it was taken from") String dbInstanceIdentifier,
        String engine,
        @Doc("manual, automated, awsbackup, shared or public") String snapshotType,
        @Doc("Available, creating, ...") String status,
        Boolean encrypted,
        @Doc("KMS key of an encrypted snapshot, empty otherwise") String kmsKeyId,
        @Doc("Any AWS account can restore it: its restore attribute includes 'all'") Boolean publiclyRestorable,
        @Doc("Account ids it is shared with for restore, 'all' excluded") List<String> sharedWithAccounts,
        @Doc("When it was taken (ISO-8601), empty while it is being created") String createTime) {
}
