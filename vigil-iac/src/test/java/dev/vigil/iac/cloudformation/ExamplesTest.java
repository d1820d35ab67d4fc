package dev.vigil.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.IacOptions;
import dev.vigil.model.Resource;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.InlineSuppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/cloudformation is the acme-staging account of examples/aws-config written as templates:
 * it reads without bad files, and the planted misconfigurations and their twins come out as the
 * canonical resources the Config example has (README.md lists where a template cannot say the same).
 */
class ExamplesTest {
    private static final Path DIR = Path.of("../examples/cloudformation");
    private static Collected collected;

    @BeforeAll
    static void read() throws IOException {
        CloudFormationInput input = new CloudFormationInput(IacOptions.none());
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(input::claims).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("data-us-east-1.yaml", "iam.json", "network-us-east-1.yaml", "orders-eu-west-1.yaml");
        collected = input.read(files);
    }

    private static Resource named(String type, String name) {
        return collected.resources().stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Resource r, String path) {
        Object v = r.properties();
        for (String k : path.split("\\.")) v = ((Map<String, Object>) v).get(k);
        return (T) v;
    }

    @Test
    void everyTemplateReadsAndOnlySupportingTypesAreLeftUnmodelled() {
        assertThat(collected.badFiles()).isEmpty();
        assertThat(collected.unmodelled()).containsOnlyKeys("AWS::EC2::LaunchTemplate", "AWS::EC2::Subnet", "AWS::RDS::DBSubnetGroup");
        assertThat(collected.resources()).extracting(Resource::type).filteredOn("aws.s3.bucket"::equals).hasSize(5);
    }

    @Test
    void theProductionOnlyReplicaIsLeftOutOfStaging() {
        assertThat(collected.resources()).extracting(Resource::name).doesNotContain("acme-staging-private-reports-replica");
    }

    @Test
    void thePublicBucketHasNoPublicAccessBlockAndAPolicyOpenToEveryone() {
        Resource b = named("aws.s3.bucket", "acme-staging-public-assets");
        assertThat((Map<String, Object>) at(b, "publicAccessBlock")).containsOnly(Map.entry("blockPublicAcls", false), Map.entry("ignorePublicAcls", false),
                Map.entry("blockPublicPolicy", false), Map.entry("restrictPublicBuckets", false));
        assertThat((List<Map<String, Object>>) at(b, "policy.statements")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("effect", "Allow").containsEntry("principals", List.of("*"))
                .containsEntry("resources", List.of("arn:aws:s3:::acme-staging-public-assets/*")));
        assertThat((Object) at(b, "logging.enabled")).isEqualTo(false);
        assertThat((Object) at(b, "versioning.status")).isEqualTo("Off");
    }

    @Test
    void theLegacyMirrorHasAPublicAclThatBlockPublicAccessIgnores() {
        Resource b = named("aws.s3.bucket", "acme-staging-eu-legacy-downloads");
        assertThat((List<Map<String, Object>>) at(b, "aclGrants")).extracting(g -> g.get("grantee")).contains("AllUsers");
        assertThat((Object) at(b, "publicAccessBlock.ignorePublicAcls")).isEqualTo(true);
        assertThat((Object) at(b, "versioning.status")).isEqualTo("Suspended");
    }

    @Test
    void thePrivateReportsTwinIsEncryptedWithKmsLoggedAndDeniesPlainHttp() {
        Resource b = named("aws.s3.bucket", "acme-staging-private-reports");
        assertThat((Object) at(b, "encryption.algorithm")).isEqualTo("aws:kms");
        assertThat((Object) at(b, "logging.targetBucket")).isEqualTo("acme-staging-access-logs");
        assertThat((List<Map<String, Object>>) at(b, "policy.statements")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("effect", "Deny")
                .containsEntry("conditions", List.of(Map.of("operator", "Bool", "key", "aws:securetransport", "values", List.of("false")))));
        Resource logs = named("aws.s3.bucket", "acme-staging-access-logs");
        assertThat((Object) at(logs, "logging.targetBucket")).isEqualTo("acme-staging-access-logs");
        assertThat((Object) at(logs, "logging.targetPrefix")).isEqualTo("self/");
    }

