package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Location;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.Suppressed;
import dev.vigil.model.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    private static Result fail(String rule, String resource, int line) {
        return new Result(rule, Severity.HIGH, Status.FAIL, "open", "aws.s3.bucket", resource, resource, "aws", "", "",
                "main.tf:" + line, new Location("main.tf", line, line + 5), null);
    }

    private static ScanReport report(Result... results) {
        return new ScanReport(List.of("main.tf"), List.of(), results.length, Map.of(), Map.of(), List.of(), List.of(results), Map.of(), 1,
                CREATED, CREATED, Duration.ZERO, Map.of(), null);
    }

    @Test
    void aFailureInTheBaselineIsMarkedBaselinedEvenAfterItMovedAndOnlyNewOnesCountForTheGate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, Baseline.json(report(fail("aws-s3-public", "infra#aws_s3_bucket.a", 10)), CREATED));

        // the same bucket moved 40 lines down, and a new public bucket appeared
        ScanReport later = report(fail("aws-s3-public", "infra#aws_s3_bucket.a", 50), fail("aws-s3-public", "infra#aws_s3_bucket.b", 80));
        ScanReport marked = Baseline.read(file).apply(later, file.toString());

        assertThat(marked.results().get(0).suppressed()).satisfies(s -> {
            assertThat(s.by()).isEqualTo(Suppressed.By.BASELINE);
            assertThat(s.source()).isEqualTo(file.toString());
        });
        assertThat(marked.results().get(1).suppressed()).isNull();
        assertThat(marked.failsAtOrAbove(Severity.HIGH)).isTrue();

        ScanReport onlyOld = Baseline.read(file).apply(report(fail("aws-s3-public", "infra#aws_s3_bucket.a", 50)), file.toString());
        assertThat(onlyOld.failsAtOrAbove(Severity.LOW)).isFalse();
        assertThat(onlyOld.results().get(0).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void errorsAndUnknownsAreNeverBaselined(@TempDir Path dir) throws Exception {
        Result unknown = new Result("aws-s3-public", Severity.HIGH, Status.UNKNOWN, "var.policy has no value", "aws.s3.bucket",
                "infra#aws_s3_bucket.a", "a", "aws", "", "", "");
        Path file = dir.resolve("b.json");
        Files.writeString(file, Baseline.json(report(unknown), CREATED));

        assertThat(Baseline.read(file).findingIds()).isEmpty();
    }

    @Test
    void aFileThatIsNotABaselineIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path notJson = Files.writeString(dir.resolve("x.json"), "{\n  \"vigilBaseline\": 1,\n  oops\n}");
        Path other = Files.writeString(dir.resolve("y.json"), "{\"findings\": []}");

        assertThatThrownBy(() -> Baseline.read(notJson)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(notJson + ":3: not valid JSON");
        assertThatThrownBy(() -> Baseline.read(other)).isInstanceOf(InputException.class)
                .hasMessage(other + ":1: not a Vigil baseline (create one with 'vigil baseline create')");
    }
}
