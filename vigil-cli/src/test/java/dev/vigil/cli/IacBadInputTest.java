package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad infrastructure code gets one line per problem naming the file and line, the rest of the scan
 * goes on, and the exit code says so unless --skip-bad-files accepts it.
 */
class IacBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    @BeforeEach
    void writeARepositoryWithFourBrokenFilesAndTwoGoodOnes() throws Exception {
        Path tf = Files.createDirectories(repo.resolve("tf"));
        Files.writeString(tf.resolve("main.tf"), """
                resource "aws_s3_bucket" "ok" {
                  bucket = "acme-ok"
                }

                module "gone" {
                  source = "./mods/missing"
                }
                """);
        Files.writeString(tf.resolve("broken.tf"), """
                resource "aws_s3_bucket" "broken" {
                  bucket = "acme-broken"
                  tags = {
                """);
        Files.writeString(tf.resolve("fn.tf"), """
                resource "aws_s3_bucket" "fn" {
                  bucket = frobnicate("x")
                }
                """);
        Files.writeString(repo.resolve("bad.yaml"), """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: [unclosed
                """);
        Files.writeString(repo.resolve("good.yaml"), """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Logs:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: acme-good
                """);
    }

    @Test
    void eachBadFileIsOneLineWithFileAndLineTheOthersAreScannedAndTheExitCodeIsOne() throws Exception {
        Path report = repo.resolve("report.json");
        CliRun run = CliRun.of("scan", repo.toString(), "--format", "json", "-o", report.toString());

        assertThat(run.exitCode()).isEqualTo(Vigil.INPUT_ERROR);
        List<String> lines = run.err().lines().filter(l -> !l.startsWith("vigil: wrote")).toList();
        assertThat(lines).containsExactly(
                "vigil: " + repo.resolve("bad.yaml") + ":7: invalid YAML: expected ',' or ']', but got <stream end>",
                "vigil: " + repo.resolve("tf/broken.tf") + ":3: syntax error: '{' is never closed",
                "vigil: " + repo.resolve("tf/fn.tf") + ":2: unknown function frobnicate()",
                "vigil: " + repo.resolve("tf/main.tf") + ":5: module \"gone\": source ./mods/missing not found",
                "vigil: 4 file(s) could not be read; the rest were scanned (--skip-bad-files to exit 0 for them)");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");

        JsonNode doc = JSON.readTree(report.toFile());
        List<String> scanned = new ArrayList<>();
        for (JsonNode r : doc.get("results")) scanned.add(r.at("/resource/name").asText());
        assertThat(scanned).contains("acme-ok", "acme-good").doesNotContain("acme-broken");
        assertThat(doc.get("badFiles")).hasSize(4);
    }

    @Test
    void skipBadFilesReportsThemAndExitsAsIfTheyWereNotThere() {
        CliRun run = CliRun.of("scan", repo.toString(), "--skip-bad-files");

        assertThat(run.exitCode()).isEqualTo(Vigil.OK);
        assertThat(run.err()).contains("tf/broken.tf:3: syntax error").contains("4 file(s) could not be read and were skipped (--skip-bad-files)");
        assertThat(run.out()).contains("Files with errors (4)");
    }

    @Test
    void aBadFileDoesNotHideFailuresFromTheGate() {
        CliRun run = CliRun.of("scan", repo.toString(), "--skip-bad-files", "--fail-on", "medium");

        assertThat(run.exitCode()).isEqualTo(Vigil.FAILURES);
    }
}
