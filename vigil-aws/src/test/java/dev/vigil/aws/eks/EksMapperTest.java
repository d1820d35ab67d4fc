package dev.vigil.aws.eks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.model.aws.eks.Cluster;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.EncryptionConfig;
import software.amazon.awssdk.services.eks.model.LogSetup;

class EksMapperTest {

    @Test
    void aClusterCarriesEndpointAccessEnabledLogsAndTheSecretsKey() {
        var c = software.amazon.awssdk.services.eks.model.Cluster.builder().name("prod").arn("arn:aws:eks:eu-west-1:111122223333:cluster/prod")
                .version("1.30").status("ACTIVE")
                .resourcesVpcConfig(v -> v.vpcId("vpc-0a1b2c").subnetIds("subnet-1").securityGroupIds("sg-1").clusterSecurityGroupId("sg-cluster")
                        .endpointPublicAccess(true).endpointPrivateAccess(true).publicAccessCidrs("203.0.113.0/24"))
                .logging(l -> l.clusterLogging(LogSetup.builder().typesWithStrings("api", "audit").enabled(true).build(),
                        LogSetup.builder().typesWithStrings("scheduler").enabled(false).build()))
                .encryptionConfig(EncryptionConfig.builder().resources("secrets").provider(p -> p.keyArn("arn:aws:kms:eu-west-1:111122223333:key/k")).build())
                .build();
        Cluster cluster = EksMapper.cluster(c);
        assertThat(cluster.endpointPublicAccess()).isTrue();
        assertThat(cluster.publicAccessCidrs()).containsExactly("203.0.113.0/24");
        assertThat(cluster.enabledLogTypes()).containsExactly("api", "audit");
        assertThat(cluster.secretsEncryptionKeyArn()).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/k");
        assertThat(cluster.securityGroupIds()).containsExactly("sg-1", "sg-cluster");
        assertThat(cluster.version()).isEqualTo("1.30");
    }

    @Test
    void aClusterWithoutLoggingOrEncryptionSaysSo() {
        Cluster cluster = EksMapper.cluster(software.amazon.awssdk.services.eks.model.Cluster.builder().name("dev").arn("a")
                .resourcesVpcConfig(v -> v.endpointPublicAccess(true).publicAccessCidrs("0.0.0.0/0")).build());
        assertThat(cluster.enabledLogTypes()).isEmpty();
        assertThat(cluster.secretsEncryptionKeyArn()).isEmpty();
        assertThat(cluster.publicAccessCidrs()).containsExactly("0.0.0.0/0");
    }

    @Test
    void anUndescribedClusterFailsEveryDetailButItsIdentity() {
        var failed = new ApiFailure("eks:DescribeCluster", "AccessDeniedException", "", false, null);
        EksMapper.Mapped m = EksMapper.undescribed("prod", EksMapper.arn("aws", "eu-west-1", "111122223333", "prod"), failed);
        assertThat(m.cluster().arn()).isEqualTo("arn:aws:eks:eu-west-1:111122223333:cluster/prod");
        assertThat(m.cluster().endpointPublicAccess()).isNull();
        assertThat(m.failures()).containsKeys("endpointPublicAccess", "publicAccessCidrs", "enabledLogTypes", "secretsEncryptionKeyArn", "version");
    }
}
