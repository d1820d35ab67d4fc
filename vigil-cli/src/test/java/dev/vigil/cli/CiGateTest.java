package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit-code contract a CI pipeline relies on: --fail-on, --soft-fail and a baseline. */
class CiGateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = CliRun.EXAMPLE.toString();

    @Test
    void failuresAtTheThresholdExitThreeAndSoftFailReportsThemButExitsZero() {
        CliRun gated = CliRun.of("scan", EXAMPLE, "--fail-on", "high");
        CliRun soft = CliRun.of("scan", EXAMPLE, "--fail-on", "high", "--soft-fail");

        assertThat(gated.exitCode()).isEqualTo(Vigil.FAILURES);
        assertThat(soft.exitCode()).isEqualTo(Vigil.OK);
        assertThat(soft.out()).contains("FAIL");
        assertThat(soft.out().replaceAll("\\d+ ms\\)", "ms)")).isEqualTo(gated.out().replaceAll("\\d+ ms\\)", "ms)"));
    }

    @Test
    void aBaselineOfTodaysFailuresLetsTheSameScanPassTheGateWhileStillListingThem(@TempDir Path dir) throws Exception {
        Path baseline = dir.resolve(".vigil-baseline.json");
        CliRun created = CliRun.of("baseline", "create", EXAMPLE, "-o", baseline.toString());
        assertThat(created.exitCode()).as(created.err()).isEqualTo(Vigil.OK);
        JsonNode file = JSON.readTree(baseline.toFile());

        Path report = dir.resolve("report.json");
        CliRun scan = CliRun.of("scan", EXAMPLE, "--fail-on", "low", "--baseline", baseline.toString(), "--format", "json", "-o", report.toString());

        assertThat(scan.exitCode()).as(scan.err()).isEqualTo(Vigil.OK);
        JsonNode results = JSON.readTree(report.toFile()).get("results");
        int failures = 0;
        for (JsonNode r : results) {
            if (!r.get("status").asText().equals("FAIL")) {
                assertThat(r.has("suppressed")).as("only failures are baselined: %s", r).isFalse();
                continue;
            }
            failures++;
            assertThat(r.at("/suppressed/by").asText()).isEqualTo("baseline");
            assertThat(r.at("/suppressed/source").asText()).isEqualTo(baseline.toString());
        }
        assertThat(failures).isPositive().isEqualTo(file.get("findings").size());
        assertThat(created.err()).contains("(" + failures + " failures accepted)");
    }

    @Test
    void aBaselineThatIsNotOneIsABadInputError(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("b.json"), "[]");

        CliRun run = CliRun.of("scan", EXAMPLE, "--baseline", bogus.toString());

        assertThat(run.exitCode()).isEqualTo(Vigil.INPUT_ERROR);
        assertThat(run.err().strip()).isEqualTo("vigil: " + bogus + ":1: not a Vigil baseline (create one with 'vigil baseline create')");
        assertThat(run.out()).isEmpty();
    }
}
