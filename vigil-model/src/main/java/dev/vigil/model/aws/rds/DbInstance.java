package dev.vigil.model.aws.rds;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("An RDS DB instance.")
public record DbInstance(
        String dbInstanceIdentifier,
        String engine,
        String engineVersion,
        String instanceClass,
        Boolean storageEncrypted,
        String kmsKeyId,
        Boolean publiclyAccessible,
        Boolean multiAz,
        Boolean autoMinorVersionUpgrade,
        Boolean deletionProtection,
        @Doc("Days automated backups are kept; 0 means off") Long backupRetentionPeriod,
        Boolean iamDatabaseAuthenticationEnabled,
        @Doc("Enhanced monitoring interval in seconds; 0 means off") Long monitoringInterval,
        @Doc("Log types exported to CloudWatch Logs") List<String> cloudwatchLogsExports,
        Boolean copyTagsToSnapshot,
        Long port,
        String masterUsername,
        String vpcId) {
}
