package dev.vigil.iac.terraform.aws.rds;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.rds.DbInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aws_db_instance} into {@code aws.rds.db-instance}. Unset arguments take what the provider
 * and RDS apply: not encrypted, not public, single-AZ, minor upgrades on, no deletion protection,
 * one day of backups (RDS's default when the request sets none), no IAM authentication, no
 * enhanced monitoring, no log exports, tags not copied, the engine's default port.
 */
public final class DbInstances {
    private DbInstances() {
    }

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String id = Canon.name(a, "identifier", "dbInstanceIdentifier");
        String engine = a.string("engine", "engine");
        if (engine == null && !a.unresolved("engine")) a.unknown("engine", "no engine configured: it comes from the snapshot or replica source");
        Long port = a.has("port") || a.unresolved("port") ? a.number("port", "port") : defaultPort(engine);
        if (port == null && !a.unknowns().containsKey("port")) a.unknown("port", "no port configured and no default port known for the engine");
        List<String> logs = a.strings("enabled_cloudwatch_logs_exports", "cloudwatchLogsExports");
        if (logs == null && !a.unresolved("enabled_cloudwatch_logs_exports")) logs = new ArrayList<>();
        String vpcId = null;
        if (!a.has("db_subnet_group_name") && !a.unresolved("db_subnet_group_name")) {
            a.unknown("vpcId", "no db_subnet_group_name configured: the instance goes into the default VPC, known after deploy");
        } else {
            // the group's first subnet says the VPC (every subnet of a DB subnet group is in one VPC)
            TfResource group = joins.target(a.raw("db_subnet_group_name"), r, t -> Joins.keys(t, "name", "id"), "aws_db_subnet_group");
            Object subnets = group == null ? null : group.attributes().get("subnet_ids");
            Object first = subnets instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
            vpcId = group == null ? null : Canon.vpcOfSubnet(first, group, joins);
            if (vpcId == null) a.unknown("vpcId", "the VPC of the DB subnet group is not in the scan");
        }
        DbInstance db = new DbInstance(id, engine, a.string("engine_version", "engineVersion", ""), a.string("instance_class", "instanceClass"),
                a.bool("storage_encrypted", "storageEncrypted", false), Canon.referenceOr(a, r, "kms_key_id", "kmsKeyId", ""),
                a.bool("publicly_accessible", "publiclyAccessible", false), a.bool("multi_az", "multiAz", false),
                a.bool("auto_minor_version_upgrade", "autoMinorVersionUpgrade", true), a.bool("deletion_protection", "deletionProtection", false),
                a.has("backup_retention_period") || a.unresolved("backup_retention_period")
                        ? a.number("backup_retention_period", "backupRetentionPeriod") : Long.valueOf(1),
                a.bool("iam_database_authentication_enabled", "iamDatabaseAuthenticationEnabled", false),
                a.has("monitoring_interval") || a.unresolved("monitoring_interval") ? a.number("monitoring_interval", "monitoringInterval") : Long.valueOf(0),
                logs, a.bool("copy_tags_to_snapshot", "copyTagsToSnapshot", false), port,
                a.has("username") || a.unresolved("username") ? a.string("username", "masterUsername") : null, vpcId);
        if (!a.has("username") && !a.unresolved("username")) a.unknown("masterUsername", "no username configured: it comes from the snapshot or replica source");
        return Canon.resource(r, AwsTypes.RDS_DB_INSTANCE, id, db, a, List.of());
    }

    static Long defaultPort(String engine) {
        if (engine == null) return null;
        if (engine.matches("mysql|mariadb|aurora|aurora-mysql")) return 3306L;
        if (engine.matches("postgres|aurora-postgresql")) return 5432L;
        if (engine.matches("(custom-)?oracle-.*")) return 1521L;
        if (engine.matches("(custom-)?sqlserver-.*")) return 1433L;
        if (engine.startsWith("db2-")) return 50000L;
        return null;
    }
}
