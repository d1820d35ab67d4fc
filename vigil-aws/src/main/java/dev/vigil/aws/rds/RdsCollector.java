package dev.vigil.aws.rds;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.rds.DbInstance;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttributesResult;

/** RDS DB instances and DB snapshots of one region; each manual snapshot's restore permissions are read on their own. */
public final class RdsCollector implements Collector {

    @Override
    public String service() {
        return "rds";
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.RDS_DB_INSTANCE.id(), AwsTypes.RDS_DB_SNAPSHOT.id());
    }

    @Override
    public List<String> actions() {
        return List.of("rds:DescribeDBInstances", "rds:DescribeDBSnapshots", "rds:DescribeDBSnapshotAttributes");
    }

    @Override
    public void collect(CollectContext ctx) {
        RdsClient rds = ctx.client(RdsClient::builder);
        List<DBInstance> instances = ctx.call("rds:DescribeDBInstances", () -> rds.describeDBInstancesPaginator(r -> r.maxRecords(100))
                .dbInstances().stream().toList());
        // Snapshots are listed before anything is emitted, so a failed listing hides both types alike.
        List<DBSnapshot> snapshots = ctx.call("rds:DescribeDBSnapshots", () -> rds.describeDBSnapshotsPaginator(r -> r.maxRecords(100))
                .dbSnapshots().stream().toList());
        for (DBInstance d : instances) {
            DbInstance db = RdsMapper.dbInstance(d);
            ctx.resource(AwsTypes.RDS_DB_INSTANCE, d.dbInstanceArn()).name(d.dbInstanceIdentifier()).tags(RdsMapper.tags(d.tagList()))
                    .properties(db).api("rds:DescribeDBInstances").emit();
        }
        ctx.forEach(snapshots, s -> {
            Read<DBSnapshotAttributesResult> attributes = RdsMapper.shareable(s)
                    ? ctx.read("rds:DescribeDBSnapshotAttributes", Set.of(),
                            () -> rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier(s.dbSnapshotIdentifier())).dbSnapshotAttributesResult())
                    : null;
            RdsMapper.MappedSnapshot m = RdsMapper.snapshot(s, attributes);
            ctx.resource(AwsTypes.RDS_DB_SNAPSHOT, s.dbSnapshotArn()).name(s.dbSnapshotIdentifier()).tags(m.tags()).properties(m.snapshot())
                    .failures(m.failures()).relation("uses-key", AwsTypes.KMS_KEY, m.snapshot().kmsKeyId())
                    .api("rds:DescribeDBSnapshots").emit();
        });
    }
}
