package dev.vigil.iac.cloudformation.aws.rds;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.rds.DbInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code AWS::RDS::DBInstance} to {@code aws.rds.db-instance}, with the RDS API's defaults for what
 * the template leaves out: storage unencrypted, not Multi-AZ, minor version upgrades on, no
 * deletion protection, one day of backups, no IAM authentication, no enhanced monitoring, no log
 * exports, the engine's standard port. Without a DB subnet group the instance lands in the default
 * VPC and is publicly accessible; with one it is private unless the template says otherwise.
 */
public final class RdsMapper {
    private static final Map<String, Long> PORTS = Map.of("mysql", 3306L, "mariadb", 3306L, "postgres", 5432L, "oracle", 1521L,
            "sqlserver", 1433L, "aurora", 3306L, "db2", 50000L);

    private RdsMapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::RDS::DBInstance")) dbInstance(r, stack);
    }

    private static void dbInstance(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String id = a.string("DBInstanceIdentifier", "dbInstanceIdentifier");
        if (id == null && !a.unresolved("DBInstanceIdentifier")) a.unknown("dbInstanceIdentifier", "no DBInstanceIdentifier: CloudFormation generates it at deploy");
        String engine = a.string("Engine", "engine");
        if (engine != null) engine = engine.toLowerCase();
        String version = a.string("EngineVersion", "engineVersion");
        if (version == null && !a.unresolved("EngineVersion")) a.unknown("engineVersion", "no EngineVersion: the engine's default version at deploy");
        boolean subnetGroup = a.has("DBSubnetGroupName");
        Long port = a.number("Port", "port");
        if (port == null && !a.unresolved("Port")) port = engine == null ? null : PORTS.entrySet().stream()
                .filter(e -> r.properties().get("Engine") instanceof String && ((String) r.properties().get("Engine")).toLowerCase().startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (port == null) a.unknown("port", "the engine's port is not known to Vigil");
        String vpc = vpcOf(a, r, stack);
        List<String> logs = a.strings("EnableCloudwatchLogsExports", "cloudwatchLogsExports");
        DbInstance db = new DbInstance(id, engine, version, a.string("DBInstanceClass", "instanceClass"),
                a.bool("StorageEncrypted", "storageEncrypted", false), stack.idOf(a, "KmsKeyId", "kmsKeyId", ""),
                a.bool("PubliclyAccessible", "publiclyAccessible", !subnetGroup), a.bool("MultiAZ", "multiAz", false),
                a.bool("AutoMinorVersionUpgrade", "autoMinorVersionUpgrade", true), a.bool("DeletionProtection", "deletionProtection", false),
                a.has("BackupRetentionPeriod") || a.unresolved("BackupRetentionPeriod") ? a.number("BackupRetentionPeriod", "backupRetentionPeriod") : Long.valueOf(1),
                a.bool("EnableIAMDatabaseAuthentication", "iamDatabaseAuthenticationEnabled", false),
                a.has("MonitoringInterval") || a.unresolved("MonitoringInterval") ? a.number("MonitoringInterval", "monitoringInterval") : Long.valueOf(0),
                logs == null && !a.unresolved("EnableCloudwatchLogsExports") ? new ArrayList<>() : logs,
                a.bool("CopyTagsToSnapshot", "copyTagsToSnapshot", false), port, a.string("MasterUsername", "masterUsername"), vpc);
        if (db.masterUsername() == null && !a.unresolved("MasterUsername")) a.unknown("masterUsername", "no MasterUsername (a snapshot restore or a cluster member)");
        if (a.has("DBClusterIdentifier") || a.unresolved("DBClusterIdentifier")) {
            // an Aurora cluster member takes these from its AWS::RDS::DBCluster, not from the instance
            String why = "set on the instance's Aurora cluster (AWS::RDS::DBCluster), which Vigil does not read";
            for (String f : List.of("storageEncrypted", "kmsKeyId", "backupRetentionPeriod", "iamDatabaseAuthenticationEnabled",
                    "deletionProtection", "copyTagsToSnapshot", "masterUsername", "cloudwatchLogsExports", "port")) {
                a.unknowns().put(f, why);
            }
            db = new DbInstance(db.dbInstanceIdentifier(), db.engine(), db.engineVersion(), db.instanceClass(), null, null, db.publiclyAccessible(),
                    db.multiAz(), db.autoMinorVersionUpgrade(), null, null, null, db.monitoringInterval(), null, null, null, null, db.vpcId());
        }
        stack.add(r, AwsTypes.RDS_DB_INSTANCE, id, db, a.unknowns(), List.of());
    }

    /** The VPC of the instance's subnet group, when the group and its first subnet are in the templates. */
    private static String vpcOf(Attrs a, CfnResource r, Stack stack) {
        if (!a.has("DBSubnetGroupName")) {
            a.unknown("vpcId", "no DBSubnetGroupName: the default VPC, whose id is known only at deploy");
            return null;
        }
        CfnResource group = stack.find(a.raw("DBSubnetGroupName"), r, "AWS::RDS::DBSubnetGroup");
        if (group != null && group.properties().get("SubnetIds") instanceof List<?> subnets && !subnets.isEmpty()) {
            CfnResource subnet = stack.find(subnets.get(0), group, "AWS::EC2::Subnet");
            if (subnet != null) {
                String vpc = stack.idOf(new Attrs(subnet.properties(), a.unknowns()), "VpcId", "vpcId", null);
                if (vpc != null) return vpc;
            }
        }
        if (!a.unknowns().containsKey("vpcId")) a.unknown("vpcId", "the DB subnet group's VPC is not declared in the templates");
        return null;
    }
}
