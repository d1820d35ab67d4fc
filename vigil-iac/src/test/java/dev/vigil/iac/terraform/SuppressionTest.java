package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.input.InlineSuppression;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil:ignore marks in comments attach to the resource instance they are written in or above. */
class SuppressionTest {
    @TempDir
    Path dir;

    @Test
    void marksInsideAndDirectlyAboveABlockInEveryCommentStyle() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                resource "aws_s3_bucket" "before" {
                  bucket = "x" # vigil:ignore=not-this-one belongs to the block it is in
                }

                # Logs bucket.
                # vigil:ignore=aws-s3-bucket-logging logs go to the SIEM exp:2027-01-31
                resource "aws_s3_bucket" "logs" {
                  bucket = "logs" // vigil:ignore=aws-s3-bucket-versioning written once
                  /* vigil:ignore=aws-s3-* the whole family, reviewed */
                }
                """);
        TfResource logs = Tf.resource(r, "aws_s3_bucket.logs");
        assertThat(logs.suppressions()).extracting(InlineSuppression::rule)
                .containsExactly("aws-s3-bucket-logging", "aws-s3-bucket-versioning", "aws-s3-*");
        InlineSuppression first = logs.suppressions().get(0);
        assertThat(first.resourceId()).isEqualTo(logs.id());
        assertThat(first.reason()).isEqualTo("logs go to the SIEM");
        assertThat(first.expires()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(first.line()).isEqualTo(6);
        assertThat(logs.startLine()).isEqualTo(7);
        assertThat(logs.endLine()).isEqualTo(10);
        assertThat(Tf.resource(r, "aws_s3_bucket.before").suppressions()).extracting(InlineSuppression::rule).containsExactly("not-this-one");
    }

    @Test
    void aMarkAboveABlankLineDoesNotAttach() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", "# vigil:ignore=x far away\n\nresource \"aws_s3_bucket\" \"b\" {\n}\n");
        assertThat(Tf.resource(r, "aws_s3_bucket.b").suppressions()).isEmpty();
    }

    @Test
    void everyInstanceOfACountedResourceCarriesTheMarkWithItsOwnId() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                resource "aws_s3_bucket" "b" {
                  # vigil:ignore=aws-s3-bucket-logging test buckets
                  count = 2
                }
                """);
        assertThat(r.resources()).hasSize(2).allSatisfy(t ->
                assertThat(t.suppressions()).singleElement().satisfies(s -> assertThat(s.resourceId()).isEqualTo(t.id())));
    }

    @Test
    void aMalformedMarkIsBadInput() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  # vigil:ignore=aws-s3-bucket-logging\n}\n");
        assertThat(r.badFiles()).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(2);
            assertThat(b.problem()).contains("gives no reason");
        });
        assertThat(Tf.resource(r, "aws_s3_bucket.b").suppressions()).isEmpty();
    }

    @Test
    void aBlockCommentOfSeveralLinesEndingAboveTheBlockAttaches() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", "/*\n  vigil:ignore=aws-s3-bucket-logging reviewed by security\n*/\nresource \"aws_s3_bucket\" \"b\" {\n}\n");
        assertThat(Tf.resource(r, "aws_s3_bucket.b").suppressions()).extracting(InlineSuppression::rule).containsExactly("aws-s3-bucket-logging");
    }
}
