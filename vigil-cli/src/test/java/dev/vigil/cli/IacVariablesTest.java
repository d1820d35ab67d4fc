package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value the code leaves open is UNKNOWN until the command line gives it: --var and --var-file reach Terraform and CloudFormation. */
class IacVariablesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = "aws-s3-bucket-versioning-enabled";

    @TempDir
    Path repo;

    @BeforeEach
    void writeCodeWhoseVersioningDependsOnAnInput() throws Exception {
        Path tf = Files.createDirectories(repo.resolve("tf"));
        Files.writeString(tf.resolve("main.tf"), """
                variable "versioning" {
                  type = string
                }

                resource "aws_s3_bucket" "data" {
                  bucket = "acme-data"
                }

                resource "aws_s3_bucket_versioning" "data" {
                  bucket = aws_s3_bucket.data.id
                  versioning_configuration {
                    status = var.versioning
                  }
                }
                """);
        Files.writeString(repo.resolve("stack.yaml"), """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Versioning:
                    Type: String
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: acme-stack-data
                      VersioningConfiguration:
                        Status: !Ref Versioning
                """);
    }

    private JsonNode result(String bucket, String... extra) throws Exception {
        Path out = repo.resolve("report.json");
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"scan", repo.toString(), "--rules", RULE, "--format", "json"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        String[] withOut = java.util.Arrays.copyOf(args, args.length + 2);
        withOut[args.length] = "-o";
        withOut[args.length + 1] = out.toString();
        CliRun run = CliRun.of(withOut);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Vigil.OK);
        for (JsonNode r : JSON.readTree(out.toFile()).get("results")) {
            if (r.at("/resource/name").asText().equals(bucket)) return r;
        }
        throw new AssertionError("no result for " + bucket);
    }

    @Test
    void withoutAValueTheRuleIsUnknownAndSaysWhichInputIsMissing() throws Exception {
        JsonNode tf = result("acme-data");
        JsonNode cfn = result("acme-stack-data");

        assertThat(tf.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(tf.get("reason").asText()).contains("var.versioning has no value");
        assertThat(cfn.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(cfn.get("reason").asText()).contains("Versioning");
    }

    @Test
    void varGivesTheValueToBoth() throws Exception {
        assertThat(result("acme-data", "--var", "versioning=Enabled").get("status").asText()).isEqualTo("PASS");
        assertThat(result("acme-data", "--var", "versioning=Suspended").get("status").asText()).isEqualTo("FAIL");
        assertThat(result("acme-stack-data", "--var", "Versioning=Suspended").get("status").asText()).isEqualTo("FAIL");
        assertThat(result("acme-stack-data", "--var", "Versioning=Enabled").get("status").asText()).isEqualTo("PASS");
    }

    @Test
    void aVarFileGivesTheValueAndVarWinsOverIt() throws Exception {
        Path vars = Files.writeString(repo.resolve("prod.tfvars"), "versioning = \"Enabled\"\n");

        assertThat(result("acme-data", "--var-file", vars.toString()).get("status").asText()).isEqualTo("PASS");
        assertThat(result("acme-data", "--var-file", vars.toString(), "--var", "versioning=Suspended").get("status").asText()).isEqualTo("FAIL");
    }

    @Test
    void aVarWithoutANameIsAUsageError() {
        CliRun run = CliRun.of("scan", repo.toString(), "--var", "=x");

        assertThat(run.exitCode()).isEqualTo(Vigil.INPUT_ERROR);
        assertThat(run.err().strip()).isEqualTo("vigil: --var '=x' must be NAME=VALUE");
    }
}
