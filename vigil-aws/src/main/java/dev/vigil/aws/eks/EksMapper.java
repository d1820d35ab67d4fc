package dev.vigil.aws.eks;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.model.aws.eks.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.eks.model.EncryptionConfig;
import software.amazon.awssdk.services.eks.model.LogSetup;

/** EKS API responses to canonical clusters: pure functions, no calls. */
public final class EksMapper {

    private EksMapper() {
    }

    public record Mapped(Cluster cluster, Map<String, String> failures) {
    }

    public static String arn(String partition, String region, String account, String name) {
        return "arn:" + partition + ":eks:" + region + ":" + account + ":cluster/" + name;
    }

    /** A cluster as DescribeCluster gives it. */
    public static Cluster cluster(software.amazon.awssdk.services.eks.model.Cluster c) {
        var vpc = c.resourcesVpcConfig();
        TreeSet<String> logTypes = new TreeSet<>();
        if (c.logging() != null) {
            for (LogSetup s : c.logging().clusterLogging()) if (Boolean.TRUE.equals(s.enabled())) logTypes.addAll(s.typesAsStrings());
        }
        String secretsKey = "";
        for (EncryptionConfig e : c.encryptionConfig()) {
            if (e.resources().contains("secrets") && e.provider() != null && e.provider().keyArn() != null) secretsKey = e.provider().keyArn();
        }
        List<String> groups = new ArrayList<>();
        if (vpc != null) {
            groups.addAll(vpc.securityGroupIds());
            if (vpc.clusterSecurityGroupId() != null && !vpc.clusterSecurityGroupId().isEmpty() && !groups.contains(vpc.clusterSecurityGroupId())) {
                groups.add(vpc.clusterSecurityGroupId());
            }
        }
        return new Cluster(c.name(), c.arn(), nz(c.version()), nz(c.statusAsString()), vpc == null ? null : vpc.endpointPublicAccess(),
                vpc == null ? null : vpc.endpointPrivateAccess(), vpc == null ? null : List.copyOf(vpc.publicAccessCidrs()), List.copyOf(logTypes),
                secretsKey, vpc == null ? "" : nz(vpc.vpcId()), vpc == null ? List.of() : List.copyOf(vpc.subnetIds()), groups);
    }

    /** A listed cluster whose DescribeCluster failed: every property but its name and ARN failed with it. */
    public static Mapped undescribed(String name, String arn, ApiFailure failure) {
        Map<String, String> failures = new TreeMap<>();
        for (String path : List.of("version", "status", "endpointPublicAccess", "endpointPrivateAccess", "publicAccessCidrs", "enabledLogTypes",
                "secretsEncryptionKeyArn", "vpcId", "subnetIds", "securityGroupIds")) {
            failures.put(path, failure.getMessage());
        }
        return new Mapped(new Cluster(name, arn, null, null, null, null, null, null, null, null, null, null), failures);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
