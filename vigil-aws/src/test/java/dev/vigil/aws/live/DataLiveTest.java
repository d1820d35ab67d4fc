package dev.vigil.aws.live;

import static dev.vigil.aws.live.LiveFixture.ACCOUNT;
import static dev.vigil.aws.live.LiveFixture.collect;
import static dev.vigil.aws.live.LiveFixture.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceType;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.input.Collected;
import dev.vigil.model.schema.RecordSchemas;
import dev.vigil.testkit.aws.DataSeed;
import dev.vigil.testkit.aws.SeedClients;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The data and compute collectors against moto, seeded with {@link DataSeed} in us-east-1 and
 * eu-west-1 (CloudFront once, globally), plus one load balancer whose attributes moto leaves out.
 */
class DataLiveTest {
    static final Set<String> SERVICES = Set.of("rds", "kms", "cloudtrail", "lambda", "elbv2", "cloudfront", "eks", "secretsmanager");
    static final List<ResourceType> TYPES = List.of(AwsTypes.RDS_DB_INSTANCE, AwsTypes.RDS_DB_SNAPSHOT, AwsTypes.KMS_KEY,
            AwsTypes.CLOUDTRAIL_TRAIL, AwsTypes.LAMBDA_FUNCTION, AwsTypes.ELBV2_LOAD_BALANCER, AwsTypes.ELBV2_LISTENER,
            AwsTypes.CLOUDFRONT_DISTRIBUTION, AwsTypes.EKS_CLUSTER, AwsTypes.SECRETSMANAGER_SECRET);
    static Collected collected;

    @BeforeAll
    static void seedAndCollect() {
        LiveFixture.moto().reset();
        new DataSeed().plant(new SeedClients(LiveFixture.moto().endpoint()));
        // A load balancer left with moto's attribute defaults, which leave out most attributes AWS always answers.
        Ec2Client ec2 = seed(Ec2Client.builder(), "eu-west-1");
        List<String> subnets = ec2.describeSubnets(r -> r.filters(f -> f.name("default-for-az").values("true"))).subnets().stream()
                .map(Subnet::subnetId).sorted().limit(2).toList();
        seed(ElasticLoadBalancingV2Client.builder(), "eu-west-1").createLoadBalancer(r -> r.name("plain-alb").subnets(subnets));
        collected = collect(SERVICES);
    }

    static Resource in(String region, ResourceType type, String name) {
        List<Resource> found = collected.resources().stream()
                .filter(r -> r.type().equals(type.id()) && r.region().equals(region) && r.name().equals(name)).toList();
        assertThat(found).as("%s %s in %s", type.id(), name, region).hasSize(1);
        return found.get(0);
    }

