package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one line naming the file (and line), exit code 1, no stack trace, nothing written. */
class ScanCommandErrorsTest {
    @TempDir
    Path dir;

    private static void assertOneLineError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("vigil: ").doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : fragments) assertThat(run.err()).contains(f);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aTruncatedSnapshotNamesTheFileAndLine() throws IOException {
        Path bad = dir.resolve("snapshot.json");
        Files.writeString(bad, "{\"fileVersion\":\"1.0\",\n\"configurationItems\":[\n{\"resourceType\":\"AWS::S3::Bucket\",\n\"resourceId\":\"b\"");
        assertOneLineError(CliRun.of("scan", bad.toString()), bad + ":4: invalid JSON");
    }

    @Test
    void anItemWithNoResourceTypeNamesTheFileAndLine() throws IOException {
        Path bad = dir.resolve("snapshot.json");
        Files.writeString(bad, "{\"configurationItems\":[\n{\"resourceId\":\"b\",\"awsAccountId\":\"111122223333\"}\n]}");
        assertOneLineError(CliRun.of("scan", bad.toString()), bad + ":2: configuration item 0 has no resourceType");
    }

    @Test
    void aGzipThatIsNotOneIsRefused() throws IOException {
        Path bad = dir.resolve("snapshot.json.gz");
        Files.writeString(bad, "{\"configurationItems\":[]}");
        assertOneLineError(CliRun.of("scan", bad.toString()), bad + ": not a gzip file");
    }

    @Test
    void otherJsonInAScannedDirectoryIsListedAsSkippedNotTakenForABrokenSnapshot() throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"web\", \"version\": \"1.0.0\"}");
        CliRun first = CliRun.of("scan", dir.toString(), "--format", "json", "-o", dir.resolve("report.json").toString());
        CliRun again = CliRun.of("scan", dir.toString());

        assertThat(first.exitCode()).as(first.err()).isEqualTo(Vigil.OK);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(Vigil.OK);
        assertThat(again.out()).contains("Skipped files (no input reads them): ").contains("package.json").contains("report.json");
    }

    @Test
    void aMissingPathIsRefused() {
        assertOneLineError(CliRun.of("scan", dir.resolve("nope").toString()), "no such file or directory");
    }

    @Test
    void unknownOptionValuesAreUsageErrors() {
        assertOneLineError(CliRun.of("scan", CliRun.EXAMPLE.toString(), "--format", "xml"), "unknown --format 'xml'");
        assertOneLineError(CliRun.of("scan", CliRun.EXAMPLE.toString(), "--fail-on", "severe"), "--fail-on: unknown severity 'severe'");
        assertOneLineError(CliRun.of("scan", CliRun.EXAMPLE.toString(), "--compliance", "cis-gcp-9"), "unknown framework 'cis-gcp-9'");
        assertOneLineError(CliRun.of("scan", "--no-such-option", CliRun.EXAMPLE.toString()), "Unknown option");
    }

    @Test
    void aFailedScanLeavesThePreviousReportFileUntouched() throws IOException {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "previous report");
        Path bad = dir.resolve("snapshot.json");
        Files.writeString(bad, "{\"configurationItems\":[");
        CliRun run = CliRun.of("scan", bad.toString(), "--format", "json", "--output", report.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Files.readString(report)).isEqualTo("previous report");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json", "snapshot.json");
        }
    }

    @Test
    void aConfigFileNamingAnUnknownParameterIsRefused() throws IOException {
        Path cfg = dir.resolve("vigil.yaml");
        Files.writeString(cfg, "parameters:\n  aws-iam-user-access-keys-rotated: {maxAge: 30}\n");
        assertOneLineError(CliRun.of("scan", CliRun.EXAMPLE.toString(), "--config", cfg.toString()),
                "rule aws-iam-user-access-keys-rotated has no parameter 'maxAge'");
    }
}