    @Test
    void securityGroupsOpenAndClosedAsInTheAccount() {
        assertThat((List<Map<String, Object>>) at(named("aws.ec2.security-group", "bastion-ssh-open"), "ingress"))
                .extracting(p -> p.get("protocol") + " " + p.get("fromPort") + " " + p.get("source")).containsExactly("tcp 22 0.0.0.0/0");
        assertThat((List<Map<String, Object>>) at(named("aws.ec2.security-group", "windows-rdp-ipv6-open"), "ingress"))
                .extracting(p -> p.get("source")).containsExactly("::/0");
        assertThat((List<Map<String, Object>>) at(named("aws.ec2.security-group", "legacy-allow-all"), "ingress"))
                .extracting(p -> p.get("protocol") + " " + p.get("source")).containsExactly("-1 0.0.0.0/0");
        assertThat((List<Map<String, Object>>) at(named("aws.ec2.security-group", "app-tier"), "ingress"))
                .extracting(p -> p.get("fromPort") + " " + p.get("source")).containsExactly("22 ${OpsJumpSg}");
        assertThat((List<Map<String, Object>>) at(named("aws.ec2.security-group", "orders-db"), "ingress"))
                .extracting(p -> p.get("fromPort") + " " + p.get("source")).containsExactly("6432 ${AppTierSg}");
    }

    @Test
    void oneVpcHasAnActiveFlowLogAndTheOtherNone() {
        assertThat((List<Object>) at(named("aws.ec2.vpc", "acme-staging-us"), "flowLogs")).isEmpty();
        assertThat((List<Map<String, Object>>) at(named("aws.ec2.vpc", "acme-staging-eu"), "flowLogs")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("status", "ACTIVE").containsEntry("trafficType", "ALL"));
    }

    @Test
    void theBastionAllowsImdsV1HasAPublicAddressAndAnUnencryptedDiskWhileAppOneIsTheTwin() {
        Resource bastion = named("aws.ec2.instance", "bastion");
        assertThat((Object) at(bastion, "metadataOptions.httpTokens")).isEqualTo("optional");
        assertThat((String) at(bastion, "publicIpAddress")).isNotEmpty();
        assertThat((Object) at(bastion, "iamInstanceProfileArn")).isEqualTo("");
        Resource app = named("aws.ec2.instance", "app-1");
        assertThat((Object) at(app, "metadataOptions.httpTokens")).isEqualTo("required");
        assertThat((Object) at(app, "publicIpAddress")).isEqualTo("");
        assertThat((Object) at(named("aws.ec2.volume", "bastion-root"), "encrypted")).isEqualTo(false);
        assertThat((Object) at(named("aws.ec2.volume", "app-1-root"), "encrypted")).isEqualTo(true);
    }

    @Test
    void theLegacyDatabaseIsPublicAndUnencryptedAndOrdersDbIsTheTwin() {
        Resource legacy = named("aws.rds.db-instance", "legacy-reporting-db");
        assertThat(legacy.properties()).containsEntry("publiclyAccessible", true).containsEntry("storageEncrypted", false)
                .containsEntry("autoMinorVersionUpgrade", false).containsEntry("backupRetentionPeriod", 0L)
                .containsEntry("multiAz", false).containsEntry("deletionProtection", false);
        Resource orders = named("aws.rds.db-instance", "orders-db");
        assertThat(orders.properties()).containsEntry("publiclyAccessible", false).containsEntry("storageEncrypted", true)
                .containsEntry("port", 6432L).containsEntry("backupRetentionPeriod", 7L).containsEntry("vpcId", "${OrdersVpc}");
    }

    @Test
    void keysTrailAndIamAsPlanted() {
        assertThat(collected.resources()).filteredOn(r -> r.type().equals("aws.kms.key"))
                .extracting(r -> r.properties().get("description") + " " + r.properties().get("rotationEnabled"))
                .containsExactlyInAnyOrder("acme-staging legacy reporting exports false", "acme-staging eu data key (EBS, RDS) true");
        Resource trail = named("aws.cloudtrail.trail", "acme-staging-trail");
        assertThat(trail.properties()).containsEntry("multiRegion", false).containsEntry("logFileValidation", false)
                .containsEntry("kmsKeyId", "").containsEntry("logging", true);
        assertThat((Object) at(named("aws.iam.policy", "acme-admin-everything"), "attachmentCount")).isEqualTo(1L);
        assertThat((Object) at(named("aws.iam.policy", "acme-read-reports"), "attachmentCount")).isEqualTo(2L);
        assertThat((List<Object>) at(named("aws.iam.user", "ci-deploy"), "accessKeys")).hasSize(2);
        assertThat((List<Object>) at(named("aws.iam.group", "auditors"), "members")).containsExactly("carol");
    }

    @Test
    void oneActiveAndOneExpiredSuppression() {
        assertThat(collected.suppressions()).extracting(s -> s.resourceId().substring(s.resourceId().indexOf('#') + 1) + " " + s.rule() + " " + s.expires())
                .containsExactlyInAnyOrder("CloudTrailLogsBucket aws-s3-bucket-access-logging 2026-01-31",
                        "LegacyDownloadsBucket aws-s3-bucket-access-logging 2027-06-30");
        LocalDate scanned = LocalDate.of(2026, 11, 23);
        assertThat(collected.suppressions()).filteredOn(s -> s.activeOn(scanned)).extracting(InlineSuppression::rule).hasSize(1);
    }
}
