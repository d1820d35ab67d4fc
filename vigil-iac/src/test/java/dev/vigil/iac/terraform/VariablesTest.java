package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.IacOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A root module's variables take their values the way Terraform gives them. */
class VariablesTest {
    @TempDir
    Path dir;

    private static final String MAIN = """
            variable "name" {
              type    = string
              default = "from-default"
            }
            variable "size" {
              type = number
            }
            variable "tags" {
              type    = map(string)
              default = {}
            }
            resource "aws_s3_bucket" "b" {
              bucket = var.name
              size   = var.size
              tags   = var.tags
            }
            """;

    private Map<String, Object> bucket(IacOptions options, String... more) {
        String[] files = new String[more.length + 2];
        files[0] = "main.tf";
        files[1] = MAIN;
        System.arraycopy(more, 0, files, 2, more.length);
        TerraformModules.Result r = Tf.eval(dir, options, files);
        assertThat(r.badFiles()).isEmpty();
        return Tf.attrs(r, "aws_s3_bucket.b");
    }

    @Test
    void theDefaultWhenNothingElseIsGiven() {
        assertThat(bucket(IacOptions.none()).get("bucket")).isEqualTo("from-default");
    }

    @Test
    void aVariableWithNoValueIsUnresolvedAndSaysHowToGiveIt() {
        Object size = bucket(IacOptions.none()).get("size");
        assertThat(Tf.reason(size)).isEqualTo("var.size has no value (give it with --var or a .tfvars file)");
    }

    @Test
    void terraformTfvarsThenAutoTfvarsInNameOrder() {
        Map<String, Object> b = bucket(IacOptions.none(),
                "terraform.tfvars", "name = \"from-tfvars\"\nsize = 1\n",
                "b.auto.tfvars", "size = 3\n",
                "a.auto.tfvars.json", "{\"size\": 2, \"tags\": {\"env\": \"prod\"}}");
        assertThat(b.get("bucket")).isEqualTo("from-tfvars");
        assertThat(b.get("size")).as("b.auto.tfvars is read after a.auto.tfvars.json").isEqualTo(3L);
        assertThat(b.get("tags")).isEqualTo(Map.of("env", "prod"));
    }

    @Test
    void varFilesThenVarsWinOverTheFilesOfTheDirectory() {
        Tf.write(dir, "env/prod.tfvars", "name = \"from-var-file\"\nsize = 10\n", "env/more.tfvars.json", "{\"size\": 20}");
        IacOptions options = new IacOptions(Map.of("size", "30"), List.of(dir.resolve("env/prod.tfvars"), dir.resolve("env/more.tfvars.json")));
        Map<String, Object> b = bucket(options, "terraform.tfvars", "name = \"from-tfvars\"\n");
        assertThat(b.get("bucket")).isEqualTo("from-var-file");
        assertThat(b.get("size")).as("--var wins, and is read as a number for a number variable").isEqualTo(30L);
    }

    @Test
    void aVarValueIsReadAsHclWhenItLooksLikeOneAndAsTextOtherwise() {
        IacOptions options = new IacOptions(Map.of("tags", "{ env = \"dev\", team = \"sec\" }", "name", "[not-a-list", "size", "4"), List.of());
        Map<String, Object> b = bucket(options);
        assertThat(b.get("tags")).isEqualTo(Map.of("env", "dev", "team", "sec"));
        assertThat(b.get("bucket")).as("a string variable takes the text as it is").isEqualTo("[not-a-list");
    }

    @Test
    void aBrokenVariablesFileIsABadFileNamingItsLine() {
        Tf.write(dir, "terraform.tfvars", "size = 1\nname = \"unterminated\n");
        TerraformModules.Result r = Tf.eval(dir, "main.tf", MAIN);
        assertThat(r.badFiles()).hasSize(1);
        assertThat(r.badFiles().get(0).message()).endsWith("terraform.tfvars:2: syntax error: string is not closed on its line");
        assertThat(Tf.attrs(r, "aws_s3_bucket.b").get("bucket")).isEqualTo("from-default");
    }

    @Test
    void aMissingVarFileIsABadFile() {
        TerraformModules.Result r = Tf.eval(dir, new IacOptions(Map.of(), List.of(dir.resolve("nope.tfvars"))), "main.tf", MAIN);
        assertThat(r.badFiles()).singleElement().satisfies(b -> assertThat(b.message()).endsWith("nope.tfvars: variables file not found"));
    }

    @Test
    void optionalObjectAttributesTakeTheirDefaults() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", """
                variable "buckets" {
                  type = map(object({
                    versioning = optional(bool, true)
                    acl        = optional(string)
                    tags       = optional(map(string), {})
                  }))
                  default = {
                    logs = { versioning = false }
                    data = {}
                  }
                }
                resource "aws_s3_bucket" "b" {
                  for_each   = var.buckets
                  versioning = each.value.versioning
                  acl        = each.value.acl
                  tags       = each.value.tags
                }
                """);
        assertThat(r.badFiles()).isEmpty();
        assertThat(Tf.attrs(r, "aws_s3_bucket.b[\"logs\"]")).containsEntry("versioning", false);
        Map<String, Object> data = Tf.attrs(r, "aws_s3_bucket.b[\"data\"]");
        assertThat(data).containsEntry("versioning", true).containsEntry("acl", null).containsEntry("tags", Map.of());
    }

    @Test
    void aVariablesFileTerraformWouldNotLoadIsNamedAsAGap() {
        Tf.write(dir, "main.tf", MAIN, "terraform.tfvars", "size = 1\n", "prod.tfvars", "size = 2\n");
        List<Path> files = List.of(dir.resolve("main.tf"), dir.resolve("terraform.tfvars"), dir.resolve("prod.tfvars"));
        TerraformModules.Result r = new TerraformModules(IacOptions.none()).evaluate(files);
        assertThat(Tf.attrs(r, "aws_s3_bucket.b")).containsEntry("size", 1L);
        assertThat(r.gaps()).singleElement().satisfies(g -> {
            assertThat(g.scope()).endsWith("prod.tfvars");
            assertThat(g.reason()).contains("--var-file");
        });
        TerraformModules.Result given = new TerraformModules(new IacOptions(Map.of(), List.of(dir.resolve("prod.tfvars")))).evaluate(files);
        assertThat(given.gaps()).isEmpty();
        assertThat(Tf.attrs(given, "aws_s3_bucket.b")).containsEntry("size", 2L);
    }
}
