package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    @TempDir
    Path dir;

    private static final String OWN_RULE = """
            id: acme-s3-bucket-versioned
            title: Bucket keeps object versions
            resource: aws.s3.bucket
            severity: low
            check: resource.versioning.status == 'Enabled'
            examples:
              - name: versioned
                expect: PASS
                resource: {versioning: {status: Enabled, mfaDelete: false}}
              - name: never versioned
                expect: FAIL
                resource: {versioning: {status: 'Off', mfaDelete: false}}
            """;

    @Test
    void listShowsEveryBuiltInRule() {
        CliRun run = CliRun.of("rules", "list");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("aws-s3-bucket-not-public").contains("aws-account-root-no-access-keys").containsPattern("\\d+ rules");
    }

    @Test
    void showPrintsTheCheckTheRemediationAndTheFrameworks() {
        CliRun run = CliRun.of("rules", "show", "aws-account-root-no-access-keys");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("check:").contains("remediation:").contains("cis-aws-3.0: 1.4").contains("FAIL");
        assertThat(CliRun.of("rules", "show", "no-such-rule").exitCode()).isEqualTo(1);
    }

    @Test
    void testRunsTheExamplesOfAUsersOwnRules() throws IOException {
        Files.writeString(dir.resolve("versioned.yaml"), OWN_RULE);
        CliRun ok = CliRun.of("rules", "test", dir.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("ok    acme-s3-bucket-versioned (2 examples)").contains("1 rules, 2 examples, 0 rule(s) failing");
    }

    @Test
    void testFailsARuleWhoseExampleGetsTheWrongStatus() throws IOException {
        Files.writeString(dir.resolve("versioned.yaml"), OWN_RULE.replace("expect: FAIL", "expect: PASS"));
        CliRun run = CliRun.of("rules", "test", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  acme-s3-bucket-versioned").contains("has no example that must FAIL")
                .contains("example 'never versioned': expected PASS but got FAIL");
    }

    @Test
    void aRuleWithAMisspelledFieldFailsToLoadNamingTheFileAndTheField() throws IOException {
        Path file = dir.resolve("versioned.yaml");
        Files.writeString(file, OWN_RULE.replace("resource.versioning.status", "resource.versioning.state"));
        CliRun run = CliRun.of("rules", "test", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(file + ":5:").contains("field 'versioning.state' does not exist in aws.s3.bucket");
    }

    @Test
    void aUsersRulesRunInAScanWithRulesDir() throws IOException {
        Files.writeString(dir.resolve("versioned.yaml"), OWN_RULE);
        CliRun run = CliRun.of("scan", CliRun.EXAMPLE.toString(), "--rules-dir", dir.toString(), "--rules", "acme-*", "--no-color");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("[acme-s3-bucket-versioned]").contains("acme-staging-public-assets");
    }
}
