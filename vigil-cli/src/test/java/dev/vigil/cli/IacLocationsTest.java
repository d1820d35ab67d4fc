package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IaC result points where the fix goes: at the argument its rule read when the code sets it
 * (in the split resource that sets it, if that is where it is), at the resource's block when the
 * code leaves it out.
 */
class IacLocationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    @BeforeEach
    void writeCode() throws Exception {
        Files.writeString(repo.resolve("main.tf"), """
                resource "aws_db_instance" "reports" {
                  identifier          = "reports"
                  engine              = "postgres"
                  instance_class      = "db.t4g.micro"
                  username            = "reporter"
                  publicly_accessible = true
                }

                resource "aws_instance" "web" {
                  ami           = "ami-0c7d1e5f3a9b28e46"
                  instance_type = "t4g.micro"

                  metadata_options {
                    http_endpoint = "enabled"
                    http_tokens   = "optional"
                  }
                }

                resource "aws_s3_bucket" "assets" {
                  bucket = "acme-assets"
                }

                resource "aws_s3_bucket_versioning" "assets" {
                  bucket = aws_s3_bucket.assets.id
                  versioning_configuration {
                    status = "Suspended"
                  }
                }
                """);
    }

    @Test
    void aCloudFormationFailurePointsAtThePropertyKey() throws Exception {
        Path template = Files.writeString(repo.resolve("db.yaml"), """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Reports:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      DBInstanceClass: db.t4g.micro
                      MasterUsername: reporter
                      PubliclyAccessible: true
                """);
        Path out = repo.resolve("db.sarif");
        CliRun run = CliRun.of("scan", template.toString(), "--format", "sarif", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Vigil.OK);

        assertThat(sarifResult(JSON.readTree(out.toFile()), "aws-rds-instance-not-public").at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(9);
    }

    private JsonNode sarifResult(JsonNode sarif, String ruleId) {
        for (JsonNode r : sarif.at("/runs/0/results")) if (r.get("ruleId").asText().equals(ruleId)) return r;
        throw new AssertionError("no SARIF result for " + ruleId);
    }

    @Test
    void aFailurePointsAtTheArgumentAndAMissingOneAtTheBlock() throws Exception {
        Path out = repo.resolve("vigil.sarif");
        CliRun run = CliRun.of("scan", repo.resolve("main.tf").toString(), "--format", "sarif", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Vigil.OK);
        JsonNode sarif = JSON.readTree(out.toFile());

        assertThat(sarifResult(sarif, "aws-rds-instance-not-public").at("/locations/0/physicalLocation/region/startLine").asInt())
                .as("publicly_accessible = true").isEqualTo(6);
        assertThat(sarifResult(sarif, "aws-ec2-instance-imdsv2-required").at("/locations/0/physicalLocation/region/startLine").asInt())
                .as("the first argument the rule reads in metadata_options: http_endpoint, then http_tokens").isEqualTo(14);
        assertThat(sarifResult(sarif, "aws-s3-bucket-versioning-enabled").at("/locations/0/physicalLocation/region/startLine").asInt())
                .as("status = \"Suspended\", in the split resource").isEqualTo(26);
        JsonNode noBlock = sarifResult(sarif, "aws-s3-bucket-public-access-blocked").at("/locations/0/physicalLocation/region");
        assertThat(noBlock.get("startLine").asInt()).as("no public access block: the bucket's block").isEqualTo(19);
        assertThat(noBlock.get("endLine").asInt()).isEqualTo(21);
    }
}
