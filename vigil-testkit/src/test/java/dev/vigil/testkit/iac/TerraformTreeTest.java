package dev.vigil.testkit.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerraformTreeTest {
    private static final Pattern RESOURCE = Pattern.compile("(?m)^resource \"([a-z0-9_]+)\" \"([a-z0-9_]+)\" \\{");
    private static final Set<String> MODELLED = Set.of("aws_s3_bucket", "aws_s3_bucket_public_access_block",
            "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning", "aws_s3_bucket_logging", "aws_security_group",
            "aws_security_group_rule", "aws_iam_role", "aws_iam_role_policy", "aws_instance", "aws_ebs_volume", "aws_db_instance",
            "aws_kms_key", "aws_vpc", "aws_flow_log", "aws_cloudtrail");

    @TempDir
    Path tmp;

    private static Map<String, String> contents(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            Map<String, String> out = new TreeMap<>();
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            return out;
        }
    }

    private static Map<String, String> tfFiles(Path dir) throws IOException {
        return contents(dir).entrySet().stream().filter(e -> e.getKey().endsWith(".tf"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    @ParameterizedTest(name = "{0} files")
    @ValueSource(ints = {6, 57, 300})
    void writesExactlyTheAskedNumberOfTfFilesAndTheTfvars(int files) throws IOException {
        Path dir = tmp.resolve("t" + files);
        TerraformTree.Stats stats = new TerraformTree(1).write(dir, files);
        assertThat(tfFiles(dir)).hasSize(files);
        assertThat(stats.files()).isEqualTo(files);
        assertThat(dir.resolve("terraform.tfvars")).isNotEmptyFile();
        assertThat(dir.resolve("variables.tf")).isNotEmptyFile();
        assertThat(dir.resolve("locals.tf")).isNotEmptyFile();
    }

    @Test
    void theSameSeedGivesTheSameTreeAndAnotherSeedAnother() throws IOException {
        new TerraformTree(42).write(tmp.resolve("a"), 80);
        new TerraformTree(42).write(tmp.resolve("b"), 80);
        new TerraformTree(43).write(tmp.resolve("c"), 80);
        assertThat(contents(tmp.resolve("a"))).isEqualTo(contents(tmp.resolve("b")));
        assertThat(contents(tmp.resolve("a"))).isNotEqualTo(contents(tmp.resolve("c")));
    }

    @Test
    void everyFileIsNonEmptyWithBalancedBracketsOutsideStrings() throws IOException {
        new TerraformTree(7).write(tmp, 120);
        for (var e : contents(tmp).entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isNotBlank();
            assertThat(unbalanced(e.getValue())).as(e.getKey()).isNull();
        }
    }

    @Test
    void resourceFilesHoldThreeToSixResourcesOfModelledTypesWithUniqueAddresses() throws IOException {
        TerraformTree.Stats stats = new TerraformTree(7).write(tmp, 120);
        int blocks = 0;
        for (var e : tfFiles(tmp).entrySet()) {
            if (!e.getKey().startsWith("modules/") || e.getKey().endsWith("/variables.tf")) continue;
            Matcher m = RESOURCE.matcher(e.getValue());
            int n = 0;
            while (m.find()) {
                n++;
                assertThat(MODELLED).as(e.getKey()).contains(m.group(1));
            }
            assertThat(n).as(e.getKey()).isBetween(3, 6);
            blocks += n;
        }
        assertThat(blocks).isEqualTo(stats.resourceBlocks());
        // resource addresses are unique within each module
        for (Path mod : Files.list(tmp.resolve("modules")).toList()) {
            List<String> addresses = tfFiles(mod).values().stream().flatMap(text -> RESOURCE.matcher(text).results())
                    .map(r -> r.group(1) + "." + r.group(2)).toList();
            assertThat(addresses).as(mod.toString()).doesNotHaveDuplicates();
        }
    }

    @Test
    void theRootCallsEveryModuleWithTheInputsItDeclares() throws IOException {
        TerraformTree.Stats stats = new TerraformTree(7).write(tmp, 300);
        String main = Files.readString(tmp.resolve("main.tf"));
        List<String> sources = Pattern.compile("source = \"\\./modules/([a-z0-9-]+)\"").matcher(main).results().map(r -> r.group(1)).toList();
        assertThat(sources).hasSize(stats.modules()).doesNotHaveDuplicates();
        for (String s : sources) {
            String vars = Files.readString(tmp.resolve("modules").resolve(s).resolve("variables.tf"));
            for (String input : List.of("name_prefix", "region", "vpc_id", "allowed_cidrs", "instance_type", "tags")) {
                assertThat(vars).contains("variable \"" + input + "\"");
            }
        }
        assertThat(main).contains("merge(local.common_tags");
    }

    @Test
    void usesTheExpressionsRealCodeUses() throws IOException {
        new TerraformTree(7).write(tmp, 120);
        String all = String.join("\n", tfFiles(tmp).values());
        assertThat(all).contains("count = ", "for_each = toset(", "each.key", "count.index", "jsonencode({", "merge(var.tags", "format(\"",
                "${var.name_prefix}", "locals {", "# vigil:ignore=");
    }

    @Test
    void refusesANonEmptyDirectoryAndTooFewFiles() throws IOException {
        Files.writeString(tmp.resolve("stale.tf"), "# left over");
        assertThatThrownBy(() -> new TerraformTree(1).write(tmp, 50)).hasMessageContaining("not empty");
        assertThatThrownBy(() -> new TerraformTree(1).write(tmp.resolve("x"), 5)).hasMessageContaining("at least");
    }

    /** Terraform itself, when installed, reads the tree without a syntax error and finds nothing to reformat. */
    @Test
    void terraformFmtAcceptsTheTree() throws Exception {
        assumeTrue(onPath("terraform"), "terraform is not installed");
        new TerraformTree(7).write(tmp, 60);
        Process p = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", tmp.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
    }

    /**
     * Null when every {, [ and ( outside string literals is closed in order, and every string is
     * closed on its line; else what is wrong. Interpolations ({@code ${...}}) are code inside strings.
     */
    static String unbalanced(String text) {
        java.util.ArrayDeque<Character> stack = new java.util.ArrayDeque<>();
        // 's' marks an open string; an interpolation pushes '$' on top of it
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean inString = !stack.isEmpty() && stack.peek() == 's';
            if (c == '\n') {
                if (inString) return "string not closed on line " + line;
                line++;
                continue;
            }
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') stack.pop();
                else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                    stack.push('$');
                    i++;
                }
                continue;
            }
            if (c == '#' ) { // comment to end of line
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') i++;
                continue;
            }
            switch (c) {
                case '"' -> stack.push('s');
                case '{', '[', '(' -> stack.push(c);
                case '}' -> {
                    if (stack.isEmpty() || (stack.peek() != '{' && stack.peek() != '$')) return "unexpected } on line " + line;
                    stack.pop();
                }
                case ']' -> {
                    if (stack.isEmpty() || stack.pop() != '[') return "unexpected ] on line " + line;
                }
                case ')' -> {
                    if (stack.isEmpty() || stack.pop() != '(') return "unexpected ) on line " + line;
                }
                default -> { }
            }
        }
        return stack.isEmpty() ? null : "unclosed " + stack.peek() + " at end of file";
    }

    @Test
    void theBalanceCheckCatchesWhatItShould() {
        assertThat(unbalanced("a = \"${var.x}-y\"\nb = { c = [1, 2] }\n")).isNull();
        assertThat(unbalanced("resource \"a\" \"b\" {\n")).contains("unclosed");
        assertThat(unbalanced("x = [1, 2}\n")).contains("unexpected }");
        assertThat(unbalanced("x = \"open\n")).contains("string not closed");
    }
}
