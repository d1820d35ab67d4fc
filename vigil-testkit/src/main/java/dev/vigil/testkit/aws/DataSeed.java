package dev.vigil.testkit.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.LogType;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * RDS, KMS, CloudTrail, Lambda, ELBv2, EKS, Secrets Manager (in both regions) and CloudFront (once,
 * global). The supporting resources (trail buckets, the access-log bucket, a log group, IAM roles, a
 * server certificate) are named {@code vigil-...} with neither "bad-" nor "good-" in the name: they
 * are judged by their own rules (the public trail bucket of bad-trail fails S3 rules), not by this seed.
 *
 * <p>The rules each {@code bad-} resource fails:
 * <ul>
 *   <li>{@code bad-db}: aws-rds-instance-not-public, -storage-encrypted, -backups-enabled, -auto-minor-version-upgrade;</li>
 *   <li>KMS key described {@code bad-key}: aws-kms-key-rotation-enabled (keys are named {@code <key id> (<description>)});</li>
 *   <li>{@code bad-trail}: aws-cloudtrail-trail-log-file-validation, -kms-encrypted, -cloudwatch-logs,
 *       aws-cloudtrail-bucket-not-public and -bucket-access-logging (its bucket has a public policy and no access logs);</li>
 *   <li>{@code bad-snapshot}, {@code bad-function}, {@code bad-alb} and its listener {@code bad-alb:80}, {@code bad-cluster},
 *       {@code bad-secret}, the distribution commented {@code bad-distribution}: no catalog rule reads their types yet; each is
 *       the misconfiguration such a rule will look for (public restore, public policy and URL, HTTP without redirect and no
 *       deletion protection, public endpoint without logs or secrets encryption, no rotation, HTTP to viewers and origin).</li>
 * </ul>
 * Their {@code good-} twins are configured the other way round. The account-level CloudTrail rules
 * pass: {@code good-trail} (us-east-1) is multi-region, logging, with all management events and S3
 * data events.
 */
public final class DataSeed implements Seed {
    static final String PASSWORD = "not-a-real-password-1";

    @Override
    public String name() {
        return "data";
    }

    @Override
    public void plant(SeedClients c) {
        String account = SeedClients.ACCOUNT;
        IamClient iam = c.client(IamClient::builder, "us-east-1");
        String lambdaRole = role(iam, "vigil-data-lambda-role", "lambda.amazonaws.com");
        String trailLogsRole = role(iam, "vigil-data-cloudtrail-logs-role", "cloudtrail.amazonaws.com");
        String eksRole = role(iam, "vigil-data-eks-cluster-role", "eks.amazonaws.com");
        // moto stores the certificate without parsing it: placeholders do, and no key material sits in the source.
        String certificate = iam.uploadServerCertificate(r -> r.serverCertificateName("vigil-data-alb")
                .certificateBody("-----BEGIN CERTIFICATE-----\nplaceholder\n-----END CERTIFICATE-----")
                .privateKey("-----BEGIN PRIVATE KEY-----\nplaceholder\n-----END PRIVATE KEY-----")).serverCertificateMetadata().arn();
        for (String region : SeedClients.REGIONS) {
            String goodKey = kms(c, region);
            String accessLogs = accessLogBucket(c, region);
            rds(c, region, goodKey);
            cloudtrail(c, region, account, goodKey, accessLogs, trailLogsRole);
            lambda(c, region, lambdaRole, goodKey);
            List<String> subnets = defaultSubnets(c, region);
            elb(c, region, subnets, accessLogs, certificate);
            eks(c, region, subnets, eksRole, goodKey);
            secrets(c, region, goodKey);
        }
        cloudfront(c, account);
    }

