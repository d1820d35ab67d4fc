package dev.vigil.aws.ec2;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * One region's compute and its packet filters: security groups, network ACLs, instances, EBS volumes,
 * the account's own EBS snapshots (each with who may restore it), and the region's EBS
 * encryption-by-default setting. The network layout (VPCs, subnets, routing) is {@link VpcCollector}'s.
 */
public final class Ec2Collector implements Collector {
    /** The snapshot was deleted between the listing and the attribute read: it is gone, not private. */
    private static final Set<String> SNAPSHOT_GONE = Set.of("InvalidSnapshot.NotFound");

    @Override
    public String service() {
        return "ec2";
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.EC2_SECURITY_GROUP.id(), AwsTypes.EC2_NETWORK_ACL.id(), AwsTypes.EC2_INSTANCE.id(), AwsTypes.EC2_VOLUME.id(),
                AwsTypes.EC2_SNAPSHOT.id());
    }

    @Override
    public Set<String> settings() {
        return Set.of("region.ebsEncryptionByDefault");
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:GetEbsEncryptionByDefault", "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls", "ec2:DescribeInstances",
                "ec2:DescribeVolumes", "ec2:DescribeSnapshots", "ec2:DescribeSnapshotAttribute");
    }

    @Override
    public void collect(CollectContext ctx) {
        Ec2Client ec2 = ctx.client(Ec2Client::builder);
        Ec2Arns arns = new Ec2Arns(ctx.partition(), ctx.region(), ctx.account());
        try {
            boolean on = ctx.call("ec2:GetEbsEncryptionByDefault", () -> ec2.getEbsEncryptionByDefault(r -> { }).ebsEncryptionByDefault());
            ctx.regionSettings().put("ebsEncryptionByDefault", on);
        } catch (ApiFailure f) {
            ctx.regionSettings().fail("ebsEncryptionByDefault", f.getMessage());
        }

        List<SecurityGroup> groups = ctx.call("ec2:DescribeSecurityGroups",
                () -> ec2.describeSecurityGroupsPaginator(r -> r.maxResults(1000)).securityGroups().stream().toList());
        for (SecurityGroup g : groups) Ec2Mapper.securityGroup(arns, g).emit(ctx, "ec2:DescribeSecurityGroups");

        List<NetworkAcl> acls = ctx.call("ec2:DescribeNetworkAcls",
                () -> ec2.describeNetworkAclsPaginator(r -> r.maxResults(1000)).networkAcls().stream().toList());
        for (NetworkAcl a : acls) Ec2Mapper.networkAcl(arns, a).emit(ctx, "ec2:DescribeNetworkAcls");

        List<Instance> instances = ctx.call("ec2:DescribeInstances",
                () -> ec2.describeInstancesPaginator(r -> r.maxResults(1000)).reservations().stream().flatMap(x -> x.instances().stream()).toList());
        for (Instance i : instances) if (!Ec2Mapper.gone(i)) Ec2Mapper.instance(arns, i).emit(ctx, "ec2:DescribeInstances");

        List<Volume> volumes = ctx.call("ec2:DescribeVolumes", () -> ec2.describeVolumesPaginator(r -> r.maxResults(500)).volumes().stream().toList());
        for (Volume v : volumes) Ec2Mapper.volume(arns, v).emit(ctx, "ec2:DescribeVolumes");

        // OwnerIds=self is what AWS filters on; the owner check keeps out what an endpoint (moto,
        // for one) returns beyond it: public snapshots of other accounts are not this account's risk.
        List<Snapshot> snapshots = ctx.call("ec2:DescribeSnapshots",
                () -> ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").maxResults(1000)).snapshots().stream()
                        .filter(s -> ctx.account().equals(s.ownerId())).toList());
        ctx.forEach(snapshots, s -> {
            var permissions = ctx.read("ec2:DescribeSnapshotAttribute", SNAPSHOT_GONE, () -> ec2.describeSnapshotAttribute(
                    r -> r.snapshotId(s.snapshotId()).attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)));
            if (permissions instanceof Read.Absent) return;
            Ec2Mapper.snapshot(arns, s, permissions).emit(ctx, "ec2:DescribeSnapshots");
        });
    }
}
