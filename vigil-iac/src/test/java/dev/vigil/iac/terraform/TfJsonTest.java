package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform's JSON syntax evaluates like HCL, with lines from the JSON parser. */
class TfJsonTest {
    @TempDir
    Path dir;

    @Test
    void resourcesVariablesLocalsAndTemplatesInJson() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf.json", """
                {
                  "variable": { "env": { "default": "prod" } },
                  "locals": { "prefix": "acme-${var.env}" },
                  "resource": {
                    "aws_s3_bucket": {
                      "logs": {
                        "bucket": "${local.prefix}-logs",
                        "count": 1,
                        "tags": { "Env": "${var.env}" },
                        "versioning": { "enabled": true }
                      }
                    }
                  }
                }
                """, "other.tf", "resource \"aws_s3_bucket_policy\" \"p\" {\n  bucket = aws_s3_bucket.logs[0].bucket\n}\n");
        assertThat(r.badFiles()).isEmpty();
        TfResource logs = Tf.resource(r, "aws_s3_bucket.logs[0]");
        assertThat(logs.attributes()).containsEntry("bucket", "acme-prod-logs").containsEntry("tags", Map.of("Env", "prod"))
                .containsEntry("versioning", Map.of("enabled", true)).doesNotContainKey("count");
        assertThat(logs.startLine()).isEqualTo(6);
        assertThat(logs.endLine()).isEqualTo(11);
        assertThat(Tf.attrs(r, "aws_s3_bucket_policy.p")).containsEntry("bucket", "acme-prod-logs");
    }

    @Test
    void dynamicBlocksInJson() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf.json", """
                {"resource": {"aws_security_group": {"sg": {
                  "dynamic": {"ingress": {"for_each": [22, 443], "content": {"from_port": "${ingress.value}"}}}
                }}}}
                """);
        assertThat(Tf.attrs(r, "aws_security_group.sg").get("ingress")).isEqualTo(List.of(Map.of("from_port", 22L), Map.of("from_port", 443L)));
    }

    @Test
    void aCommentPropertyCarriesAnIgnoreMark() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf.json", """
                {"resource": {"aws_s3_bucket": {"b": {
                  "//": "vigil:ignore=aws-s3-bucket-logging access logs are not needed here",
                  "bucket": "x"
                }}}}
                """);
        TfResource b = Tf.resource(r, "aws_s3_bucket.b");
        assertThat(b.suppressions()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo("aws-s3-bucket-logging");
            assertThat(s.line()).isEqualTo(2);
        });
        assertThat(b.attributes()).doesNotContainKey("//");
    }
}
