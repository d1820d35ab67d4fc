package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iac.Unresolved;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References to other resources and to data sources: configured values are known, computed ones are not. */
class ReferencesTest {
    @TempDir
    Path dir;

    @Test
    void aConfiguredAttributeIsKnownAComputedOneIsUnresolvedWithTheResourceItComesFrom() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                resource "aws_s3_bucket" "logs" {
                  bucket = "acme-logs"
                }
                resource "aws_s3_bucket" "generated" {
                  bucket = null
                }
                resource "aws_s3_bucket_public_access_block" "pab" {
                  bucket            = aws_s3_bucket.logs.id
                  name              = aws_s3_bucket.logs.bucket
                  other             = aws_s3_bucket.generated.bucket
                  block_public_acls = true
                }
                """);
        Map<String, Object> pab = Tf.attrs(r, "aws_s3_bucket_public_access_block.pab");
        assertThat(pab.get("name")).isEqualTo("acme-logs");
        assertThat(pab.get("bucket")).isEqualTo(new Unresolved("aws_s3_bucket.logs.id is known only after apply", "aws_s3_bucket.logs"));
        assertThat(pab.get("other")).as("null leaves the name to the provider")
                .isEqualTo(new Unresolved("aws_s3_bucket.generated.bucket is known only after apply", "aws_s3_bucket.generated"));
    }

    @Test
    void aReferenceToACountedInstanceRefersToThatInstance() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                resource "aws_s3_bucket" "b" {
                  count  = 2
                  bucket = "b-${count.index}"
                }
                resource "aws_s3_bucket_versioning" "v" {
                  bucket = aws_s3_bucket.b[1].arn
                  names  = aws_s3_bucket.b[*].bucket
                }
                """);
        Map<String, Object> v = Tf.attrs(r, "aws_s3_bucket_versioning.v");
        assertThat(((Unresolved) v.get("bucket")).refersTo()).isEqualTo("aws_s3_bucket.b[1]");
        assertThat(v.get("names")).isEqualTo(List.of("b-0", "b-1"));
    }

    @Test
    void aDataSourceIsReadAtPlanTime() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                data "aws_caller_identity" "me" {}
                resource "aws_s3_bucket" "b" {
                  bucket = "logs-${data.aws_caller_identity.me.account_id}"
                }
                """);
        assertThat(Tf.reason(Tf.attrs(r, "aws_s3_bucket.b").get("bucket"))).isEqualTo("data.aws_caller_identity.me is read at plan time");
        assertThat(r.resources()).extracting(TfResource::address).containsExactly("aws_s3_bucket.b");
    }

    @Test
    void anIamPolicyDocumentIsRenderedAsTheProviderRendersIt() throws Exception {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                data "aws_iam_policy_document" "deny_http" {
                  statement {
                    sid     = "DenyInsecureTransport"
                    effect  = "Deny"
                    actions = ["s3:*"]
                    resources = ["arn:aws:s3:::acme-logs", "arn:aws:s3:::acme-logs/*"]
                    principals {
                      type        = "*"
                      identifiers = ["*"]
                    }
                    condition {
                      test     = "Bool"
                      variable = "aws:SecureTransport"
                      values   = ["false"]
                    }
                  }
                  statement {
                    actions = ["s3:GetObject", "s3:ListBucket"]
                    resources = ["*"]
                    principals {
                      type        = "AWS"
                      identifiers = ["arn:aws:iam::111122223333:root"]
                    }
                  }
                }
                resource "aws_s3_bucket_policy" "p" {
                  bucket = "acme-logs"
                  policy = data.aws_iam_policy_document.deny_http.json
                }
                """);
        Object policy = Tf.attrs(r, "aws_s3_bucket_policy.p").get("policy");
        assertThat(policy).isInstanceOf(String.class);
        Object parsed = new ObjectMapper().readValue((String) policy, Object.class);
        assertThat(parsed).isEqualTo(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Action", "s3:*",
                        "Resource", List.of("arn:aws:s3:::acme-logs", "arn:aws:s3:::acme-logs/*"),
                        "Principal", "*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                Map.of("Effect", "Allow", "Action", List.of("s3:GetObject", "s3:ListBucket"), "Resource", "*",
                        "Principal", Map.of("AWS", "arn:aws:iam::111122223333:root")))));
    }

    @Test
    void aPolicyDocumentWithAComputedValueIsUnresolvedAndKeepsTheReference() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                resource "aws_s3_bucket" "b" {
                  bucket = "acme"
                }
                data "aws_iam_policy_document" "d" {
                  statement {
                    actions   = ["s3:GetObject"]
                    resources = ["${aws_s3_bucket.b.arn}/*"]
                  }
                }
                resource "aws_s3_bucket_policy" "p" {
                  bucket = aws_s3_bucket.b.id
                  policy = data.aws_iam_policy_document.d.json
                }
                """);
        Object policy = Tf.attrs(r, "aws_s3_bucket_policy.p").get("policy");
        assertThat(Tf.reason(policy)).contains("aws_s3_bucket.b.arn is known only after apply");
        assertThat(((Unresolved) policy).refersTo()).isEqualTo("aws_s3_bucket.b");
    }

    @Test
    void sourceAndOverrideDocumentsMergeBySid() throws Exception {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                data "aws_iam_policy_document" "base" {
                  statement {
                    sid       = "A"
                    actions   = ["s3:GetObject"]
                    resources = ["*"]
                  }
                }
                data "aws_iam_policy_document" "final" {
                  source_policy_documents = [data.aws_iam_policy_document.base.json]
                  statement {
                    sid       = "A"
                    actions   = ["s3:PutObject"]
                    resources = ["*"]
                  }
                  statement {
                    sid       = "B"
                    actions   = ["s3:ListBucket"]
                    resources = ["*"]
                  }
                }
                resource "aws_iam_policy" "p" {
                  policy = data.aws_iam_policy_document.final.json
                }
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = new ObjectMapper().readValue((String) Tf.attrs(r, "aws_iam_policy.p").get("policy"), Map.class);
        assertThat((List<?>) doc.get("Statement")).extracting(s -> ((Map<?, ?>) s).get("Sid") + "=" + ((Map<?, ?>) s).get("Action"))
                .containsExactly("A=s3:PutObject", "B=s3:ListBucket");
    }

    @Test
    void jsonencodeOfAPolicyIsAString() {
        Object v = Tf.value(dir, """
                jsonencode({
                    Version = "2012-10-17"
                    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Principal = "*" }]
                  })""");
        assertThat(v).isEqualTo("{\"Statement\":[{\"Action\":\"s3:GetObject\",\"Effect\":\"Allow\",\"Principal\":\"*\"}],\"Version\":\"2012-10-17\"}");
    }
}