    private static String role(IamClient iam, String name, String service) {
        String trust = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"%s"},"Action":"sts:AssumeRole"}]}"""
                .formatted(service);
        return iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
    }

    /** bad-key without rotation, good-key with; returns good-key's ARN, used by the good resources of the region. */
    private static String kms(SeedClients c, String region) {
        KmsClient kms = c.client(KmsClient::builder, region);
        kms.createKey(r -> r.description("bad-key").keyUsage(KeyUsageType.ENCRYPT_DECRYPT));
        var good = kms.createKey(r -> r.description("good-key").keyUsage(KeyUsageType.ENCRYPT_DECRYPT)).keyMetadata();
        kms.enableKeyRotation(r -> r.keyId(good.keyId()));
        return good.arn();
    }

    private static S3Client s3(SeedClients c, String region) {
        return c.client(S3Client::builder, region);
    }

    private static void createBucket(S3Client s3, String region, String name) {
        if (region.equals("us-east-1")) s3.createBucket(r -> r.bucket(name));
        else s3.createBucket(r -> r.bucket(name).createBucketConfiguration(b -> b.locationConstraint(BucketLocationConstraint.fromValue(region))));
    }

    /** The bucket that receives S3 server access logs and load balancer logs in the region. */
    private static String accessLogBucket(SeedClients c, String region) {
        S3Client s3 = s3(c, region);
        String name = "vigil-access-logs-" + region;
        createBucket(s3, region, name);
        s3.putBucketPolicy(r -> r.bucket(name).policy("""
                {"Version":"2012-10-17","Statement":[{"Sid":"S3ServerAccessLogs","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},\
                "Action":"s3:PutObject","Resource":"arn:aws:s3:::%s/*","Condition":{"StringEquals":{"aws:SourceAccount":"%s"}}}]}"""
                .formatted(name, SeedClients.ACCOUNT)));
        blockPublicAccess(s3, name);
        return name;
    }

    private static void blockPublicAccess(S3Client s3, String bucket) {
        s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(p -> p.blockPublicAcls(true).ignorePublicAcls(true)
                .blockPublicPolicy(true).restrictPublicBuckets(true)));
    }

    private static void rds(SeedClients c, String region, String goodKey) {
        RdsClient rds = c.client(RdsClient::builder, region);
        rds.createDBInstance(r -> r.dbInstanceIdentifier("bad-db").engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                .masterUsername("postgres").masterUserPassword(PASSWORD).publiclyAccessible(true).storageEncrypted(false)
                .backupRetentionPeriod(0).autoMinorVersionUpgrade(false));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("good-db").engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                .masterUsername("appadmin").masterUserPassword(PASSWORD).publiclyAccessible(false).storageEncrypted(true).kmsKeyId(goodKey)
                .backupRetentionPeriod(7).autoMinorVersionUpgrade(true).multiAZ(true).deletionProtection(true).copyTagsToSnapshot(true)
                .enableIAMDatabaseAuthentication(true).enableCloudwatchLogsExports("postgresql"));
        rds.createDBSnapshot(r -> r.dbInstanceIdentifier("bad-db").dbSnapshotIdentifier("bad-snapshot"));
        rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier("bad-snapshot").attributeName("restore").valuesToAdd("all"));
        rds.createDBSnapshot(r -> r.dbInstanceIdentifier("good-db").dbSnapshotIdentifier("good-snapshot"));
    }

    private static void cloudtrail(SeedClients c, String region, String account, String goodKey, String accessLogs, String logsRole) {
        S3Client s3 = s3(c, region);
        String badBucket = "vigil-open-trail-logs-" + region;
        createBucket(s3, region, badBucket);
        s3.putBucketPolicy(r -> r.bucket(badBucket).policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}]}"""
                .formatted(badBucket)));
        String goodBucket = "vigil-trail-logs-" + region;
        createBucket(s3, region, goodBucket);
        blockPublicAccess(s3, goodBucket);
        s3.putBucketLogging(r -> r.bucket(goodBucket).bucketLoggingStatus(l -> l.loggingEnabled(e -> e.targetBucket(accessLogs)
                .targetPrefix(goodBucket + "/"))));
        CloudWatchLogsClient logs = c.client(CloudWatchLogsClient::builder, region);
        String group = "/vigil/cloudtrail";
        logs.createLogGroup(r -> r.logGroupName(group));
        String groupArn = "arn:aws:logs:" + region + ":" + account + ":log-group:" + group + ":*";

        CloudTrailClient ct = c.client(CloudTrailClient::builder, region);
        ct.createTrail(r -> r.name("bad-trail").s3BucketName(badBucket));
        if (region.equals("us-east-1")) {
            // The account's multi-region trail, with classic event selectors.
            ct.createTrail(r -> r.name("good-trail").s3BucketName(goodBucket).isMultiRegionTrail(true).includeGlobalServiceEvents(true)
                    .enableLogFileValidation(true).kmsKeyId(goodKey).cloudWatchLogsLogGroupArn(groupArn).cloudWatchLogsRoleArn(logsRole));
            ct.putEventSelectors(r -> r.trailName("good-trail").eventSelectors(e -> e.readWriteType("All").includeManagementEvents(true)
                    .dataResources(d -> d.type("AWS::S3::Object").values("arn:aws:s3"))));
            ct.startLogging(r -> r.name("good-trail"));
        } else {
            // A regional trail (a second multi-region one would duplicate the first), with advanced event selectors.
            ct.createTrail(r -> r.name("good-regional-trail").s3BucketName(goodBucket).enableLogFileValidation(true).kmsKeyId(goodKey)
                    .cloudWatchLogsLogGroupArn(groupArn).cloudWatchLogsRoleArn(logsRole));
            ct.putEventSelectors(r -> r.trailName("good-regional-trail").advancedEventSelectors(
                    AdvancedEventSelector.builder().name("management").fieldSelectors(field("eventCategory", "Management")).build(),
                    AdvancedEventSelector.builder().name("s3 writes").fieldSelectors(field("eventCategory", "Data"),
                            field("resources.type", "AWS::S3::Object"), field("readOnly", "false")).build()));
            ct.startLogging(r -> r.name("good-regional-trail"));
        }
    }

    private static AdvancedFieldSelector field(String name, String equalsValue) {
        return AdvancedFieldSelector.builder().field(name).equalsValue(equalsValue).build();
    }

    private static void lambda(SeedClients c, String region, String role, String goodKey) {
        LambdaClient lambda = c.client(LambdaClient::builder, region);
        SdkBytes code = SdkBytes.fromByteArray(zip("index.py", "def handler(event, context):\n    return 'ok'\n"));
        lambda.createFunction(r -> r.functionName("bad-function").runtime(Runtime.PYTHON3_12).role(role).handler("index.handler")
                .code(x -> x.zipFile(code)).environment(e -> e.variables(Map.of("DB_PASSWORD", PASSWORD, "STAGE", "prod"))));
        lambda.addPermission(r -> r.functionName("bad-function").statementId("anyone").action("lambda:InvokeFunction").principal("*"));
        lambda.createFunctionUrlConfig(r -> r.functionName("bad-function").authType(FunctionUrlAuthType.NONE));
        lambda.createFunction(r -> r.functionName("good-function").runtime(Runtime.PYTHON3_12).role(role).handler("index.handler")
                .code(x -> x.zipFile(code)).environment(e -> e.variables(Map.of("STAGE", "prod"))).kmsKeyArn(goodKey)
                .tracingConfig(t -> t.mode(TracingMode.ACTIVE)));
        lambda.addPermission(r -> r.functionName("good-function").statementId("events").action("lambda:InvokeFunction")
                .principal("events.amazonaws.com").sourceArn("arn:aws:events:" + region + ":" + SeedClients.ACCOUNT + ":rule/nightly"));
    }

    private static byte[] zip(String name, String content) {
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two subnets of the region's default VPC, in different zones. */
    private static List<String> defaultSubnets(SeedClients c, String region) {
        Ec2Client ec2 = c.client(Ec2Client::builder, region);
        List<Subnet> subnets = ec2.describeSubnets(r -> r.filters(f -> f.name("default-for-az").values("true"))).subnets();
        return subnets.stream().sorted(java.util.Comparator.comparing(Subnet::availabilityZone)).limit(2).map(Subnet::subnetId).toList();
    }

    private static void elb(SeedClients c, String region, List<String> subnets, String accessLogs, String certificate) {
        ElasticLoadBalancingV2Client elb = c.client(ElasticLoadBalancingV2Client::builder, region);
        String bad = elb.createLoadBalancer(r -> r.name("bad-alb").subnets(subnets).scheme(LoadBalancerSchemeEnum.INTERNET_FACING))
                .loadBalancers().get(0).loadBalancerArn();
        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(bad).attributes(
                a -> a.key("deletion_protection.enabled").value("false"),
                a -> a.key("routing.http.drop_invalid_header_fields.enabled").value("false"),
                a -> a.key("routing.http.desync_mitigation_mode").value("monitor"),
                a -> a.key("access_logs.s3.enabled").value("false")));
        elb.createListener(r -> r.loadBalancerArn(bad).protocol(ProtocolEnum.HTTP).port(80).defaultActions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE)
                .fixedResponseConfig(f -> f.statusCode("200").contentType("text/plain").messageBody("ok"))));
        String good = elb.createLoadBalancer(r -> r.name("good-alb").subnets(subnets).scheme(LoadBalancerSchemeEnum.INTERNAL))
                .loadBalancers().get(0).loadBalancerArn();
        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(good).attributes(
                a -> a.key("deletion_protection.enabled").value("true"),
                a -> a.key("routing.http.drop_invalid_header_fields.enabled").value("true"),
                a -> a.key("routing.http.desync_mitigation_mode").value("strictest"),
                a -> a.key("access_logs.s3.enabled").value("true"),
                a -> a.key("access_logs.s3.bucket").value(accessLogs),
                a -> a.key("access_logs.s3.prefix").value("good-alb")));
        elb.createListener(r -> r.loadBalancerArn(good).protocol(ProtocolEnum.HTTP).port(80).defaultActions(a -> a.type(ActionTypeEnum.REDIRECT)
                .redirectConfig(x -> x.protocol("HTTPS").port("443").statusCode("HTTP_301"))));
        elb.createListener(r -> r.loadBalancerArn(good).protocol(ProtocolEnum.HTTPS).port(443).sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06")
                .certificates(x -> x.certificateArn(certificate)).defaultActions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE)
                        .fixedResponseConfig(f -> f.statusCode("200").contentType("text/plain").messageBody("ok"))));
    }

    private static void eks(SeedClients c, String region, List<String> subnets, String role, String goodKey) {
        EksClient eks = c.client(EksClient::builder, region);
        eks.createCluster(r -> r.name("bad-cluster").roleArn(role).version("1.31").resourcesVpcConfig(v -> v.subnetIds(subnets)
                .endpointPublicAccess(true).endpointPrivateAccess(false).publicAccessCidrs("0.0.0.0/0")));
        eks.createCluster(r -> r.name("good-cluster").roleArn(role).version("1.33").resourcesVpcConfig(v -> v.subnetIds(subnets)
                        .endpointPublicAccess(false).endpointPrivateAccess(true))
                .logging(l -> l.clusterLogging(s -> s.types(LogType.API, LogType.AUDIT, LogType.AUTHENTICATOR, LogType.CONTROLLER_MANAGER,
                        LogType.SCHEDULER).enabled(true)))
                .encryptionConfig(e -> e.resources("secrets").provider(p -> p.keyArn(goodKey))));
    }

    private static void secrets(SeedClients c, String region, String goodKey) {
        SecretsManagerClient sm = c.client(SecretsManagerClient::builder, region);
        sm.createSecret(r -> r.name("bad-secret").secretString(PASSWORD));
        sm.createSecret(r -> r.name("good-secret").secretString(PASSWORD).kmsKeyId(goodKey));
        // moto rotates without a rotation function; AWS would want RotationLambdaARN.
        sm.rotateSecret(r -> r.secretId("good-secret").rotationRules(x -> x.automaticallyAfterDays(30L)).rotateImmediately(false));
    }

    private static void cloudfront(SeedClients c, String account) {
        CloudFrontClient cf = c.client(CloudFrontClient::builder, "us-east-1");
        cf.createDistribution(r -> r.distributionConfig(distribution("bad-distribution", false)));
        cf.createDistribution(r -> r.distributionConfig(distribution("good-distribution", true)));
    }

    /** Distributions are named by id: the comment carries bad-/good-. */
    private static DistributionConfig distribution(String comment, boolean good) {
        var b = DistributionConfig.builder().callerReference(comment).comment(comment).enabled(true);
        if (good) {
            b.origins(o -> o.quantity(1).items(x -> x.id("assets").domainName("vigil-access-logs-us-east-1.s3.us-east-1.amazonaws.com")
                            .originAccessControlId("E2VIGILOAC").s3OriginConfig(s -> s.originAccessIdentity(""))))
                    .defaultCacheBehavior(d -> d.targetOriginId("assets").viewerProtocolPolicy("redirect-to-https")
                            .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6"))
                    .defaultRootObject("index.html")
                    .logging(l -> l.enabled(true).includeCookies(false).bucket("vigil-access-logs-us-east-1.s3.amazonaws.com").prefix("cdn/"))
                    .webACLId("arn:aws:wafv2:us-east-1:" + SeedClients.ACCOUNT + ":global/webacl/vigil/00000000-0000-0000-0000-000000000000")
                    .restrictions(x -> x.geoRestriction(g -> g.restrictionType("blacklist").quantity(1).items("KP")))
                    .viewerCertificate(v -> v.cloudFrontDefaultCertificate(false).acmCertificateArn("arn:aws:acm:us-east-1:" + SeedClients.ACCOUNT
                            + ":certificate/00000000-0000-0000-0000-000000000000").sslSupportMethod("sni-only").minimumProtocolVersion("TLSv1.2_2021"));
        } else {
            b.origins(o -> o.quantity(1).items(x -> x.id("web").domainName("origin.example.com")
                            .customOriginConfig(cc -> cc.httpPort(80).httpsPort(443).originProtocolPolicy("http-only"))))
                    .defaultCacheBehavior(d -> d.targetOriginId("web").viewerProtocolPolicy("allow-all")
                            .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6"))
                    .viewerCertificate(v -> v.cloudFrontDefaultCertificate(true));
        }
        return b.build();
    }
}
