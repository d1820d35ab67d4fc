package dev.vigil.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.IacOptions;
import dev.vigil.iac.IacPaths;
import dev.vigil.model.Origin;
import dev.vigil.model.Resource;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.InlineSuppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationInputTest {
    @TempDir
    Path dir;

    private final CloudFormationInput input = new CloudFormationInput(IacOptions.none());

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Nested
    class Claims {
        @Test
        void templatesByVersionOrByResourcesOfAwsTypes() throws IOException {
            assertThat(input.claims(file("a.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"))).isTrue();
            assertThat(input.claims(file("b.yml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"))).isTrue();
            assertThat(input.claims(file("c.json", "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}"))).isTrue();
            assertThat(input.claims(file("d.template", "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\"\n}"))).isTrue();
            // a property named kind deep inside a template does not make it a manifest
            assertThat(input.claims(file("e.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      kind: x\n"))).isTrue();
        }

        @Test
        void notKubernetesManifestsConfigSnapshotsTerraformPlansOrOtherFiles() throws IOException {
            assertThat(input.claims(file("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n"))).isFalse();
            assertThat(input.claims(file("snap.json", "{\"fileVersion\": \"1.0\", \"configurationItems\": [{\"resourceType\": \"AWS::S3::Bucket\"}]}"))).isFalse();
            assertThat(input.claims(file("plan.json", "{\"format_version\": \"1.2\", \"terraform_version\": \"1.9.0\", \"resource_changes\": []}"))).isFalse();
            assertThat(input.claims(file("values.yaml", "replicas: 3\nimage: nginx\n"))).isFalse();
            assertThat(input.claims(file("main.tf", "AWSTemplateFormatVersion"))).isFalse();
            assertThat(input.claims(file("list.json", "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}"))).isFalse();
        }
    }

    @Test
    void aBadTemplateIsABadFileAndTheOthersAreStillRead() throws IOException {
        Path bad = file("bad.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Reff x\n");
        Path good = file("good.yaml", "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: acme-logs}\n");
        Collected c = input.read(List.of(bad, good));
        assertThat(c.badFiles()).containsExactly(new BadFile(IacPaths.display(bad), 6, "unknown tag !Reff (not a CloudFormation intrinsic function)"));
        assertThat(c.resources()).extracting(Resource::name).containsExactly("acme-logs");
        assertThat(c.files()).containsExactly(IacPaths.display(good));
    }

    @Test
    void aResourceIsNamedByItsTemplateAndLogicalIdAndLocatedAtItsLines() throws IOException {
        Path f = file("stack.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Logs:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: acme-logs

                  Queue:
                    Type: AWS::SQS::Queue
                """);
        Collected c = input.read(List.of(f));
        Resource logs = c.resources().get(0);
        String shown = IacPaths.display(f);
        assertThat(logs.id()).isEqualTo(shown + "#Logs");
        assertThat(logs.provider()).isEqualTo("aws");
        assertThat(logs.account()).isEmpty();
        assertThat(logs.region()).isEmpty();
        assertThat(logs.origin()).isEqualTo(new Origin.FileRange(shown, 3, 6,
                java.util.Map.of("name", new dev.vigil.model.Location(shown, 6, 6))));
        assertThat(c.unmodelled()).containsEntry("AWS::SQS::Queue", 1L);
    }

    @Test
    void aVarGivesAParameterItsValue() throws IOException {
        Path f = file("stack.yaml", "Parameters:\n  Name: {Type: String}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !Ref Name}\n");
        assertThat(input.read(List.of(f)).resources().get(0).unknowns()).containsEntry("name", "parameter Name has no value (give it with --var Name=...)");
        Resource b = new CloudFormationInput(new IacOptions(java.util.Map.of("Name", "acme-given"), List.of())).read(List.of(f)).resources().get(0);
        assertThat(b.name()).isEqualTo("acme-given");
        assertThat(b.unknowns()).doesNotContainKey("name");
    }

    @Test
    void parameterFilesGiveValuesAndVarsWinOverThem() throws IOException {
        Path f = file("stack.yaml", "Parameters:\n  Name: {Type: String}\n  Env: {Type: String}\n"
                + "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !Sub '${Name}-${Env}'}\n");
        Path params = file("params.json", "[{\"ParameterKey\": \"Name\", \"ParameterValue\": \"acme\"}, {\"ParameterKey\": \"Env\", \"ParameterValue\": \"prod\"}]");
        Path tfvars = file("terraform.tfvars", "region = \"eu-west-1\"\n");
        var options = new IacOptions(java.util.Map.of("Env", "staging"), List.of(tfvars, params));
        Collected c = new CloudFormationInput(options).read(List.of(f));
        assertThat(c.badFiles()).isEmpty();
        assertThat(c.resources().get(0).name()).isEqualTo("acme-staging");
    }

    @Nested
    class Suppressions {
        private static final String TEMPLATE = """
                Resources:
                  # vigil:ignore=aws-s3-bucket-versioning-enabled scratch data, rebuilt nightly
                  Scratch:
                    Type: AWS::S3::Bucket
                    Metadata:
                      vigil:
                        ignore:
                          - "aws-s3-bucket-access-logging nobody reads it exp:2027-01-31"
                          - aws-s3-bucket-lifecycle-configured emptied by the job
                    Properties:
                      BucketName: acme-scratch # vigil:ignore=aws-s3-bucket-object-lock-enabled not evidence
                  Other:
                    Type: AWS::S3::Bucket
                """;

        @Test
        void marksInMetadataAndInCommentsAboveOrInsideTheResourceApplyToIt() throws IOException {
            Path f = file("stack.yaml", TEMPLATE);
            String id = IacPaths.display(f) + "#Scratch";
            String shown = IacPaths.display(f);
            assertThat(input.read(List.of(f)).suppressions()).containsExactlyInAnyOrder(
                    new InlineSuppression(id, "aws-s3-bucket-versioning-enabled", "scratch data, rebuilt nightly", null, shown, 2),
                    new InlineSuppression(id, "aws-s3-bucket-access-logging", "nobody reads it", LocalDate.of(2027, 1, 31), shown, 8),
                    new InlineSuppression(id, "aws-s3-bucket-lifecycle-configured", "emptied by the job", null, shown, 9),
                    new InlineSuppression(id, "aws-s3-bucket-object-lock-enabled", "not evidence", null, shown, 11));
        }

        @Test
        void aMarkOnASplitResourceAppliesToWhatItConfigures() throws IOException {
            Path f = file("stack.yaml", """
                    Resources:
                      Site:
                        Type: AWS::S3::Bucket
                        Properties: {BucketName: acme-site}
                      # vigil:ignore=aws-s3-bucket-not-public it is the public web site
                      SitePolicy:
                        Type: AWS::S3::BucketPolicy
                        Properties:
                          Bucket: !Ref Site
                          PolicyDocument: {Statement: []}
                    """);
            assertThat(input.read(List.of(f)).suppressions()).extracting(InlineSuppression::resourceId)
                    .containsExactly(IacPaths.display(f) + "#Site");
        }

        @Test
        void aMalformedMarkIsBadInputAtItsLine() throws IOException {
            Path f = file("stack.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      vigil:\n        ignore: [\"aws-s3-bucket-access-logging exp:tomorrow because\"]\n");
            Collected c = input.read(List.of(f));
            assertThat(c.badFiles()).singleElement().satisfies(b -> {
                assertThat(b.line()).isEqualTo(6);
                assertThat(b.problem()).contains("'tomorrow', which is not a date");
            });
            Path g = file("other.yaml", "Resources:\n  # vigil:ignore=aws-s3-bucket-access-logging\n  B:\n    Type: AWS::S3::Bucket\n");
            assertThat(input.read(List.of(g)).badFiles()).singleElement().satisfies(b -> {
                assertThat(b.line()).isEqualTo(2);
                assertThat(b.problem()).contains("gives no reason");
            });
        }
    }
}
