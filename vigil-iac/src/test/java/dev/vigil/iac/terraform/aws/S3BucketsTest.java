package dev.vigil.iac.terraform.aws;

import static dev.vigil.iac.terraform.aws.Tf.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.terraform.TerraformAws;
import dev.vigil.model.Origin;
import dev.vigil.model.Resource;
import dev.vigil.model.Status;
import dev.vigil.model.input.InlineSuppression;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** aws_s3_bucket and the split resources that configure it, as aws.s3.bucket. */
class S3BucketsTest {
    private static final String DENY_HTTP = """
            {"Version":"2012-10-17","Statement":[{"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
             "Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";
    private static final String PUBLIC_READ = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::assets/*"}]}""";

    @Test
    void aBareBucketTakesWhatAwsGivesANewBucket() {
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket", "aws_s3_bucket.assets", "bucket", "assets"));
        Resource b = only(m, "aws.s3.bucket");

        assertThat(b.id()).isEqualTo("infra#aws_s3_bucket.assets");
        assertThat(b.name()).isEqualTo("assets");
        assertThat(b.provider()).isEqualTo("aws");
        assertThat(b.account()).isEmpty();
        assertThat(b.region()).isEmpty();
        assertThat(b.origin()).isEqualTo(new Origin.FileRange("infra/main.tf", 10, 20));
        assertThat(prop(b, "publicAccessBlock")).isEqualTo(Map.of("blockPublicAcls", false, "ignorePublicAcls", false,
                "blockPublicPolicy", false, "restrictPublicBuckets", false));
        // S3 has encrypted new buckets with SSE-S3 since January 2023.
        assertThat(prop(b, "encryption")).isEqualTo(Map.of("enabled", true, "algorithm", "AES256", "kmsKeyId", ""));
        assertThat(prop(b, "versioning")).isEqualTo(Map.of("status", "Off", "mfaDelete", false));
        assertThat(prop(b, "logging.enabled")).isEqualTo(false);
        assertThat(items(b, "policy.statements")).isEmpty();
        assertThat(items(b, "aclGrants")).isEmpty();
        assertThat(prop(b, "lifecycleRules")).isEqualTo(0L);
        assertThat(prop(b, "objectLockEnabled")).isEqualTo(false);
        assertThat(b.unknowns()).containsEntry("arn", "not known before deploy").containsEntry("creationDate", "not known before deploy")
                .doesNotContainKey("ownerId");
        assertThat(prop(b, "ownerId")).as("the owner as Terraform would look it up").isEqualTo("${data.aws_canonical_user_id.current.id}");
        assertThat(status("aws-s3-bucket-acl-not-used", b, m)).as("no ACL: only the owner's own grant").isEqualTo(Status.PASS);
        assertThat(m.unmodelled()).isEmpty();

        assertThat(status("aws-s3-bucket-public-access-blocked", b, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-s3-bucket-versioning-enabled", b, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-s3-bucket-default-encryption", b, m)).isEqualTo(Status.PASS);
    }