    static Resource key(String region, String description) {
        List<Resource> found = collected.resources().stream().filter(r -> r.type().equals(AwsTypes.KMS_KEY.id()) && r.region().equals(region)
                && description.equals(r.properties().get("description"))).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void everyDocumentValidatesAgainstItsTypesSchema() {
        for (ResourceType type : TYPES) {
            List<Resource> ofType = collected.resources().stream().filter(r -> r.type().equals(type.id())).toList();
            assertThat(ofType).as(type.id()).isNotEmpty();
            for (Resource r : ofType) {
                assertThat(RecordSchemas.of(type.model()).validate(r.properties())).as(r.id()).isEmpty();
            }
        }
    }

    @Test
    void nothingFailedAsAWholeUnit() {
        assertThat(collected.gaps()).allSatisfy(g -> assertThat(g.reason()).startsWith("not scanned"));
    }

    @Test
    void regionalResourcesAreReadInBothRegions() {
        for (String region : LiveFixture.REGIONS) {
            in(region, AwsTypes.RDS_DB_INSTANCE, "bad-db");
            in(region, AwsTypes.RDS_DB_SNAPSHOT, "good-snapshot");
            in(region, AwsTypes.LAMBDA_FUNCTION, "good-function");
            in(region, AwsTypes.ELBV2_LISTENER, "good-alb:443");
            in(region, AwsTypes.EKS_CLUSTER, "bad-cluster");
            in(region, AwsTypes.SECRETSMANAGER_SECRET, "good-secret");
            key(region, "bad-key");
        }
    }

    @Test
    void dbInstancesCarryTheSettingsTheRdsRulesRead() {
        Resource bad = in("us-east-1", AwsTypes.RDS_DB_INSTANCE, "bad-db");
        assertThat(bad.id()).isEqualTo("arn:aws:rds:us-east-1:" + ACCOUNT + ":db:bad-db");
        assertThat(bad.properties()).containsEntry("publiclyAccessible", true).containsEntry("storageEncrypted", false)
                .containsEntry("backupRetentionPeriod", 0L).containsEntry("autoMinorVersionUpgrade", false).containsEntry("engine", "postgres");
        Resource good = in("eu-west-1", AwsTypes.RDS_DB_INSTANCE, "good-db");
        assertThat(good.properties()).containsEntry("publiclyAccessible", false).containsEntry("storageEncrypted", true)
                .containsEntry("kmsKeyId", key("eu-west-1", "good-key").id()).containsEntry("backupRetentionPeriod", 7L)
                .containsEntry("multiAz", true).containsEntry("cloudwatchLogsExports", List.of("postgresql")).containsEntry("port", 5432L);
        assertThat(good.failures()).isEmpty();
    }

    @Test
    void aSnapshotEveryoneMayRestoreIsPubliclyRestorable() {
        Resource bad = in("eu-west-1", AwsTypes.RDS_DB_SNAPSHOT, "bad-snapshot");
        assertThat(bad.properties()).containsEntry("publiclyRestorable", true).containsEntry("encrypted", false)
                .containsEntry("snapshotType", "manual").containsEntry("dbInstanceIdentifier", "bad-db");
        Resource good = in("eu-west-1", AwsTypes.RDS_DB_SNAPSHOT, "good-snapshot");
        assertThat(good.properties()).containsEntry("publiclyRestorable", false).containsEntry("encrypted", true);
        assertThat(good.relations()).contains(new Relation("uses-key", AwsTypes.KMS_KEY.id(), key("eu-west-1", "good-key").id()));
    }

    @Test
    void keysCarryRotationAndTheirParsedPolicy() {
        Resource bad = key("us-east-1", "bad-key");
        assertThat(bad.name()).endsWith(" (bad-key)");
        assertThat(bad.properties()).containsEntry("keyManager", "CUSTOMER").containsEntry("keySpec", "SYMMETRIC_DEFAULT")
                .containsEntry("origin", "AWS_KMS").containsEntry("keyState", "Enabled").containsEntry("rotationEnabled", false);
        assertThat(key("us-east-1", "good-key").properties()).containsEntry("rotationEnabled", true);
        List<Map<String, Object>> statements = (List<Map<String, Object>>) map(bad.properties().get("policy")).get("statements");
        assertThat(statements).isNotEmpty();
        assertThat(statements.get(0)).containsEntry("principals", List.of("arn:aws:iam::" + ACCOUNT + ":root"));
        assertThat(bad.failures()).isEmpty();
    }

    @Test
    void aMultiRegionTrailIsReadOnceInItsHomeRegion() {
        List<Resource> trails = collected.resources().stream().filter(r -> r.type().equals(AwsTypes.CLOUDTRAIL_TRAIL.id())).toList();
        assertThat(trails).extracting(r -> r.region() + "/" + r.name())
                .containsExactlyInAnyOrder("us-east-1/bad-trail", "us-east-1/good-trail", "eu-west-1/bad-trail", "eu-west-1/good-regional-trail");
        Resource good = in("us-east-1", AwsTypes.CLOUDTRAIL_TRAIL, "good-trail");
        String keyArn = key("us-east-1", "good-key").id();
        assertThat(good.properties()).containsEntry("multiRegion", true).containsEntry("logging", true).containsEntry("logFileValidation", true)
                .containsEntry("kmsKeyId", keyArn).containsEntry("homeRegion", "us-east-1")
                .containsEntry("cloudWatchLogsLogGroupArn", "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/vigil/cloudtrail:*")
                .containsEntry("managementEvents", "All").containsEntry("s3DataEvents", "All");
        assertThat(good.relations()).containsExactlyInAnyOrder(
                new Relation("logs-to", AwsTypes.S3_BUCKET.id(), "arn:aws:s3:::vigil-trail-logs-us-east-1"),
                new Relation("uses-key", AwsTypes.KMS_KEY.id(), keyArn));
    }

    @Test
    void aTrailWithoutValidationKeyOrLogGroupSaysSo() {
        Resource bad = in("eu-west-1", AwsTypes.CLOUDTRAIL_TRAIL, "bad-trail");
        assertThat(bad.properties()).containsEntry("logFileValidation", false).containsEntry("kmsKeyId", "")
                .containsEntry("cloudWatchLogsLogGroupArn", "").containsEntry("logging", false).containsEntry("multiRegion", false)
                // moto answers no selectors for a trail that has none set; AWS's default then is all management events.
                .containsEntry("managementEvents", "All").containsEntry("s3DataEvents", "None");
        assertThat(bad.relations()).containsExactly(new Relation("logs-to", AwsTypes.S3_BUCKET.id(), "arn:aws:s3:::vigil-open-trail-logs-eu-west-1"));
        assertThat(bad.failures()).isEmpty();
    }

    @Test
    void advancedEventSelectorsFoldIntoTheCanonicalEvents() {
        assertThat(in("eu-west-1", AwsTypes.CLOUDTRAIL_TRAIL, "good-regional-trail").properties())
                .containsEntry("managementEvents", "All").containsEntry("s3DataEvents", "WriteOnly");
    }

    @Test
    void functionsKeepEnvironmentVariableNamesOnly() {
        Resource bad = in("us-east-1", AwsTypes.LAMBDA_FUNCTION, "bad-function");
        assertThat(bad.properties()).containsEntry("environmentVariableNames", List.of("DB_PASSWORD", "STAGE"))
                .containsEntry("runtime", "python3.12").containsEntry("role", "arn:aws:iam::" + ACCOUNT + ":role/vigil-data-lambda-role");
        assertThat(bad.toString()).doesNotContain("not-a-real-password-1");
        List<Map<String, Object>> statements = (List<Map<String, Object>>) map(bad.properties().get("policy")).get("statements");
        assertThat(statements).singleElement().satisfies(s -> assertThat(s).containsEntry("principals", List.of("*")));
        Resource good = in("us-east-1", AwsTypes.LAMBDA_FUNCTION, "good-function");
        assertThat(good.properties()).containsEntry("kmsKeyArn", key("us-east-1", "good-key").id()).containsEntry("tracingMode", "Active");
    }

    @Test
    void anUnimplementedUrlListingFailsTheUrlPropertyInsteadOfReadingAsNoUrl() {
        // moto 5.2.5 does not implement ListFunctionUrlConfigs (it answers HTTP 404).
        Resource bad = in("eu-west-1", AwsTypes.LAMBDA_FUNCTION, "bad-function");
        assertThat(bad.properties()).doesNotContainKey("urlAuthType");
        assertThat(bad.failures()).containsOnlyKeys("urlAuthType");
        assertThat(bad.failures().get("urlAuthType")).startsWith("lambda:ListFunctionUrlConfigs failed");
    }

    @Test
    void loadBalancersCarryTheirAttributesAndListenersPointToThem() {
        Resource good = in("us-east-1", AwsTypes.ELBV2_LOAD_BALANCER, "good-alb");
        assertThat(good.properties()).containsEntry("type", "application").containsEntry("scheme", "internal")
                .containsEntry("deletionProtection", true).containsEntry("dropInvalidHeaderFields", true)
                .containsEntry("desyncMitigationMode", "strictest")
                .containsEntry("accessLogs", Map.of("enabled", true, "bucket", "vigil-access-logs-us-east-1", "prefix", "good-alb"));
        assertThat(good.failures()).isEmpty();
        Resource bad = in("us-east-1", AwsTypes.ELBV2_LOAD_BALANCER, "bad-alb");
        assertThat(bad.properties()).containsEntry("scheme", "internet-facing").containsEntry("deletionProtection", false)
                .containsEntry("dropInvalidHeaderFields", false).containsEntry("desyncMitigationMode", "monitor");

        Resource redirect = in("us-east-1", AwsTypes.ELBV2_LISTENER, "good-alb:80");
        assertThat(redirect.properties()).containsEntry("protocol", "HTTP").containsEntry("redirectsToHttps", true)
                .containsEntry("defaultActionTypes", List.of("redirect"));
        assertThat(redirect.relations()).containsExactly(new Relation("member-of", AwsTypes.ELBV2_LOAD_BALANCER.id(), good.id()));
        Resource https = in("us-east-1", AwsTypes.ELBV2_LISTENER, "good-alb:443");
        assertThat(https.properties()).containsEntry("sslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06")
                .containsEntry("certificates", List.of("arn:aws:iam::" + ACCOUNT + ":server-certificate/vigil-data-alb"));
        assertThat(in("us-east-1", AwsTypes.ELBV2_LISTENER, "bad-alb:80").properties()).containsEntry("redirectsToHttps", false);
    }

    @Test
    void attributesTheAnswerLeavesOutAreFailedNotOff() {
        Resource plain = in("eu-west-1", AwsTypes.ELBV2_LOAD_BALANCER, "plain-alb");
        assertThat(plain.failures()).containsOnlyKeys("accessLogs", "dropInvalidHeaderFields", "desyncMitigationMode");
        assertThat(plain.properties()).doesNotContainKeys("accessLogs", "dropInvalidHeaderFields", "desyncMitigationMode");
    }

    @Test
    void clustersCarryEndpointAccessLoggingAndSecretsEncryption() {
        assertThat(in("eu-west-1", AwsTypes.EKS_CLUSTER, "bad-cluster").properties()).containsEntry("endpointPublicAccess", true)
                .containsEntry("publicAccessCidrs", List.of("0.0.0.0/0")).containsEntry("enabledLogTypes", List.of())
                .containsEntry("secretsEncryptionKeyArn", "").containsEntry("version", "1.31");
        assertThat(in("eu-west-1", AwsTypes.EKS_CLUSTER, "good-cluster").properties()).containsEntry("endpointPublicAccess", false)
                .containsEntry("endpointPrivateAccess", true)
                .containsEntry("enabledLogTypes", List.of("api", "audit", "authenticator", "controllerManager", "scheduler"))
                .containsEntry("secretsEncryptionKeyArn", key("eu-west-1", "good-key").id());
    }

    @Test
    void secretsCarryRotationAndKey() {
        assertThat(in("us-east-1", AwsTypes.SECRETSMANAGER_SECRET, "bad-secret").properties()).containsEntry("rotationEnabled", false)
                .containsEntry("rotationDays", 0L).containsEntry("kmsKeyId", "").containsEntry("lastRotatedDate", "");
        Map<String, Object> good = in("us-east-1", AwsTypes.SECRETSMANAGER_SECRET, "good-secret").properties();
        assertThat(good).containsEntry("rotationEnabled", true).containsEntry("rotationDays", 30L)
                .containsEntry("kmsKeyId", key("us-east-1", "good-key").id());
        assertThat((String) good.get("lastRotatedDate")).isNotEmpty();
    }

    @Test
    void distributionsAreGlobal() {
        List<Resource> distributions = collected.resources().stream().filter(r -> r.type().equals(AwsTypes.CLOUDFRONT_DISTRIBUTION.id())).toList();
        assertThat(distributions).hasSize(2).allSatisfy(d -> {
            assertThat(d.region()).isEqualTo("global");
            assertThat(d.id()).isEqualTo("arn:aws:cloudfront::" + ACCOUNT + ":distribution/" + d.name());
        });
        Resource bad = distributions.stream().filter(d -> map(d.properties().get("logging")).get("enabled").equals(false)).findFirst().orElseThrow();
        assertThat(bad.properties()).containsEntry("defaultViewerProtocolPolicy", "allow-all").containsEntry("defaultCertificate", true)
                .containsEntry("webAclId", "").containsEntry("defaultRootObject", "");
        assertThat((List<Map<String, Object>>) bad.properties().get("origins")).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("type", "custom").containsEntry("originProtocolPolicy", "http-only"));
        Resource good = distributions.stream().filter(d -> d != bad).findFirst().orElseThrow();
        // moto drops an S3 origin's configuration when it has no origin access identity, so the origin is not asserted.
        assertThat(good.properties()).containsEntry("defaultViewerProtocolPolicy", "redirect-to-https")
                .containsEntry("minimumProtocolVersion", "TLSv1.2_2021").containsEntry("defaultCertificate", false)
                .containsEntry("sslSupportMethod", "sni-only").containsEntry("defaultRootObject", "index.html")
                .containsEntry("geoRestrictionType", "blacklist").containsEntry("geoRestrictionLocations", List.of("KP"));
        assertThat((String) good.properties().get("webAclId")).startsWith("arn:aws:wafv2:");
        assertThat(map(good.properties().get("logging"))).containsEntry("bucket", "vigil-access-logs-us-east-1.s3.amazonaws.com");
    }
}
