package dev.vigil.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Resource;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSnapshotInputTest {
    @TempDir
    Path dir;

    private final ConfigSnapshotInput input = new ConfigSnapshotInput();

    private static String snapshot(String... items) {
        return "{\"fileVersion\":\"1.0\",\"configSnapshotId\":\"s-1\",\"configurationItems\":[\n" + String.join(",\n", items) + "\n]}";
    }

    private static final String BUCKET = """
            {"configurationItemVersion":"1.3","configurationItemCaptureTime":"2026-11-01T10:00:00.000Z","configurationItemStatus":"OK",
             "awsAccountId":"111122223333","ARN":"arn:aws:s3:::open-bucket","resourceType":"AWS::S3::Bucket","resourceId":"open-bucket",
             "resourceName":"open-bucket","awsRegion":"us-east-1","tags":{"team":"web"},"relationships":[],
             "configuration":{"name":"open-bucket","creationDate":"2024-01-01T00:00:00.000Z"},
             "supplementaryConfiguration":{
               "BucketPolicy":{"policyText":"{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"arn:aws:s3:::open-bucket/*\\"}]}"},
               "AccessControlList":"{\\"grantList\\":[{\\"grantee\\":\\"AllUsers\\",\\"permission\\":\\"Read\\"}]}",
               "BucketVersioningConfiguration":{"status":"Off"}}}""";

    /** The same bucket as the API spells it: arn, accountId, version, configuration as a JSON string. */
    private static final String API_SPELLED_VOLUME = """
            {"version":"1.3","configurationItemCaptureTime":"2026-11-02T10:00:00.000Z","configurationItemStatus":"OK",
             "accountId":"111122223333","arn":"arn:aws:ec2:eu-west-1:111122223333:volume/vol-1","resourceType":"AWS::EC2::Volume",
             "resourceId":"vol-1","awsRegion":"eu-west-1",
             "relationships":[{"resourceType":"AWS::EC2::Instance","resourceId":"i-1","name":"Is attached to Instance"}],
             "configuration":"{\\"volumeId\\":\\"vol-1\\",\\"encrypted\\":false,\\"size\\":8,\\"state\\":\\"in-use\\",\\"attachments\\":[{\\"instanceId\\":\\"i-1\\"}]}"}""";

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Resource only(Collected c, String type) {
        List<Resource> of = c.resources().stream().filter(r -> r.type().equals(type)).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }

    @Test
    void readsBothFieldSpellingsAndAConfigurationGivenAsAString() throws IOException {
        Collected c = input.read(List.of(write("snap.json", snapshot(BUCKET, API_SPELLED_VOLUME))));
        Resource bucket = only(c, "aws.s3.bucket");
        assertThat(bucket.id()).isEqualTo("arn:aws:s3:::open-bucket");
        assertThat(bucket.account()).isEqualTo("111122223333");
        assertThat(bucket.tags()).containsEntry("team", "web");
        Resource volume = only(c, "aws.ec2.volume");
        assertThat(volume.account()).isEqualTo("111122223333");
        assertThat(volume.properties()).containsEntry("encrypted", false).containsEntry("sizeGiB", 8L);
        assertThat(volume.relations()).extracting(r -> r.targetId()).containsExactly("arn:aws:ec2:eu-west-1:111122223333:instance/i-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void normalizesBucketPolicyAclAndMissingPublicAccessBlock() throws IOException {
        Resource bucket = only(input.read(List.of(write("snap.json", snapshot(BUCKET)))), "aws.s3.bucket");
        Map<String, Object> p = bucket.properties();
        assertThat((Map<String, Object>) p.get("publicAccessBlock")).containsEntry("blockPublicPolicy", false);
        List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>) p.get("policy")).get("statements");
        assertThat(statements.get(0)).containsEntry("principals", List.of("*")).containsEntry("actions", List.of("s3:GetObject"));
        assertThat((List<Map<String, Object>>) p.get("aclGrants")).containsExactly(Map.of("grantee", "AllUsers", "permission", "Read"));
        assertThat((Map<String, Object>) p.get("encryption")).containsEntry("enabled", false);
        assertThat(p).doesNotContainKey("ownerId");
        assertThat(bucket.unknownReason("ownerId")).isEqualTo(S3ConfigMapper.NO_ACL_OWNER);
    }

    @Test
    void theBucketOwnerComesFromTheAcl() throws IOException {
        String owned = BUCKET.replace("\\\"permission\\\":\\\"Read\\\"}]}", "\\\"permission\\\":\\\"Read\\\"}],\\\"owner\\\":{\\\"id\\\":\\\"9a3f51c0\\\"}}");
        assertThat(owned).isNotEqualTo(BUCKET);
        Resource bucket = only(input.read(List.of(write("snap.json", snapshot(owned)))), "aws.s3.bucket");
        assertThat(bucket.properties()).containsEntry("ownerId", "9a3f51c0");
        assertThat(bucket.unknownReason("ownerId")).isNull();
    }

    @Test
    void readsGzippedSnapshotsAndSingleItemsAndCountsUnmodelledTypes() throws IOException {
        Path gz = dir.resolve("snap.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(snapshot(BUCKET, """
                    {"configurationItemStatus":"OK","awsAccountId":"111122223333","resourceType":"AWS::SNS::Topic",
                     "resourceId":"arn:aws:sns:us-east-1:111122223333:alerts","awsRegion":"us-east-1","configuration":{}}""")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path item = write("item.json", API_SPELLED_VOLUME);
        Collected c = input.read(List.of(gz, item));
        assertThat(c.resources()).extracting(Resource::type).contains("aws.s3.bucket", "aws.ec2.volume");
        assertThat(c.unmodelled()).containsEntry("AWS::SNS::Topic", 1L);
    }

    @Test
    void theLatestCaptureOfAResourceWinsAndADeletedResourceIsDropped() throws IOException {
        String older = BUCKET;
        String newer = BUCKET.replace("2026-11-01T10:00:00.000Z", "2026-11-03T10:00:00.000Z")
                .replace("\"status\":\"Off\"", "\"status\":\"Enabled\"");
        String deletedVolume = API_SPELLED_VOLUME.replace("\"configurationItemStatus\":\"OK\"", "\"configurationItemStatus\":\"ResourceDeleted\"")
                .replace("2026-11-02", "2026-11-04");
        Collected c = input.read(List.of(write("history.json", snapshot(newer, older, API_SPELLED_VOLUME, deletedVolume))));
        assertThat(only(c, "aws.s3.bucket").properties().get("versioning")).isEqualTo(Map.of("status", "Enabled", "mfaDelete", false));
        assertThat(c.resources()).noneMatch(r -> r.type().equals("aws.ec2.volume"));
    }

    @Test
    void withoutACredentialReportUserCredentialsAndRootAreUnknownWithTheReason() throws IOException {
        String user = """
                {"configurationItemStatus":"OK","awsAccountId":"111122223333","resourceType":"AWS::IAM::User","resourceId":"AIDA1",
                 "ARN":"arn:aws:iam::111122223333:user/alice","awsRegion":"global",
                 "configuration":{"userName":"alice","arn":"arn:aws:iam::111122223333:user/alice","groupList":[],"attachedManagedPolicies":[],"userPolicyList":[]}}""";
        Collected c = input.read(List.of(write("snap.json", snapshot(user))));
        Resource alice = only(c, "aws.iam.user");
        assertThat(alice.properties()).doesNotContainKeys("mfaActive", "passwordEnabled", "accessKeys");
        assertThat(alice.unknownReason("mfaActive")).contains("does not record the IAM credential report");
        assertThat(only(c, "aws.account").unknownReason("root.activeAccessKeys")).contains("credential report");
        assertThat(c.gaps()).anyMatch(g -> g.scope().contains("IAM credentials"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCredentialReportFillsUsersAndTheRootUser() throws IOException {
        String user = """
                {"configurationItemStatus":"OK","awsAccountId":"111122223333","resourceType":"AWS::IAM::User","resourceId":"AIDA1",
                 "ARN":"arn:aws:iam::111122223333:user/alice","awsRegion":"global","configuration":{"userName":"alice","groupList":["dev"]}}""";
        String report = """
                user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
                <root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,2026-10-01T00:00:00+00:00,not_supported,not_supported,false,true,2021-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
                alice,arn:aws:iam::111122223333:user/alice,2024-01-01T00:00:00+00:00,true,2026-11-01T00:00:00+00:00,2024-01-01T00:00:00+00:00,N/A,false,true,2026-09-01T00:00:00+00:00,no_information,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
                ghost,arn:aws:iam::111122223333:user/ghost,2024-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
                """;
        Collected c = input.read(List.of(write("snap.json", snapshot(user)), write("credential-report.csv", report)));
        Resource alice = c.resources().stream().filter(r -> r.name().equals("alice")).findFirst().orElseThrow();
        assertThat(alice.properties()).containsEntry("passwordEnabled", true).containsEntry("mfaActive", false).containsEntry("groups", List.of("dev"));
        assertThat((List<Map<String, Object>>) alice.properties().get("accessKeys")).first()
                .isEqualTo(Map.of("active", true, "lastRotated", "2026-09-01T00:00:00+00:00", "lastUsed", ""));
        Resource ghost = c.resources().stream().filter(r -> r.name().equals("ghost")).findFirst().orElseThrow();
        assertThat(ghost.unknownReason("groups")).contains("only its credential-report row");
        Map<String, Object> root = (Map<String, Object>) only(c, "aws.account").properties().get("root");
        assertThat(root).containsEntry("activeAccessKeys", 1L).containsEntry("mfaActive", false);
    }

    @Test
    void missingFlowLogsAreOnlyAFactWhenTheRecorderProvesFlowLogsAreRecorded() throws IOException {
        String vpc = """
                {"configurationItemStatus":"OK","awsAccountId":"111122223333","resourceType":"AWS::EC2::VPC","resourceId":"vpc-1",
                 "awsRegion":"us-east-1","configuration":{"vpcId":"vpc-1","cidrBlock":"10.0.0.0/16"}}""";
        Resource unknown = only(input.read(List.of(write("a.json", snapshot(vpc)))), "aws.ec2.vpc");
        assertThat(unknown.unknownReason("flowLogs")).contains("FlowLog");

        String recorder = """
                {"configurationItemStatus":"OK","awsAccountId":"111122223333","resourceType":"AWS::Config::ConfigurationRecorder",
                 "resourceId":"default","awsRegion":"us-east-1",
                 "configuration":{"Name":"default","Recording":true,"RecordingGroup":{"AllSupported":true,"IncludeGlobalResourceTypes":true}}}""";
        Collected c = input.read(List.of(write("b.json", snapshot(vpc, recorder))));
        assertThat(only(c, "aws.ec2.vpc").properties()).containsEntry("flowLogs", List.of());
        Resource region = only(c, "aws.region");
        assertThat(region.properties()).containsEntry("guardDutyEnabled", false).containsEntry("securityHubEnabled", false);
        assertThat(region.unknownReason("ebsEncryptionByDefault")).contains("does not record EBS encryption by default");
    }

    @Test
    void everyResourceItProducesFitsItsSchemaAndEveryAbsentFieldHasAReason() throws IOException {
        Path example = Path.of("..", "examples", "aws-config").toAbsolutePath().normalize();
        List<Path> files;
        try (var s = Files.list(example)) {
            files = s.filter(input::claims).sorted().toList();
        }
        Collected c = input.read(files);
        ResourceTypes types = ResourceTypes.standard();
        assertThat(c.resources()).hasSizeGreaterThan(30);
        for (Resource r : c.resources()) {
            var schema = types.find(r.type()).orElseThrow().schema();
            assertThat(schema.validate(r.properties())).as(r.type() + " " + r.id()).isEmpty();
            for (String field : schema.fields().keySet()) {
                if (!r.properties().containsKey(field)) {
                    assertThat(r.unknownReason(field)).as("absent " + field + " of " + r.type() + " " + r.id() + " has a reason").isNotNull();
                }
            }
        }
    }

    @Test
    void aTruncatedSnapshotIsAnErrorNamingTheFileAndLine() throws IOException {
        String full = snapshot(BUCKET, API_SPELLED_VOLUME);
        Path p = write("cut.json", full.substring(0, full.length() / 2));
        assertThatThrownBy(() -> input.read(List.of(p))).isInstanceOf(InputException.class)
                .hasMessageStartingWith(p + ":")
                .hasMessageContaining("invalid JSON")
                .satisfies(e -> assertThat(((InputException) e).line()).isPositive());
    }

    @Test
    void anItemWithoutAResourceTypeIsAnErrorNamingItsLine() throws IOException {
        Path p = write("notype.json", snapshot(BUCKET, "{\"resourceId\":\"x\",\"awsAccountId\":\"111122223333\"}"));
        assertThatThrownBy(() -> input.read(List.of(p))).isInstanceOf(InputException.class)
                .hasMessage(p + ":10: configuration item 1 has no resourceType");
    }

    @Test
    void aGzNameOnSomethingThatIsNotGzipIsAnError() throws IOException {
        Path p = write("fake.json.gz", snapshot(BUCKET));
        assertThatThrownBy(() -> input.read(List.of(p))).isInstanceOf(InputException.class)
                .hasMessage(p + ": not a gzip file (the name ends in .gz but the content has no gzip signature)");
    }

    @Test
    void aCorruptGzipIsAnError() throws IOException {
        Path p = dir.resolve("corrupt.json.gz");
        byte[] ok;
        try (var bytes = new java.io.ByteArrayOutputStream(); var gz = new GZIPOutputStream(bytes)) {
            gz.write(snapshot(BUCKET).getBytes(StandardCharsets.UTF_8));
            gz.finish();
            ok = bytes.toByteArray();
        }
        Files.write(p, java.util.Arrays.copyOf(ok, ok.length / 2));
        assertThatThrownBy(() -> input.read(List.of(p))).isInstanceOf(InputException.class).hasMessageStartingWith(p + ": ");
    }

    @Test
    void jsonThatIsNotAConfigFileIsAnError() throws IOException {
        Path p = write("other.json", "{\"hello\": \"world\"}");
        assertThatThrownBy(() -> input.read(List.of(p))).isInstanceOf(InputException.class)
                .hasMessageContaining("not an AWS Config snapshot");
    }
}