    @Test
    void splitResourcesJoinByReferenceAndByName() {
        TerraformAws.Mapped m = mapAll(
                tf("aws_s3_bucket", "aws_s3_bucket.reports", "bucket", "reports"),
                tf("aws_s3_bucket_public_access_block", "aws_s3_bucket_public_access_block.reports", "bucket", ref("aws_s3_bucket.reports"),
                        "block_public_acls", true, "ignore_public_acls", true, "block_public_policy", true, "restrict_public_buckets", true),
                tf("aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_server_side_encryption_configuration.reports",
                        "bucket", "reports", "rule", block("apply_server_side_encryption_by_default",
                                block("sse_algorithm", "aws:kms", "kms_master_key_id", ref("aws_kms_key.reports")))),
                tf("aws_s3_bucket_versioning", "aws_s3_bucket_versioning.reports", "bucket", ref("aws_s3_bucket.reports"),
                        "versioning_configuration", block("status", "Enabled")),
                tf("aws_s3_bucket_policy", "aws_s3_bucket_policy.reports", "bucket", "reports", "policy", DENY_HTTP),
                tf("aws_s3_bucket_logging", "aws_s3_bucket_logging.reports", "bucket", ref("aws_s3_bucket.reports"),
                        "target_bucket", "access-logs", "target_prefix", "reports/"),
                tf("aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_lifecycle_configuration.reports", "bucket", "reports",
                        "rule", list(Tf.map("id", "expire", "status", "Enabled"), Tf.map("id", "old", "status", "Disabled"))));
        Resource b = only(m, "aws.s3.bucket");

        assertThat(prop(b, "publicAccessBlock.restrictPublicBuckets")).isEqualTo(true);
        assertThat(prop(b, "encryption.algorithm")).isEqualTo("aws:kms");
        assertThat(prop(b, "encryption.kmsKeyId")).as("a reference names the key by its canonical id").isEqualTo("infra#aws_kms_key.reports");
        assertThat(prop(b, "versioning.status")).isEqualTo("Enabled");
        assertThat(prop(b, "logging")).isEqualTo(Map.of("enabled", true, "targetBucket", "access-logs", "targetPrefix", "reports/"));
        assertThat(prop(b, "lifecycleRules")).isEqualTo(1L);
        assertThat(m.unmodelled()).as("every split configured the bucket").isEmpty();

        assertThat(status("aws-s3-bucket-public-access-blocked", b, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-s3-bucket-denies-insecure-transport", b, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-s3-bucket-kms-encryption", b, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-s3-bucket-access-logging", b, m)).isEqualTo(Status.PASS);
    }

    @Test
    void aPublicPolicyWithoutABlockMakesTheBucketPublic() {
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket", "aws_s3_bucket.assets", "bucket", "assets"),
                tf("aws_s3_bucket_policy", "aws_s3_bucket_policy.assets", "bucket", ref("aws_s3_bucket.assets"), "policy", PUBLIC_READ));
        Resource b = only(m, "aws.s3.bucket");

        assertThat(status("aws-s3-bucket-not-public", b, m)).isEqualTo(Status.FAIL);
    }

    @Test
    void aReferenceJoinsOnlyTheResourceOfTheSameFullAddress() {
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket", "aws_s3_bucket.b", "bucket", "root-bucket"),
                tf("aws_s3_bucket", "module.other.aws_s3_bucket.b", "bucket", "other-bucket"),
                tf("aws_s3_bucket_versioning", "module.other.aws_s3_bucket_versioning.b", "bucket", ref("module.other.aws_s3_bucket.b"),
                        "versioning_configuration", block("status", "Enabled")));

        assertThat(prop(byId(m, "infra#aws_s3_bucket.b"), "versioning.status")).isEqualTo("Off");
        assertThat(prop(byId(m, "infra#module.other.aws_s3_bucket.b"), "versioning.status")).isEqualTo("Enabled");
    }

    @Test
    void splitsMadeWithTheSameCountAsTheirBucketJoinTheInstanceOfTheSameKey() {
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket", "aws_s3_bucket.b[0]", "bucket", "b0"), tf("aws_s3_bucket", "aws_s3_bucket.b[1]", "bucket", "b1"),
                tf("aws_s3_bucket_versioning", "aws_s3_bucket_versioning.b[1]", "bucket", ref("aws_s3_bucket.b"),
                        "versioning_configuration", block("status", "Enabled")));

