package dev.vigil.iac.cloudformation.aws.eks;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.eks.Cluster;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::EKS::Cluster} to {@code aws.eks.cluster}, with the EKS API's defaults: a public
 * endpoint open to 0.0.0.0/0, no private endpoint, no control plane logs, no secrets encryption.
 * Without a Version, EKS picks its default version at deploy.
 */
public final class EksMapper {
    private EksMapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::EKS::Cluster")) cluster(r, stack);
    }

    private static void cluster(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = Stack.generatedName(a, "Name");
        a.unknown("arn", "the cluster's ARN is known only after deploy");
        a.unknown("status", "known only after deploy");
        String version = a.string("Version", "version");
        if (version == null && !a.unresolved("Version")) a.unknown("version", "no Version: EKS's default version at deploy");
        Attrs vpc = a.block("ResourcesVpcConfig", "vpcId");
        List<String> cidrs = vpc.has("PublicAccessCidrs") || vpc.unresolved("PublicAccessCidrs")
                ? vpc.strings("PublicAccessCidrs", "publicAccessCidrs") : new ArrayList<>(List.of("0.0.0.0/0"));
        List<String> subnets = stack.idsOf(vpc, "SubnetIds", "subnetIds");
        String vpcId = null;
        if (vpc.raw("SubnetIds") instanceof List<?> l && !l.isEmpty()) {
            CfnResource subnet = stack.find(l.get(0), r, "AWS::EC2::Subnet");
            if (subnet != null) vpcId = stack.idOf(new Attrs(subnet.properties(), a.unknowns()), "VpcId", "vpcId", null);
        }
        if (vpcId == null) a.unknown("vpcId", "the VPC of the cluster's subnets is not declared in the templates");
        List<String> logTypes = new ArrayList<>();
        for (Attrs t : a.block("Logging", "enabledLogTypes").block("ClusterLogging", "enabledLogTypes").blocks("EnabledTypes", "enabledLogTypes")) {
            String type = t.string("Type", "enabledLogTypes");
            if (type != null) logTypes.add(type);
        }
        String key = "";
        for (Attrs e : a.blocks("EncryptionConfig", "secretsEncryptionKeyArn")) {
            List<String> resources = e.strings("Resources", "secretsEncryptionKeyArn");
            if (resources != null && resources.contains("secrets")) key = stack.idOf(e.block("Provider", "secretsEncryptionKeyArn"), "KeyArn", "secretsEncryptionKeyArn", "");
        }
        Cluster c = new Cluster(name, null, version, null, vpc.bool("EndpointPublicAccess", "endpointPublicAccess", true),
                vpc.bool("EndpointPrivateAccess", "endpointPrivateAccess", false), cidrs, logTypes, key, vpcId, subnets,
                stack.idsOf(vpc, "SecurityGroupIds", "securityGroupIds"));
        stack.add(r, AwsTypes.EKS_CLUSTER, name, c, a.unknowns(), List.of());
    }
}
