package dev.vigil.aws.rds;

import dev.vigil.aws.live.Failures;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.rds.DbInstance;
import dev.vigil.model.aws.rds.DbSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * RDS API responses to canonical DB instances and snapshots: pure functions, no calls. A flag AWS
 * leaves out of a response is off, as the AWS Config adapter reads it.
 */
public final class RdsMapper {
    /** The restore attribute whose values are the accounts that may restore a manual snapshot, {@code all} for anyone. */
    static final String RESTORE = "restore";

    private RdsMapper() {
    }

    public record MappedSnapshot(DbSnapshot snapshot, Map<String, String> tags, Map<String, String> failures) {
    }

    /** Everything DescribeDBInstances tells about one instance. */
    public static DbInstance dbInstance(DBInstance d) {
        return new DbInstance(d.dbInstanceIdentifier(), nz(d.engine()), nz(d.engineVersion()), nz(d.dbInstanceClass()), on(d.storageEncrypted()),
                nz(d.kmsKeyId()), on(d.publiclyAccessible()), on(d.multiAZ()), on(d.autoMinorVersionUpgrade()), on(d.deletionProtection()),
                num(d.backupRetentionPeriod()), on(d.iamDatabaseAuthenticationEnabled()), num(d.monitoringInterval()),
                List.copyOf(d.enabledCloudwatchLogsExports()), on(d.copyTagsToSnapshot()),
                d.endpoint() == null || d.endpoint().port() == null ? null : d.endpoint().port().longValue(), nz(d.masterUsername()),
                d.dbSubnetGroup() == null ? "" : nz(d.dbSubnetGroup().vpcId()));
    }

    /**
     * A snapshot, with who may restore it from DescribeDBSnapshotAttributes ({@code attributes}).
     * Automated snapshots cannot be shared, so the collector does not ask and passes {@code null}:
     * no one outside the account may restore them.
     */
    public static MappedSnapshot snapshot(DBSnapshot s, Read<DBSnapshotAttributesResult> attributes) {
        Failures f = new Failures();
        List<String> restorers = attributes == null ? List.of() : f.check("publiclyRestorable", attributes).map(a -> {
            List<String> out = new ArrayList<>();
            a.dbSnapshotAttributes().stream().filter(x -> RESTORE.equals(x.attributeName())).forEach(x -> out.addAll(x.attributeValues()));
            return out;
        }, List.of());
        Map<String, String> failures = new TreeMap<>(f.byPath());
        if (failures.containsKey("publiclyRestorable")) failures.put("sharedWithAccounts", failures.get("publiclyRestorable"));
        DbSnapshot snapshot = new DbSnapshot(s.dbSnapshotIdentifier(), s.dbSnapshotArn(), nz(s.dbInstanceIdentifier()), nz(s.engine()),
                nz(s.snapshotType()), nz(s.status()), on(s.encrypted()), nz(s.kmsKeyId()),
                restorers == null ? null : restorers.contains("all"),
                restorers == null ? null : restorers.stream().filter(x -> !x.equals("all")).sorted().toList(),
                s.snapshotCreateTime() == null ? "" : s.snapshotCreateTime().toString());
        return new MappedSnapshot(snapshot, tags(s.tagList()), failures);
    }

    /** Whether a snapshot's attributes are worth asking for: only manual snapshots can be shared. */
    public static boolean shareable(DBSnapshot s) {
        return !"automated".equals(s.snapshotType());
    }

    public static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        for (Tag t : tags) if (t.key() != null) out.put(t.key(), nz(t.value()));
        return out;
    }

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static long num(Integer i) {
        return i == null ? 0 : i;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
