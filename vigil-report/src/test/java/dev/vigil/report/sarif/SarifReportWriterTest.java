package dev.vigil.report.sarif;

import static dev.vigil.report.ReportFixtures.LOGGING;
import static dev.vigil.report.ReportFixtures.TRAIL_KMS;
import static dev.vigil.report.ReportFixtures.baseline;
import static dev.vigil.report.ReportFixtures.context;
import static dev.vigil.report.ReportFixtures.exception;
import static dev.vigil.report.ReportFixtures.iac;
import static dev.vigil.report.ReportFixtures.inline;
import static dev.vigil.report.ReportFixtures.live;
import static dev.vigil.report.ReportFixtures.report;
import static dev.vigil.report.ReportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.vigil.engine.ScanReport;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.report.ReportContext;
import dev.vigil.report.ReportWriters;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SarifReportWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = loadSchema();
    private final SarifReportWriter writer = new SarifReportWriter();

    private static JsonSchema loadSchema() {
        try (InputStream in = SarifReportWriterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An IaC scan with every kind of result the writer distinguishes. */
    private static List<Result> mixed() {
        return List.of(
                iac(LOGGING, Severity.HIGH, Status.FAIL, "logs does not record server access logs", "aws_s3_bucket.logs", "infra/s3.tf", 3, 12),
                iac(LOGGING, Severity.HIGH, Status.PASS, "", "aws_s3_bucket.data", "infra/s3.tf", 14, 20),
                iac(LOGGING, Severity.HIGH, Status.UNKNOWN, "logging.enabled depends on var.enable_logging, which has no value",
                        "aws_s3_bucket.maybe", "infra/s3.tf", 22, 30),
                iac(TRAIL_KMS, Severity.MEDIUM, Status.FAIL, "main does not encrypt its logs with a KMS key", "aws_cloudtrail.main",
                        "infra/trail.tf", 1, 9).suppressedBy(inline("the trail bucket is encrypted with SSE-KMS already")),
                live(TRAIL_KMS, Severity.MEDIUM, Status.ERROR, "cloudtrail:GetTrail was denied (AccessDenied)",
                        "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org"));
    }

    private JsonNode sarif(ScanReport report) throws Exception {
        return sarif(report, context());
    }

    private JsonNode sarif(ScanReport report, ReportContext ctx) throws Exception {
        return JSON.readTree(write(writer, report, ctx));
    }

    private static List<JsonNode> results(JsonNode log) {
        return StreamSupport.stream(log.at("/runs/0/results").spliterator(), false).toList();
    }

    private static JsonNode resultFor(JsonNode log, String resourceId) {
        return results(log).stream().filter(r -> r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText().equals(resourceId))
                .findFirst().orElseThrow(() -> new AssertionError("no result for " + resourceId));
    }

    private static Set<ValidationMessage> violations(JsonNode log) {
        return SCHEMA.validate(log);
    }

    @Test
    void writtenLogsConformToTheSarif210Schema() throws Exception {
        ScanReport withEverything = report(mixed(), List.of(new CoverageGap("111122223333 eu-west-1 cloudtrail", "listing denied")),
                List.of(new BadFile("infra/broken.tf", 7, "HCL syntax error: unexpected '}'")));
        ReportContext disabled = new ReportContext(context().catalog(), false, false, "0.1.0-SNAPSHOT", Map.of(),
                Map.of("aws-iam-root-mfa", "no root access in this org"));

        assertThat(violations(sarif(withEverything, disabled))).isEmpty();
        assertThat(violations(sarif(report(List.of())))).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAResultWithoutAMessage() throws Exception {
        JsonNode log = sarif(report(mixed()));
        ((ObjectNode) log.at("/runs/0/results/0")).remove("message");
        assertThat(violations(log)).isNotEmpty();
    }

    @Test
    void isRegisteredAsTheSarifFormat() {
        assertThat(ReportWriters.standard().find("sarif")).containsInstanceOf(SarifReportWriter.class);
    }

    @Test
    void oneRunByVigilWithTheVersionOfTheContext() throws Exception {
        JsonNode log = sarif(report(mixed()));
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).contains("sarif-2.1.0");
        assertThat(log.get("runs")).hasSize(1);
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("Vigil");
        assertThat(driver.get("semanticVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(driver.get("informationUri").asText()).startsWith("https://");
    }

    @Test
    void passesAreLeftOutAndEveryOtherResultIsWritten() throws Exception {
        JsonNode log = sarif(report(mixed()));
        assertThat(results(log)).hasSize(4);
        assertThat(results(log)).extracting(r -> r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .doesNotContain("aws_s3_bucket.data");
    }

    @ParameterizedTest(name = "{0} FAIL is level {1}, security-severity {2}")
    @CsvSource({"CRITICAL, error, 9.5", "HIGH, error, 8.0", "MEDIUM, warning, 5.5", "LOW, note, 3.0", "INFO, note, 0.0"})
    void failuresTakeTheirLevelAndGithubSecuritySeverityFromTheSeverity(Severity sev, String level, String securitySeverity) throws Exception {
        JsonNode log = sarif(report(List.of(iac(LOGGING, sev, Status.FAIL, "no logs", "aws_s3_bucket.a", "s3.tf", 1, 5))));
        JsonNode result = results(log).get(0);
        assertThat(result.get("kind").asText()).isEqualTo("fail");
        assertThat(result.get("level").asText()).isEqualTo(level);
        JsonNode rule = log.at("/runs/0/tool/driver/rules/0");
        assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo(level);
        // a string, as GitHub requires; and inside the band GitHub gives the severity's name
        assertThat(rule.at("/properties/security-severity").isTextual()).isTrue();
        assertThat(rule.at("/properties/security-severity").asText()).isEqualTo(securitySeverity);
        double score = Double.parseDouble(securitySeverity);
        switch (sev) {
            case CRITICAL -> assertThat(score).isGreaterThanOrEqualTo(9.0);
            case HIGH -> assertThat(score).isBetween(7.0, 8.9);
            case MEDIUM -> assertThat(score).isBetween(4.0, 6.9);
            case LOW, INFO -> assertThat(score).isLessThan(4.0);
        }
    }

    @Test
    void unknownAndErrorAreReviewNotesThatSayWhy() throws Exception {
        JsonNode log = sarif(report(mixed()));
        JsonNode unknown = resultFor(log, "aws_s3_bucket.maybe");
        assertThat(unknown.get("kind").asText()).isEqualTo("review");
        assertThat(unknown.get("level").asText()).isEqualTo("note");
        assertThat(unknown.at("/message/text").asText()).contains("UNKNOWN").contains("var.enable_logging, which has no value");
        JsonNode error = resultFor(log, "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org");
        assertThat(error.get("kind").asText()).isEqualTo("review");
        assertThat(error.get("level").asText()).isEqualTo("note");
        assertThat(error.at("/message/text").asText()).contains("ERROR").contains("AccessDenied");
    }

    @Test
    void aFailureMessageIsTheReasonAndNamesTheResource() throws Exception {
        JsonNode fail = resultFor(sarif(report(mixed())), "aws_s3_bucket.logs");
        assertThat(fail.at("/message/text").asText()).startsWith("logs does not record server access logs").contains("aws_s3_bucket.logs");
    }

    @Test
    void rulesAreDescribedFromTheCatalogOncePerRuleWithResults() throws Exception {
        JsonNode log = sarif(report(mixed()));
        JsonNode rules = log.at("/runs/0/tool/driver/rules");
        assertThat(rules).extracting(r -> r.get("id").asText()).containsExactly(TRAIL_KMS, LOGGING); // sorted by id
        JsonNode logging = rules.get(1);
        assertThat(logging.get("name").asText()).isEqualTo("AwsS3BucketAccessLogging");
        assertThat(logging.at("/shortDescription/text").asText()).isEqualTo("S3 bucket records server access logs");
        assertThat(logging.at("/fullDescription/text").asText()).startsWith("Checks that server access logging is turned on");
        assertThat(logging.at("/help/text").asText()).contains("Turn on server access logging");
        assertThat(logging.at("/help/markdown").asText()).contains("```hcl\nresource \"aws_s3_bucket_logging\"");
        assertThat(logging.at("/properties/tags")).extracting(JsonNode::asText).containsExactly("security", "logging");
        assertThat(rules.get(0).at("/properties/tags")).extracting(JsonNode::asText).containsExactly("security", "encryption", "logging");
        assertThat(logging.at("/properties/precision").asText()).isEqualTo("very-high");
    }

    @Test
    void everyResultPointsAtItsRuleByIndex() throws Exception {
        JsonNode log = sarif(report(mixed()));
        JsonNode rules = log.at("/runs/0/tool/driver/rules");
        for (JsonNode r : results(log)) {
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
        }
    }

    @Test
    void aRuleTheCatalogDoesNotKnowStillGetsADescriptor() throws Exception {
        JsonNode log = sarif(report(List.of(live("aws-made-up-rule", Severity.LOW, Status.FAIL, "x", "arn:aws:s3:::b"))));
        assertThat(violations(log)).isEmpty();
        assertThat(log.at("/runs/0/tool/driver/rules/0/id").asText()).isEqualTo("aws-made-up-rule");
    }

    @Test
    void iacResultsPointAtTheirFileAndLinesRelativeToTheSourceRoot() throws Exception {
        JsonNode fail = resultFor(sarif(report(mixed())), "aws_s3_bucket.logs");
        JsonNode physical = fail.at("/locations/0/physicalLocation");
        assertThat(physical.at("/artifactLocation/uri").asText()).isEqualTo("infra/s3.tf");
        assertThat(physical.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.at("/region/startLine").asInt()).isEqualTo(3);
        assertThat(physical.at("/region/endLine").asInt()).isEqualTo(12);
    }

    @Test
    void aFileWithoutLinesIsPointedAtItsFirstLine() throws Exception {
        // a Terraform plan has no lines; GitHub shows no result without a region
        Result fromPlan = iac(LOGGING, Severity.HIGH, Status.FAIL, "r", "plan#aws_s3_bucket.logs", "tfplan.json", 0, 0);
        JsonNode physical = results(sarif(report(List.of(fromPlan)))).get(0).at("/locations/0/physicalLocation");
        assertThat(physical.at("/artifactLocation/uri").asText()).isEqualTo("tfplan.json");
        assertThat(physical.at("/region/startLine").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"./infra/s3.tf, infra/s3.tf", "infra\\modules\\s3.tf, infra/modules/s3.tf", "my infra/s3 bucket.tf, my%20infra/s3%20bucket.tf",
            "infra/ünï.tf, infra/%C3%BCn%C3%AF.tf"})
    void filePathsBecomeRelativeUrisWithForwardSlashes(String file, String uri) {
        assertThat(SarifReportWriter.artifact(file).uri()).isEqualTo(uri);
        assertThat(SarifReportWriter.artifact(file).uriBaseId()).isEqualTo("%SRCROOT%");
    }

    @Test
    void anAbsolutePathBecomesAFileUriWithoutBase() {
        assertThat(SarifReportWriter.artifact("/home/ci/repo/main.tf").uri()).isEqualTo("file:///home/ci/repo/main.tf");
        assertThat(SarifReportWriter.artifact("/home/ci/repo/main.tf").uriBaseId()).isNull();
    }

    @Test
    void resultsWithoutAFileHaveOnlyALogicalLocationNamingTheResource() throws Exception {
        JsonNode error = resultFor(sarif(report(mixed())), "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org");
        assertThat(error.at("/locations/0/physicalLocation").isMissingNode()).isTrue();
        JsonNode logical = error.at("/locations/0/logicalLocations/0");
        assertThat(logical.get("kind").asText()).isEqualTo("resource");
        assertThat(logical.get("name").asText()).isEqualTo("trail/org");
    }

    @Test
    void theFingerprintStaysWhenTheResourceMovesInItsFile() throws Exception {
        JsonNode before = results(sarif(report(List.of(iac(LOGGING, Severity.HIGH, Status.FAIL, "r", "aws_s3_bucket.logs", "s3.tf", 3, 12))))).get(0);
        JsonNode after = results(sarif(report(List.of(iac(LOGGING, Severity.HIGH, Status.FAIL, "r", "aws_s3_bucket.logs", "s3.tf", 40, 49))))).get(0);
        assertThat(before.at("/partialFingerprints/vigil~1v1").asText()).isNotBlank()
                .isEqualTo(after.at("/partialFingerprints/vigil~1v1").asText());
    }

    @Test
    void theFingerprintDiffersForAnotherResourceOrAnotherRule() {
        String base = SarifReportWriter.fingerprint(LOGGING, "aws_s3_bucket.logs");
        assertThat(SarifReportWriter.fingerprint(LOGGING, "aws_s3_bucket.data")).isNotEqualTo(base);
        assertThat(SarifReportWriter.fingerprint(TRAIL_KMS, "aws_s3_bucket.logs")).isNotEqualTo(base);
        // the separator keeps (a, bc) and (ab, c) apart
        assertThat(SarifReportWriter.fingerprint("a", "bc")).isNotEqualTo(SarifReportWriter.fingerprint("ab", "c"));
    }

    @Test
    void anInlineSuppressionIsInSourceAndAccepted() throws Exception {
        JsonNode suppressed = resultFor(sarif(report(mixed())), "aws_cloudtrail.main");
        assertThat(suppressed.get("kind").asText()).isEqualTo("fail");
        JsonNode s = suppressed.at("/suppressions/0");
        assertThat(s.get("kind").asText()).isEqualTo("inSource");
        assertThat(s.get("status").asText()).isEqualTo("accepted");
        assertThat(s.get("justification").asText()).isEqualTo("the trail bucket is encrypted with SSE-KMS already");
        assertThat(s.at("/properties/vigil~1expires").asText()).isEqualTo("2027-01-31");
    }

    @Test
    void anExceptionIsAnExternalSuppression() throws Exception {
        Result r = iac(LOGGING, Severity.HIGH, Status.FAIL, "r", "aws_s3_bucket.logs", "s3.tf", 3, 12).suppressedBy(exception("accepted risk"));
        JsonNode s = results(sarif(report(List.of(r)))).get(0).at("/suppressions/0");
        assertThat(s.get("kind").asText()).isEqualTo("external");
        assertThat(s.get("justification").asText()).isEqualTo("accepted risk");
        assertThat(s.at("/properties/vigil~1source").asText()).isEqualTo("ex-42");
    }

    @Test
    void unsuppressedResultsHaveNoSuppressions() throws Exception {
        assertThat(resultFor(sarif(report(mixed())), "aws_s3_bucket.logs").has("suppressions")).isFalse();
    }

    @Test
    void withABaselineOldFailuresAreUnchangedAndTheOthersNew() throws Exception {
        List<Result> rs = List.of(
                iac(LOGGING, Severity.HIGH, Status.FAIL, "r", "aws_s3_bucket.old", "s3.tf", 1, 5).suppressedBy(baseline()),
                iac(LOGGING, Severity.HIGH, Status.FAIL, "r", "aws_s3_bucket.fresh", "s3.tf", 7, 9),
                iac(LOGGING, Severity.HIGH, Status.FAIL, "r", "aws_s3_bucket.waived", "s3.tf", 11, 15).suppressedBy(inline("ok")),
                iac(LOGGING, Severity.HIGH, Status.UNKNOWN, "r", "aws_s3_bucket.unsure", "s3.tf", 17, 19));
        JsonNode log = sarif(report(rs));
        JsonNode old = resultFor(log, "aws_s3_bucket.old");
        assertThat(old.get("baselineState").asText()).isEqualTo("unchanged");
        assertThat(old.at("/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(resultFor(log, "aws_s3_bucket.fresh").get("baselineState").asText()).isEqualTo("new");
        assertThat(resultFor(log, "aws_s3_bucket.waived").has("baselineState")).isFalse();
        assertThat(resultFor(log, "aws_s3_bucket.unsure").has("baselineState")).isFalse();
    }

    @Test
    void withoutABaselineNoResultHasABaselineState() throws Exception {
        assertThat(results(sarif(report(mixed())))).allSatisfy(r -> assertThat(r.has("baselineState")).isFalse());
    }

    @Test
    void badFilesMakeTheInvocationUnsuccessfulAndAreNotifiedWithTheirLine() throws Exception {
        JsonNode log = sarif(report(mixed(), List.of(), List.of(new BadFile("infra/broken.tf", 7, "HCL syntax error"))));
        JsonNode invocation = log.at("/runs/0/invocations/0");
        assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
        JsonNode note = invocation.at("/toolExecutionNotifications/0");
        assertThat(note.get("level").asText()).isEqualTo("error");
        assertThat(note.at("/message/text").asText()).contains("infra/broken.tf:7: HCL syntax error");
        assertThat(note.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);

        assertThat(sarif(report(mixed())).at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isTrue();
    }

    @Test
    void theSameResultsInAnyOrderGiveTheSameBytes() {
        List<Result> shuffled = new ArrayList<>(mixed());
        Collections.shuffle(shuffled, new Random(7));
        String once = write(writer, report(mixed()), context());
        assertThat(write(writer, report(shuffled), context())).isEqualTo(once);
        assertThat(write(writer, report(mixed()), context())).isEqualTo(once);
    }

    @Test
    void resultsAreListedMostSevereFirst() throws Exception {
        List<Result> rs = List.of(
                iac(LOGGING, Severity.LOW, Status.FAIL, "r", "aws_s3_bucket.low", "s3.tf", 1, 2),
                iac(TRAIL_KMS, Severity.CRITICAL, Status.FAIL, "r", "aws_cloudtrail.crit", "t.tf", 1, 2));
        assertThat(results(sarif(report(rs)))).extracting(r -> r.get("ruleId").asText()).containsExactly(TRAIL_KMS, LOGGING);
    }
}
