package dev.vigil.aws.eks;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.eks.Cluster;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.eks.EksClient;

/** EKS clusters of one region, each described on its own. */
public final class EksCollector implements Collector {

    @Override
    public String service() {
        return "eks";
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.EKS_CLUSTER.id());
    }

    @Override
    public List<String> actions() {
        return List.of("eks:ListClusters", "eks:DescribeCluster");
    }

    @Override
    public void collect(CollectContext ctx) {
        EksClient eks = ctx.client(EksClient::builder);
        List<String> names = ctx.call("eks:ListClusters", () -> eks.listClustersPaginator(r -> r.maxResults(100)).clusters().stream().toList());
        ctx.forEach(names, name -> {
            var described = ctx.read("eks:DescribeCluster", Set.of(), () -> eks.describeCluster(r -> r.name(name)).cluster());
            if (!(described instanceof Read.Found<software.amazon.awssdk.services.eks.model.Cluster> found)) {
                // Without its description nothing is known of the cluster but its name: it stands in the scan with every detail failed.
                EksMapper.Mapped m = EksMapper.undescribed(name, EksMapper.arn(ctx.partition(), ctx.region(), ctx.account(), name), described.failure());
                ctx.resource(AwsTypes.EKS_CLUSTER, m.cluster().arn()).name(name).properties(m.cluster()).failures(m.failures())
                        .api("eks:ListClusters").emit();
                return;
            }
            var c = found.value();
            Cluster cluster = EksMapper.cluster(c);
            var b = ctx.resource(AwsTypes.EKS_CLUSTER, c.arn()).name(name).tags(c.tags() == null ? Map.of() : c.tags()).properties(cluster)
                    .relation("in-vpc", AwsTypes.EC2_VPC, cluster.vpcId().isEmpty() ? null : ec2(ctx, "vpc/" + cluster.vpcId()))
                    .relation("uses-key", AwsTypes.KMS_KEY, cluster.secretsEncryptionKeyArn())
                    .relation("uses", AwsTypes.IAM_ROLE, c.roleArn())
                    .api("eks:ListClusters");
            for (String sg : cluster.securityGroupIds()) b.relation("uses", AwsTypes.EC2_SECURITY_GROUP, ec2(ctx, "security-group/" + sg));
            b.emit();
        });
    }

    private static String ec2(CollectContext ctx, String kindAndId) {
        return "arn:" + ctx.partition() + ":ec2:" + ctx.region() + ":" + ctx.account() + ":" + kindAndId;
    }
}
