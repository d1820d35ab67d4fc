package dev.vigil.iac.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.input.InputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever text it is given, reading HCL either succeeds or fails with one bad-input line: never
 * another exception, never a hang. The texts are a valid configuration cut and spliced at random
 * (fixed seed, so a failure reproduces).
 */
class MangledInputTest {
    private static final String VALID = """
            variable "name" {
              type    = string
              default = "logs"
            }
            locals {
              tags = merge({ a = 1 }, { b = "two-${var.name}" })
              list = [for s in ["x", "y"] : upper(s) if s != ""]
              obj  = { for k, v in local.tags : k => "${v}!" }
              cond = var.name == "logs" ? (1 + 2) * 3 : -4
            }
            # vigil:ignore=aws-s3-bucket-logging not needed
            resource "aws_s3_bucket" "b" {
              count  = 2
              bucket = "${var.name}-${count.index}"
              policy = <<-EOT
                {"Statement": [{"Resource": "arn:aws:s3:::${var.name}/*"}]}
              EOT
              dynamic "rule" {
                for_each = local.list
                content {
                  id = rule.value /* inline */
                }
              }
            }
            """;

    @Test
    void anyTextReadsOrIsOneBadInputLine() {
        Random random = new Random(20261123);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int a = random.nextInt(VALID.length());
            int b = random.nextInt(VALID.length());
            int c = random.nextInt(VALID.length());
            texts.add(switch (i % 4) {
                case 0 -> VALID.substring(0, a);
                case 1 -> VALID.substring(0, Math.min(a, b)) + VALID.substring(Math.max(a, b));
                case 2 -> VALID.substring(0, a) + VALID.substring(b, Math.max(b, c)) + VALID.substring(a);
                default -> VALID.substring(0, a) + "}])\"{[(=,?:$%#<".charAt(random.nextInt(15)) + VALID.substring(a);
            });
        }
        long started = System.nanoTime();
        for (String text : texts) {
            try {
                HclFile f = HclFile.read("m.tf", text);
                assertThat(f.body()).isNotNull();
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith("m.tf").doesNotContain("\n");
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void evaluatingWhatReadsNeverThrows(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            int a = random.nextInt(VALID.length());
            int b = random.nextInt(VALID.length());
            String text = VALID.substring(0, Math.min(a, b)) + VALID.substring(Math.max(a, b));
            java.nio.file.Path d = java.nio.file.Files.createDirectories(dir.resolve("m" + i));
            java.nio.file.Files.writeString(d.resolve("main.tf"), text);
            var result = new dev.vigil.iac.terraform.TerraformModules(dev.vigil.iac.IacOptions.none()).evaluate(List.of(d.resolve("main.tf")));
            assertThat(result.badFiles()).allSatisfy(f -> assertThat(f.message()).doesNotContain("\n"));
        }
    }
}
