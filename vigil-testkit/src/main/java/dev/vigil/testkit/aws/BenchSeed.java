package dev.vigil.testkit.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Seeds the emulator with about {@code total} resources spread over services and both test regions,
 * for the live-scan benchmark ({@code bench/live-scan.sh}). Deterministic: the same total gives the
 * same resources.
 *
 * <p>Usage: {@code BenchSeed ENDPOINT TOTAL}
 */
public final class BenchSeed {
    private BenchSeed() {
    }

    public static void main(String[] args) {
        URI endpoint = URI.create(args[0]);
        int total = Integer.parseInt(args[1]);
        SeedClients clients = new SeedClients(endpoint);
        // Shares of the total per kind, roughly as a real account's inventory is spread.
        int buckets = total * 10 / 100, users = total * 10 / 100, roles = total * 10 / 100, policies = total * 5 / 100;
        int groups = total * 20 / 100, volumes = total * 15 / 100, keys = total * 5 / 100, logGroups = total * 10 / 100;
        int topics = total * 5 / 100, secrets = total * 10 / 100;
        List<String> made = new ArrayList<>();

        S3Client s3 = clients.client(S3Client::builder, "us-east-1");
        for (int i = 0; i < buckets; i++) {
            String name = String.format("bench-bucket-%05d", i);
            s3.createBucket(r -> r.bucket(name));
        }
        made.add("buckets " + buckets);

        IamClient iam = clients.client(IamClient::builder, "us-east-1");
        for (int i = 0; i < users; i++) {
            String n = "bench-user-" + i;
            iam.createUser(r -> r.userName(n));
            if (i % 3 == 0) iam.createAccessKey(r -> r.userName(n));
        }
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}";
        for (int i = 0; i < roles; i++) {
            int k = i;
            iam.createRole(r -> r.roleName("bench-role-" + k).assumeRolePolicyDocument(trust));
        }
        for (int i = 0; i < policies; i++) {
            int k = i;
            String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + (k % 10 == 0 ? "*" : "s3:GetObject")
                    + "\",\"Resource\":\"*\"}]}";
            iam.createPolicy(r -> r.policyName("bench-policy-" + k).policyDocument(doc));
        }
        made.add("users " + users + ", roles " + roles + ", policies " + policies);

        for (String region : SeedClients.REGIONS) {
            Ec2Client ec2 = clients.client(Ec2Client::builder, region);
            String vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
            for (int i = 0; i < groups / 2; i++) {
                int k = i;
                String id = ec2.createSecurityGroup(r -> r.groupName("bench-sg-" + k).description("bench").vpcId(vpc)).groupId();
                int port = k % 4 == 0 ? 22 : 443;
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(port)
                        .toPort(port).ipRanges(x -> x.cidrIp(k % 2 == 0 ? "0.0.0.0/0" : "10.0.0.0/8")).build()));
            }
            String az = region + "a";
            for (int i = 0; i < volumes / 2; i++) {
                int k = i;
                ec2.createVolume(r -> r.availabilityZone(az).size(8).encrypted(k % 2 == 0));
            }
            KmsClient kms = clients.client(KmsClient::builder, region);
            for (int i = 0; i < keys / 2; i++) {
                String keyId = kms.createKey(r -> r.description("bench")).keyMetadata().keyId();
                if (i % 2 == 0) kms.enableKeyRotation(r -> r.keyId(keyId));
            }
            CloudWatchLogsClient logs = clients.client(CloudWatchLogsClient::builder, region);
            for (int i = 0; i < logGroups / 2; i++) {
                int k = i;
                logs.createLogGroup(r -> r.logGroupName("/bench/group-" + k));
            }
            SnsClient sns = clients.client(SnsClient::builder, region);
            for (int i = 0; i < topics / 2; i++) {
                int k = i;
                sns.createTopic(r -> r.name("bench-topic-" + k));
            }
            SecretsManagerClient sm = clients.client(SecretsManagerClient::builder, region);
            for (int i = 0; i < secrets / 2; i++) {
                int k = i;
                sm.createSecret(r -> r.name("bench/secret-" + k).secretString("x"));
            }
        }
        made.add("security groups " + groups + ", volumes " + volumes + ", KMS keys " + keys + ", log groups " + logGroups + ", topics " + topics
                + ", secrets " + secrets);
        System.out.println("seeded: " + String.join("; ", made));
    }
}
