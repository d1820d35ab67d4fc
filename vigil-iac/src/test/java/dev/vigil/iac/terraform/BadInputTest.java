package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.Unresolved;
import dev.vigil.model.input.BadFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is one line naming file and line, and the rest of the module is still read. */
class BadInputTest {
    @TempDir
    Path dir;

    private static final String GOOD = "resource \"aws_s3_bucket\" \"ok\" {\n  bucket = \"still-read\"\n}\n";

    private BadFile onlyBadFile(TerraformModules.Result r) {
        assertThat(r.badFiles()).hasSize(1);
        return r.badFiles().get(0);
    }

    @Test
    void anUnclosedBlockNamesTheLineItOpensOn() {
        TerraformModules.Result r = Tf.eval(dir, "a.tf", GOOD, "b.tf", "\n\nresource \"aws_s3_bucket\" \"broken\" {\n  bucket = \"x\"\n");
        BadFile b = onlyBadFile(r);
        assertThat(b.file()).endsWith("b.tf");
        assertThat(b.line()).isEqualTo(3);
        assertThat(b.message()).endsWith("b.tf:3: syntax error: '{' is never closed");
        assertThat(r.resources()).extracting(TfResource::address).containsExactly("aws_s3_bucket.ok");
    }

    @Test
    void anUnexpectedCharacterNamesItsLine() {
        TerraformModules.Result r = Tf.eval(dir, "a.tf", GOOD, "b.tf", "resource \"aws_s3_bucket\" \"broken\" {\n  = 2\n}\n");
        BadFile b = onlyBadFile(r);
        assertThat(b.line()).isEqualTo(2);
        assertThat(b.problem()).startsWith("syntax error: unexpected '='");
        assertThat(b.message()).doesNotContain("\n");
    }

    @Test
    void anAttributeWithoutValueOrWithTwoValuesIsASyntaxError() {
        TerraformModules.Result empty = Tf.eval(dir.resolve("one"), "b.tf", "resource \"aws_s3_bucket\" \"x\" {\n  bucket =\n}\n");
        assertThat(onlyBadFile(empty).message()).endsWith("b.tf:2: syntax error: attribute bucket has no value");
        TerraformModules.Result two = Tf.eval(dir.resolve("two"), "b.tf", "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \"a\" \"b\"\n}\n");
        assertThat(onlyBadFile(two).line()).isEqualTo(2);
    }

    @Test
    void anUnterminatedStringOrHeredoc() {
        TerraformModules.Result s = Tf.eval(dir.resolve("s"), "b.tf", "locals {\n  a = 1\n  b = \"open\n}\n");
        assertThat(onlyBadFile(s).message()).endsWith("b.tf:3: syntax error: string is not closed on its line");
        TerraformModules.Result h = Tf.eval(dir.resolve("h"), "b.tf", "locals {\n  a = <<EOT\n  text\n}\n");
        assertThat(onlyBadFile(h).message()).endsWith("b.tf:2: syntax error: heredoc <<EOT is not closed (no line 'EOT')");
    }

    @Test
    void referencesIntoABrokenFileAreUnresolvedNotErrors() {
        TerraformModules.Result r = Tf.eval(dir,
                "a.tf", "resource \"aws_s3_bucket\" \"ok\" {\n  bucket = local.name\n}\n",
                "b.tf", "locals {\n  name = \"lost\"\n");
        assertThat(r.badFiles()).hasSize(1);
        assertThat(Tf.reason(Tf.attrs(r, "aws_s3_bucket.ok").get("bucket"))).contains("could not be read");
    }

    @Test
    void anUnknownFunctionIsBadInputNamingFileAndLine() {
        TerraformModules.Result r = Tf.eval(dir, "a.tf", GOOD, "b.tf", "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"private\"\n  bucket = frobnicate(\"x\")\n}\n");
        BadFile b = onlyBadFile(r);
        assertThat(b.message()).endsWith("b.tf:3: unknown function frobnicate()");
        assertThat(Tf.attrs(r, "aws_s3_bucket.b").get("bucket")).isInstanceOf(Unresolved.class);
        assertThat(Tf.attrs(r, "aws_s3_bucket.b").get("acl")).isEqualTo("private");
        assertThat(Tf.attrs(r, "aws_s3_bucket.ok").get("bucket")).isEqualTo("still-read");
    }

    @Test
    void aLocalModuleThatDoesNotExistIsBadInputAtTheModuleBlock() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", GOOD + "\nmodule \"x\" {\n  source = \"./mods/x\"\n}\n");
        assertThat(onlyBadFile(r).message()).endsWith("main.tf:5: module \"x\": source ./mods/x not found");
        assertThat(r.resources()).extracting(TfResource::address).containsExactly("aws_s3_bucket.ok");
    }

    @Test
    void aModuleThatCallsItselfIsBadInputNotALoop() {
        TerraformModules.Result r = Tf.eval(dir, "main.tf", "module \"again\" {\n  source = \"./\"\n}\n" + GOOD);
        assertThat(r.badFiles()).isNotEmpty();
        assertThat(r.badFiles().get(0).problem()).contains("calls itself");
    }

    @Test
    void invalidTfJson() {
        TerraformModules.Result r = Tf.eval(dir, "a.tf", GOOD, "b.tf.json", "{\n  \"resource\": {\n    \"aws_s3_bucket\": [\n}\n");
        BadFile b = onlyBadFile(r);
        assertThat(b.file()).endsWith("b.tf.json");
        assertThat(b.line()).isEqualTo(4);
        assertThat(b.problem()).startsWith("invalid JSON");
    }

    @Test
    void anAttributeSetTwiceIsBadInput() {
        TerraformModules.Result r = Tf.eval(dir, "b.tf", "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"private\"\n  acl = \"public-read\"\n}\n");
        assertThat(onlyBadFile(r).message()).endsWith("b.tf:3: attribute acl is set twice (first on line 2)");
    }

    @Test
    void mismatchedBracketsNameBothLines() {
        TerraformModules.Result r = Tf.eval(dir, "b.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = foo(\n}\n");
        assertThat(onlyBadFile(r).message()).endsWith("b.tf:3: syntax error: '(' opened on line 2 is closed by '}'");
    }

    @Test
    void anUnknownFunctionIsBadInputEvenWhereNothingEvaluatesIt() {
        TerraformModules.Result r = Tf.eval(dir, "b.tf", """
                variable "names" {
                  type = list(object({ a = optional(string) }))
                  default = []
                }
                locals {
                  unused = upper(frobnicate("x"))
                }
                resource "aws_s3_bucket" "none" {
                  count  = 0
                  bucket = frobnicate("y")
                }
                """);
        assertThat(r.badFiles()).extracting(BadFile::message).allSatisfy(m -> assertThat(m).contains("unknown function frobnicate()"))
                .anySatisfy(m -> assertThat(m).endsWith("b.tf:6: unknown function frobnicate()"))
                .anySatisfy(m -> assertThat(m).endsWith("b.tf:10: unknown function frobnicate()"))
                .hasSize(2);
    }
}