        assertThat(prop(byId(m, "infra#aws_s3_bucket.b[0]"), "versioning.status")).isEqualTo("Off");
        assertThat(prop(byId(m, "infra#aws_s3_bucket.b[1]"), "versioning.status")).isEqualTo("Enabled");
    }

    @Test
    void cannedAclsBecomeGrantsAsAwsConfigSpellsThem() {
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket", "aws_s3_bucket.v4", "bucket", "v4"),
                tf("aws_s3_bucket_acl", "aws_s3_bucket_acl.v4", "bucket", ref("aws_s3_bucket.v4"), "acl", "public-read"),
                tf("aws_s3_bucket", "aws_s3_bucket.v3", "bucket", "v3", "acl", "public-read-write"),
                tf("aws_s3_bucket", "aws_s3_bucket.grants", "bucket", "grants"),
                tf("aws_s3_bucket_acl", "aws_s3_bucket_acl.grants", "bucket", "grants", "access_control_policy",
                        block("grant", list(Tf.map("grantee", block("type", "Group", "uri", "http://acs.amazonaws.com/groups/global/AllUsers"),
                                "permission", "READ_ACP"), Tf.map("grantee", block("type", "CanonicalUser", "id", "abc123"),
                                "permission", "FULL_CONTROL")), "owner", block("id", "abc123"))));

        assertThat(items(byId(m, "infra#aws_s3_bucket.v4"), "aclGrants")).containsExactly(Map.of("grantee", "AllUsers", "permission", "Read"));
        assertThat(items(byId(m, "infra#aws_s3_bucket.v3"), "aclGrants"))
                .containsExactly(Map.of("grantee", "AllUsers", "permission", "Read"), Map.of("grantee", "AllUsers", "permission", "Write"));
        Resource grants = byId(m, "infra#aws_s3_bucket.grants");
        assertThat(items(grants, "aclGrants")).as("the ACL names its owner: every grant, as AWS Config lists them")
                .containsExactly(Map.of("grantee", "AllUsers", "permission", "ReadAcp"), Map.of("grantee", "abc123", "permission", "FullControl"));
        assertThat(prop(grants, "ownerId")).isEqualTo("abc123");
        assertThat(status("aws-s3-bucket-acl-not-used", grants, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-s3-bucket-acl-not-used", byId(m, "infra#aws_s3_bucket.v4"), m)).as("public-read grants AllUsers, not the owner")
                .isEqualTo(Status.FAIL);
    }

    @Test
    void legacyInlineArgumentsOfProviderV3AreRead() {
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket", "aws_s3_bucket.old", "bucket", "old", "policy", DENY_HTTP,
                "versioning", block("enabled", true, "mfa_delete", true),
                "logging", block("target_bucket", "logs", "target_prefix", "old/"),
                "server_side_encryption_configuration", block("rule", block("apply_server_side_encryption_by_default",
                        block("sse_algorithm", "aws:kms"))),
                "lifecycle_rule", list(Tf.map("enabled", true), Tf.map("enabled", false)),
                "object_lock_configuration", block("object_lock_enabled", "Enabled")));
        Resource b = only(m, "aws.s3.bucket");

        assertThat(prop(b, "versioning")).isEqualTo(Map.of("status", "Enabled", "mfaDelete", true));
        assertThat(prop(b, "logging.targetBucket")).isEqualTo("logs");
        assertThat(prop(b, "encryption.algorithm")).isEqualTo("aws:kms");
        assertThat(prop(b, "lifecycleRules")).isEqualTo(1L);
        assertThat(prop(b, "objectLockEnabled")).isEqualTo(true);
        assertThat(items(b, "policy.statements")).hasSize(1);
    }

    @Test
    void anUnresolvedPolicyIsUnknownAndSoAreTheRulesThatReadIt() {
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket", "aws_s3_bucket.x", "bucket", "x"),
                tf("aws_s3_bucket_policy", "aws_s3_bucket_policy.x", "bucket", ref("aws_s3_bucket.x"), "policy", noValue("policy_json")));
        Resource b = only(m, "aws.s3.bucket");

        assertThat(b.unknowns()).containsEntry("policy", "var.policy_json has no value");
        assertThat(b.properties()).doesNotContainKey("policy");
        assertThat(status("aws-s3-bucket-denies-insecure-transport", b, m)).isEqualTo(Status.UNKNOWN);
        assertThat(result("aws-s3-bucket-denies-insecure-transport", b, m).reason()).contains("var.policy_json has no value");
    }

    @Test
    void anUnresolvedBucketNameIsUnknownAndTheAddressNamesTheResource() {
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket", "aws_s3_bucket.x", "bucket", noValue("name")),
                tf("aws_s3_bucket", "aws_s3_bucket.generated"));

        assertThat(byId(m, "infra#aws_s3_bucket.x").name()).isEqualTo("aws_s3_bucket.x");
        assertThat(byId(m, "infra#aws_s3_bucket.x").unknowns()).containsEntry("name", "var.name has no value");
        assertThat(byId(m, "infra#aws_s3_bucket.generated").unknowns().get("name")).contains("generates it at apply");
    }

    @Test
    void aMarkOnASplitResourceIsReAimedAtTheBucket() {
        InlineSuppression mark = new InlineSuppression("infra#aws_s3_bucket_logging.x", "aws-s3-bucket-access-logging", "log bucket",
                LocalDate.of(2027, 1, 1), "infra/main.tf", 29);
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket", "aws_s3_bucket.x", "bucket", "x"),
                tf("aws_s3_bucket_public_access_block", "aws_s3_bucket_public_access_block.x", List.of(mark), "bucket", "x"));

        assertThat(m.suppressions()).containsExactly(new InlineSuppression("infra#aws_s3_bucket.x", "aws-s3-bucket-access-logging",
                "log bucket", LocalDate.of(2027, 1, 1), "infra/main.tf", 29));
    }

    @Test
    void dataSourcesAreNeitherMappedNorCounted() {
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket", "data.aws_s3_bucket.existing", "bucket", "someone-elses"),
                tf("aws_iam_policy_document", "module.data.data.aws_iam_policy_document.p"),
                tf("aws_s3_bucket", "module.data.aws_s3_bucket.mine", "bucket", "mine"));

        assertThat(m.resources()).extracting(Resource::id).containsExactly("infra#module.data.aws_s3_bucket.mine");
        assertThat(m.unmodelled()).isEmpty();
    }

    @Test
    void aSplitWhosePrimaryIsNotInTheScanIsCountedNotDropped() {
        TerraformAws.Mapped m = mapAll(tf("aws_s3_bucket_policy", "aws_s3_bucket_policy.elsewhere", "bucket", "bucket-of-another-stack",
                "policy", PUBLIC_READ), tf("aws_route53_zone", "aws_route53_zone.main", "name", "example.com"));

        assertThat(m.resources()).isEmpty();
        assertThat(m.unmodelled()).isEqualTo(Map.of("aws_s3_bucket_policy", 1L, "aws_route53_zone", 1L));
    }
}
