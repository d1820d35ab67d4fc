package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An organization's profile file changes what is scanned and how results rank, and refuses what it cannot apply. */
class OrgProfileTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void aProfileSwitchesRulesOffOverridesSeveritiesSetsParametersAndAddsRules() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("org-rules"));
        Files.writeString(rules.resolve("acme-bucket-tagged.yaml"), """
                id: acme-s3-bucket-has-owner-tag
                title: Bucket names its owner
                resource: aws.s3.bucket
                severity: low
                check: "'owner' in resource.name || resource.name.startsWith('acme-')"
                examples:
                  - {name: named, expect: PASS, resource: {name: acme-logs}}
                  - {name: anonymous, expect: FAIL, resource: {name: data}}
                """);
        Path profile = dir.resolve("org.yaml");
        Files.writeString(profile, """
                disabled:
                  - {rule: aws-ec2-vpc-flow-logs-enabled, reason: "flow logs are collected by the SIEM agent"}
                severity:
                  aws-s3-bucket-access-logging: critical
                parameters:
                  aws-iam-user-access-keys-rotated: {maxAgeDays: 30}
                rules-dirs: [org-rules]
                """);
        JsonNode report = scan("--profile-file", profile.toString());
        List<JsonNode> results = new ArrayList<>();
        report.get("results").forEach(results::add);
        assertThat(results).noneMatch(r -> r.get("ruleId").asText().equals("aws-ec2-vpc-flow-logs-enabled"));
        assertThat(results).filteredOn(r -> r.get("ruleId").asText().equals("aws-s3-bucket-access-logging"))
                .isNotEmpty().allMatch(r -> r.get("severity").asText().equals("critical"));
        assertThat(results).anyMatch(r -> r.get("ruleId").asText().equals("acme-s3-bucket-has-owner-tag"));
        assertThat(report.at("/parameters/aws-iam-user-access-keys-rotated/maxAgeDays").asInt()).isEqualTo(30);
        assertThat(report.at("/disabledRules/aws-ec2-vpc-flow-logs-enabled").asText()).isEqualTo("flow logs are collected by the SIEM agent");
    }

    @Test
    void theProfilesFrameworksAndLevelsAreWhatComplianceAssesses() throws IOException {
        Path profile = dir.resolve("org.yaml");
        Files.writeString(profile, "frameworks:\n  - {id: cis-aws-3.0, level: 1}\n");
        CliRun run = CliRun.of("compliance", CliRun.EXAMPLE.toString(), "--profile-file", profile.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fws = JSON.readTree(run.out()).get("frameworks");
        assertThat(fws).hasSize(1);
        assertThat(fws.get(0).get("frameworkId").asText()).isEqualTo("cis-aws-3.0");
        assertThat(fws.get(0).get("level").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownRuleOrFrameworkIsRefusedNamingTheFileAndLine() throws IOException {
        Path profile = dir.resolve("org.yaml");
        Files.writeString(profile, "severity:\n  aws-s3-bucket-access-logging: high\n  aws-s3-bucket-acess-logging: low\n");
        CliRun run = CliRun.of("scan", CliRun.EXAMPLE.toString(), "--profile-file", profile.toString());
        assertThat(run.exitCode()).isEqualTo(Vigil.INPUT_ERROR);
        assertThat(run.err().strip()).isEqualTo("vigil: " + profile + ":3: severity: unknown rule 'aws-s3-bucket-acess-logging'");

        Files.writeString(profile, "frameworks:\n  - {id: cis-aws-2.0}\n");
        run = CliRun.of("scan", CliRun.EXAMPLE.toString(), "--profile-file", profile.toString());
        assertThat(run.exitCode()).isEqualTo(Vigil.INPUT_ERROR);
        assertThat(run.err()).contains(profile + ":2: unknown framework 'cis-aws-2.0'");

        Files.writeString(profile, "disabled:\n  - {rule: aws-ec2-vpc-flow-logs-enabled}\n");
        run = CliRun.of("scan", CliRun.EXAMPLE.toString(), "--profile-file", profile.toString());
        assertThat(run.err()).contains("needs a reason");

        Files.writeString(profile, "disabld: []\n");
        run = CliRun.of("scan", CliRun.EXAMPLE.toString(), "--profile-file", profile.toString());
        assertThat(run.exitCode()).isEqualTo(Vigil.INPUT_ERROR);
        assertThat(run.err()).startsWith("vigil: " + profile + ":1: ").contains("disabld");
    }

    @Test
    void atEqualSeverityAFailureThatBreaksMoreFrameworksRanksFirstAndSaysWhy() throws IOException {
        JsonNode report = scan();
        JsonNode prev = null;
        int checked = 0;
        for (JsonNode r : report.get("results")) {
            if (prev != null && prev.get("severity").equals(r.get("severity")) && prev.get("status").equals(r.get("status"))) {
                assertThat(prev.get("frameworks").size()).as(prev.get("ruleId") + " before " + r.get("ruleId"))
                        .isGreaterThanOrEqualTo(r.get("frameworks").size());
                if (prev.get("frameworks").size() > r.get("frameworks").size()) checked++;
            }
            prev = r;
        }
        assertThat(checked).as("orderings that the framework count decided").isPositive();
        JsonNode first = report.get("results").get(0);
        assertThat(first.get("priority").asText()).startsWith("breaks " + first.get("frameworks").size() + " framework");
    }

    private JsonNode scan(String... more) throws IOException {
        Path out = dir.resolve("scan.json");
        List<String> args = new ArrayList<>(List.of("scan", CliRun.EXAMPLE.toString(), "--format", "json", "-o", out.toString()));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(Files.readString(out));
    }
}
