package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil compliance}: every count is recomputed here from the scan's own results and the framework file. */
class ComplianceCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path CIS = Path.of("..", "vigil-catalog", "src", "main", "resources", "vigil-catalog", "frameworks", "cis-aws-3.0.yaml");

    @TempDir
    Path dir;

    @Test
    void scoresAndRequirementStatusesAreWhatTheResultsSay() throws IOException {
        JsonNode results = scanJson();
        CliRun run = CliRun.of("compliance", CliRun.EXAMPLE.toString(), "--compliance", "cis-aws-3.0", "--level", "1", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fw = JSON.readTree(run.out()).get("frameworks").get(0);
        assertThat(fw.get("frameworkId").asText()).isEqualTo("cis-aws-3.0");
        assertThat(fw.get("level").asInt()).isEqualTo(1);

        JsonNode framework = new ObjectMapper(new YAMLFactory()).readTree(CIS.toFile());
        Set<String> rulesAtLevel1 = new HashSet<>();
        Map<String, String> expectedStatus = new HashMap<>();
        for (JsonNode req : framework.get("requirements")) {
            if (req.get("level").asInt() > 1) continue;
            List<String> rules = JSON.convertValue(req.get("rules"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            rulesAtLevel1.addAll(rules);
            String status = rules.isEmpty() ? "MANUAL" : "NO_RESOURCES";
            boolean fail = false, error = false, pass = false;
            for (JsonNode r : results.get("results")) {
                if (!rules.contains(r.get("ruleId").asText())) continue;
                switch (r.get("status").asText()) {
                    case "FAIL" -> fail = true;
                    case "ERROR", "UNKNOWN" -> error = true;
                    default -> pass = true;
                }
            }
            if (!rules.isEmpty()) status = fail ? "FAIL" : error ? "ERROR" : pass ? "PASS" : "NO_RESOURCES";
            expectedStatus.put(req.get("id").asText(), status);
        }
        long passed = 0, failed = 0, error = 0;
        Map<String, long[]> byScope = new HashMap<>();
        for (JsonNode r : results.get("results")) {
            if (!rulesAtLevel1.contains(r.get("ruleId").asText())) continue;
            String status = r.get("status").asText();
            long[] c = byScope.computeIfAbsent(r.at("/resource/account").asText() + "/" + r.at("/resource/region").asText(), k -> new long[3]);
            int i = status.equals("PASS") ? 0 : status.equals("FAIL") ? 1 : 2;
            c[i]++;
            if (i == 0) passed++;
            else if (i == 1) failed++;
            else error++;
        }
        JsonNode total = fw.get("total");
        assertThat(total.get("passed").asLong()).isEqualTo(passed).isPositive();
        assertThat(total.get("failed").asLong()).isEqualTo(failed).isPositive();
        assertThat(total.get("error").asLong() + total.get("unknown").asLong()).isEqualTo(error);
        assertThat(total.get("score").asDouble()).isEqualTo((double) passed / (passed + failed + error));
        for (JsonNode s : fw.get("scopes")) {
            long[] c = byScope.get(s.get("account").asText() + "/" + s.get("region").asText());
            assertThat(c).as(s.toString()).isNotNull();
            assertThat(s.at("/counts/passed").asLong()).isEqualTo(c[0]);
            assertThat(s.at("/counts/failed").asLong()).isEqualTo(c[1]);
            assertThat(s.at("/counts/error").asLong() + s.at("/counts/unknown").asLong()).isEqualTo(c[2]);
        }
        assertThat(fw.get("scopes")).hasSize(byScope.size());
        Map<String, String> got = new HashMap<>();
        for (JsonNode req : fw.get("requirements")) got.put(req.get("id").asText(), req.get("status").asText());
        assertThat(got).isEqualTo(expectedStatus).containsValue("MANUAL").containsValue("FAIL").containsValue("PASS");
    }

    @Test
    void theCsvHasARowPerRequirementAndScope() {
        CliRun run = CliRun.of("compliance", CliRun.EXAMPLE.toString(), "--compliance", "cis-aws-3.0", "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("framework,level,requirement,title,section,account,region,status,passed,failed,error,failing");
        assertThat(lines).anyMatch(l -> l.startsWith("cis-aws-3.0,,1.1,\"Maintain current contact details\"") && l.contains(",MANUAL,"));
        assertThat(lines).anyMatch(l -> l.startsWith("cis-aws-3.0,,2.1.4,") && l.contains(",us-east-1,FAIL,") && l.contains("acme-staging-public-assets"));
    }

    @Test
    void theTableShowsTheScoreThenTheRequirementsFailingFirst() {
        CliRun run = CliRun.of("compliance", CliRun.EXAMPLE.toString(), "--compliance", "aws-fsbp");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("AWS Foundational Security Best Practices").contains("  Score ").contains("By account and region:");
        assertThat(run.out().indexOf("    FAIL ")).isLessThan(run.out().indexOf("    PASS "));
    }

    @Test
    void aLevelWithoutAFrameworkIsAUsageError() {
        CliRun run = CliRun.of("compliance", CliRun.EXAMPLE.toString(), "--level", "1");
        assertThat(run.exitCode()).isEqualTo(Vigil.INPUT_ERROR);
        assertThat(run.err()).contains("--level needs a framework");
    }

    @Test
    void frameworksAreListedAndShown() {
        CliRun list = CliRun.of("frameworks", "list");
        assertThat(list.out()).contains("cis-aws-3.0").contains("aws-fsbp");
        CliRun show = CliRun.of("frameworks", "show", "cis-aws-3.0", "--level", "1");
        assertThat(show.out()).contains("1.4  Ensure no 'root' user account access key exists  [L1 automated]")
                .contains("aws-account-root-no-access-keys").doesNotContain("[L2");
    }

    private JsonNode scanJson() throws IOException {
        Path out = dir.resolve("scan.json");
        CliRun run = CliRun.of("scan", CliRun.EXAMPLE.toString(), "--format", "json", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(Files.readString(out));
    }
}
