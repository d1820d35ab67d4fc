package dev.vigil.iac.terraform.aws.eks;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.eks.Cluster;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aws_eks_cluster} into {@code aws.eks.cluster}. EKS defaults: a public endpoint open to
 * {@code 0.0.0.0/0}, no private endpoint, no control plane logs, no secrets encryption; without a
 * {@code version} EKS picks its current default, which is not known before deploy.
 */
public final class Clusters {
    private Clusters() {
    }

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = a.string("name", "name");
        Attrs vpc = a.block("vpc_config", "vpcId");
        List<String> cidrs = vpc.strings("public_access_cidrs", "publicAccessCidrs");
        if (cidrs == null && !vpc.unresolved("public_access_cidrs")) cidrs = List.of("0.0.0.0/0");
        List<String> logs = a.strings("enabled_cluster_log_types", "enabledLogTypes");
        if (logs == null && !a.unresolved("enabled_cluster_log_types")) logs = List.of();
        String key = "";
        for (Attrs e : a.blocks("encryption_config", "secretsEncryptionKeyArn")) {
            List<String> resources = e.strings("resources", "secretsEncryptionKeyArn");
            if (resources != null && resources.contains("secrets")) {
                key = Canon.referenceOr(e.block("provider", "secretsEncryptionKeyArn"), r, "key_arn", "secretsEncryptionKeyArn", "");
            }
        }
        if (a.unknowns().containsKey("secretsEncryptionKeyArn")) key = null;
        if (!a.has("version") && !a.unresolved("version")) a.unknown("version", "no version configured: EKS creates the cluster with its current default version");
        List<String> subnets = new ArrayList<>();
        for (Object o : vpc.raw("subnet_ids") instanceof List<?> l ? l : List.of()) {
            String ref = Canon.reference(o, r);
            if (ref != null) subnets.add(ref);
            else vpc.unknown("subnetIds", "a subnet of the cluster is not known");
        }
        List<String> groups = new ArrayList<>();
        for (Object o : vpc.raw("security_group_ids") instanceof List<?> l ? l : List.of()) {
            String ref = Canon.reference(o, r);
            if (ref != null) groups.add(ref);
        }
        a.unknown("securityGroupIds", "EKS adds the cluster security group at deploy");
        a.unknown("vpcId", "the VPC of the cluster's subnets is not known before deploy");
        Cluster c = new Cluster(name, a.string("arn", "arn"), a.string("version", "version"), "ACTIVE",
                vpc.bool("endpoint_public_access", "endpointPublicAccess", true), vpc.bool("endpoint_private_access", "endpointPrivateAccess", false),
                cidrs, logs, key, null, a.unknowns().containsKey("subnetIds") ? null : subnets, null);
        return Canon.resource(r, AwsTypes.EKS_CLUSTER, name, c, a, List.of());
    }
}
