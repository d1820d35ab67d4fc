package dev.vigil.testkit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic AWS Config snapshot of N resources for benchmarks: a fixed mix of the
 * modelled types over four regions of one account, roughly a third of them misconfigured, from a
 * fixed seed so every run scans the same data. Streams its output, so N can be large.
 *
 * <p>Usage: {@code SnapshotGenerator OUT.json[.gz] COUNT}
 */
public final class SnapshotGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2");
    private static final String ACCOUNT = "123456789012";

    private final Random random = new Random(20261115L);

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SnapshotGenerator OUT.json[.gz] COUNT");
            System.exit(1);
        }
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        new SnapshotGenerator().write(out, count);
        System.err.println("wrote " + count + " configuration items to " + out + " (" + Files.size(out) / 1024 + " KiB)");
    }

    public void write(Path file, int count) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
             JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("fileVersion", "1.0");
            g.writeStringField("configSnapshotId", "bench-" + count);
            g.writeArrayFieldStart("configurationItems");
            for (String region : REGIONS) JSON.writeTree(g, recorder(region));
            for (int i = 0; i < count - REGIONS.size(); i++) {
                String region = REGIONS.get(i % REGIONS.size());
                int kind = i % 20;
                ObjectNode item = switch (kind) {
                    case 0, 1, 2, 3, 4, 5 -> securityGroup(i, region);
                    case 6, 7, 8 -> instance(i, region);
                    case 9, 10, 11 -> volume(i, region);
                    case 12, 13 -> bucket(i, region);
                    case 14, 15 -> user(i);
                    case 16 -> role(i);
                    case 17 -> networkAcl(i, region);
                    case 18 -> vpc(i, region);
                    default -> db(i, region);
                };
                JSON.writeTree(g, item);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private boolean bad() {
        return random.nextInt(3) == 0;
    }

    private ObjectNode item(String type, String id, String region, String arn) {
        ObjectNode n = JSON.createObjectNode();
        n.put("configurationItemVersion", "1.3");
        n.put("configurationItemCaptureTime", "2026-11-15T06:00:00.000Z");
        n.put("configurationItemStatus", "OK");
        n.put("configurationStateId", 1763186400000L);
        n.put("awsAccountId", ACCOUNT);
        n.put("ARN", arn);
        n.put("resourceType", type);
        n.put("resourceId", id);
        n.put("resourceName", id);
        n.put("awsRegion", region);
        n.putObject("tags").put("env", "bench");
        n.putArray("relationships");
        return n;
    }

    private ObjectNode recorder(String region) {
        ObjectNode n = item("AWS::Config::ConfigurationRecorder", "default", region, "");
        ObjectNode c = n.putObject("configuration");
        c.put("Name", "default").put("Recording", true);
        c.putObject("RecordingGroup").put("AllSupported", true).put("IncludeGlobalResourceTypes", region.equals("us-east-1"));
        return n;
    }

    private ObjectNode securityGroup(int i, String region) {
        String id = String.format("sg-%017x", i);
        ObjectNode n = item("AWS::EC2::SecurityGroup", id, region, "arn:aws:ec2:" + region + ":" + ACCOUNT + ":security-group/" + id);
        ObjectNode c = n.putObject("configuration");
        c.put("groupId", id).put("groupName", i % 97 == 0 ? "default" : "sg-" + i).put("description", "bench").put("vpcId", "vpc-" + (i % 50));
        ArrayNode in = c.putArray("ipPermissions");
        int port = bad() ? (random.nextBoolean() ? 22 : 3389) : 443;
        ObjectNode p = in.addObject().put("ipProtocol", "tcp").put("fromPort", port).put("toPort", port);
        p.putArray("ipRanges").add(port == 443 || random.nextBoolean() ? "0.0.0.0/0" : "10.0.0.0/8");
        p.putArray("ipv4Ranges").addObject().put("cidrIp", p.get("ipRanges").get(0).asText());
        p.putArray("ipv6Ranges");
        p.putArray("userIdGroupPairs");
        p.putArray("prefixListIds");
        ObjectNode e = c.putArray("ipPermissionsEgress").addObject().put("ipProtocol", "-1");
        e.putArray("ipRanges").add("0.0.0.0/0");
        return n;
    }

    private ObjectNode instance(int i, String region) {
        String id = String.format("i-%017x", i);
        ObjectNode n = item("AWS::EC2::Instance", id, region, "arn:aws:ec2:" + region + ":" + ACCOUNT + ":instance/" + id);
        ObjectNode c = n.putObject("configuration");
        c.put("instanceId", id).put("instanceType", "t3.micro").put("imageId", "ami-0123456789abcdef0").put("vpcId", "vpc-" + (i % 50))
                .put("subnetId", "subnet-" + (i % 200)).put("launchTime", "2026-01-01T00:00:00.000Z");
        c.putObject("state").put("code", 16).put("name", "running");
        if (bad()) c.put("publicIpAddress", "198.51.100." + (i % 250));
        if (!bad()) c.putObject("iamInstanceProfile").put("arn", "arn:aws:iam::" + ACCOUNT + ":instance-profile/app").put("id", "AIPA" + i);
        c.putObject("metadataOptions").put("httpTokens", bad() ? "optional" : "required").put("httpEndpoint", "enabled").put("httpPutResponseHopLimit", 1);
        c.putArray("securityGroups").addObject().put("groupId", String.format("sg-%017x", (i / 20) * 20)).put("groupName", "sg");
        return n;
    }

    private ObjectNode volume(int i, String region) {
        String id = String.format("vol-%017x", i);
        ObjectNode n = item("AWS::EC2::Volume", id, region, "arn:aws:ec2:" + region + ":" + ACCOUNT + ":volume/" + id);
        ObjectNode c = n.putObject("configuration");
        boolean encrypted = !bad();
        c.put("volumeId", id).put("size", 8 + i % 100).put("volumeType", "gp3").put("state", "in-use").put("encrypted", encrypted);
        if (encrypted) c.put("kmsKeyId", "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/bench");
        c.putArray("attachments").addObject().put("instanceId", String.format("i-%017x", i - 3)).put("state", "attached");
        return n;
    }

    private ObjectNode bucket(int i, String region) {
        String name = "bench-bucket-" + i;
        ObjectNode n = item("AWS::S3::Bucket", name, region, "arn:aws:s3:::" + name);
        n.putObject("configuration").put("name", name).put("creationDate", "2025-01-01T00:00:00.000Z");
        ObjectNode s = n.putObject("supplementaryConfiguration");
        boolean open = bad();
        s.putObject("PublicAccessBlockConfiguration").put("blockPublicAcls", !open).put("ignorePublicAcls", !open)
                .put("blockPublicPolicy", !open).put("restrictPublicBuckets", !open);
        if (!bad()) {
            s.putObject("ServerSideEncryptionConfiguration").putArray("rules").addObject()
                    .putObject("applyServerSideEncryptionByDefault").put("sseAlgorithm", "aws:kms").put("kmsMasterKeyID", "bench");
        }
        s.putObject("BucketVersioningConfiguration").put("status", bad() ? "Off" : "Enabled").put("isMfaDeleteEnabled", false);
        if (!bad()) s.putObject("BucketLoggingConfiguration").put("destinationBucketName", "bench-logs").put("logFilePrefix", name + "/");
        String policy = open
                ? "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + name + "/*\"}]}"
                : "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::" + name
                + "/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
        s.putObject("BucketPolicy").put("policyText", policy);
        return n;
    }

    private ObjectNode user(int i) {
        String name = "user-" + i;
        String arn = "arn:aws:iam::" + ACCOUNT + ":user/" + name;
        ObjectNode n = item("AWS::IAM::User", "AIDA" + i, "global", arn);
        ObjectNode c = n.putObject("configuration");
        c.put("userName", name).put("arn", arn).put("path", "/").put("createDate", "2025-01-01T00:00:00.000Z");
        c.putArray("groupList").add("engineers");
        ArrayNode attached = c.putArray("attachedManagedPolicies");
        if (bad()) attached.addObject().put("policyName", "ReadOnlyAccess").put("policyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        c.putArray("userPolicyList");
        return n;
    }

    private ObjectNode role(int i) {
        String name = "role-" + i;
        String arn = "arn:aws:iam::" + ACCOUNT + ":role/" + name;
        ObjectNode n = item("AWS::IAM::Role", "AROA" + i, "global", arn);
        ObjectNode c = n.putObject("configuration");
        c.put("roleName", name).put("arn", arn).put("path", "/").put("createDate", "2025-01-01T00:00:00.000Z")
                .put("assumeRolePolicyDocument", "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D");
        c.putArray("attachedManagedPolicies").addObject().put("policyName", "AmazonS3ReadOnlyAccess")
                .put("policyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        c.putArray("rolePolicyList");
        c.putArray("instanceProfileList");
        return n;
    }

    private ObjectNode networkAcl(int i, String region) {
        String id = String.format("acl-%017x", i);
        ObjectNode n = item("AWS::EC2::NetworkAcl", id, region, "arn:aws:ec2:" + region + ":" + ACCOUNT + ":network-acl/" + id);
        ObjectNode c = n.putObject("configuration");
        c.put("networkAclId", id).put("vpcId", "vpc-" + (i % 50)).put("isDefault", false);
        ArrayNode entries = c.putArray("entries");
        ObjectNode e = entries.addObject().put("ruleNumber", 100).put("egress", false).put("cidrBlock", "0.0.0.0/0").put("ruleAction", "allow");
        if (bad()) e.put("protocol", "-1");
        else e.put("protocol", "6").putObject("portRange").put("from", 443).put("to", 443);
        c.putArray("associations");
        return n;
    }

    private ObjectNode vpc(int i, String region) {
        String id = String.format("vpc-%017x", i);
        ObjectNode n = item("AWS::EC2::VPC", id, region, "arn:aws:ec2:" + region + ":" + ACCOUNT + ":vpc/" + id);
        n.putObject("configuration").put("vpcId", id).put("cidrBlock", "10.0.0.0/16").put("state", "available").put("isDefault", false);
        return n;
    }

    private ObjectNode db(int i, String region) {
        String id = "db-" + i;
        ObjectNode n = item("AWS::RDS::DBInstance", "db-RES" + i, region, "arn:aws:rds:" + region + ":" + ACCOUNT + ":db:" + id);
        ObjectNode c = n.putObject("configuration");
        c.put("dBInstanceIdentifier", id).put("engine", "postgres").put("engineVersion", "16.3").put("dBInstanceClass", "db.t4g.micro")
                .put("storageEncrypted", !bad()).put("publiclyAccessible", bad()).put("multiAZ", false).put("autoMinorVersionUpgrade", !bad())
                .put("backupRetentionPeriod", bad() ? 0 : 7).put("deletionProtection", false).put("masterUsername", "app");
        c.putObject("endpoint").put("port", 5432).put("address", id + ".example");
        return n;
    }
}
