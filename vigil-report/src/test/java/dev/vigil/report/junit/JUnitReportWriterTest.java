package dev.vigil.report.junit;

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

import dev.vigil.engine.ScanReport;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.input.BadFile;
import dev.vigil.report.ReportWriters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class JUnitReportWriterTest {
    private final JUnitReportWriter writer = new JUnitReportWriter();

    private static List<Result> mixed() {
        return List.of(
                iac(LOGGING, Severity.HIGH, Status.FAIL, "logs does not record server access logs", "aws_s3_bucket.logs", "infra/s3.tf", 3, 12),
                iac(LOGGING, Severity.HIGH, Status.PASS, "", "aws_s3_bucket.data", "infra/s3.tf", 14, 20),
                iac(LOGGING, Severity.HIGH, Status.UNKNOWN, "logging.enabled depends on var.enable_logging, which has no value",
                        "aws_s3_bucket.maybe", "infra/s3.tf", 22, 30),
                iac(LOGGING, Severity.HIGH, Status.FAIL, "old does not record server access logs", "aws_s3_bucket.old", "infra/old.tf", 1, 4)
                        .suppressedBy(baseline()),
                iac(TRAIL_KMS, Severity.MEDIUM, Status.FAIL, "main does not encrypt its logs with a KMS key", "aws_cloudtrail.main",
                        "infra/trail.tf", 1, 9).suppressedBy(inline("the bucket is SSE-KMS already")),
                live(TRAIL_KMS, Severity.MEDIUM, Status.ERROR, "cloudtrail:GetTrail was denied (AccessDenied)",
                        "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org"));
    }

    private Document xml(ScanReport report) throws Exception {
        String text = write(writer, report, context());
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Node parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) out.add(e);
        }
        return out;
    }

    private static Element suite(Document doc, String name) {
        return children(doc.getDocumentElement(), "testsuite").stream().filter(s -> s.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no suite " + name));
    }

    private static Element testcase(Document doc, String namePrefix) {
        for (Element s : children(doc.getDocumentElement(), "testsuite")) {
            for (Element c : children(s, "testcase")) if (c.getAttribute("name").startsWith(namePrefix)) return c;
        }
        throw new AssertionError("no testcase " + namePrefix);
    }

    private static int count(Element e, String attribute) {
        return Integer.parseInt(e.getAttribute(attribute));
    }

    @Test
    void isRegisteredAsTheJunitFormat() {
        assertThat(ReportWriters.standard().find("junit")).containsInstanceOf(JUnitReportWriter.class);
    }

    @Test
    void oneSuitePerRuleWithItsCounts() throws Exception {
        Document doc = xml(report(mixed()));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(children(root, "testsuite")).extracting(s -> s.getAttribute("name")).containsExactly(TRAIL_KMS, LOGGING);

        Element logging = suite(doc, LOGGING); // FAIL, PASS, UNKNOWN, baseline-suppressed FAIL
        assertThat(count(logging, "tests")).isEqualTo(4);
        assertThat(count(logging, "failures")).isEqualTo(1);
        assertThat(count(logging, "errors")).isZero();
        assertThat(count(logging, "skipped")).isEqualTo(2);
        assertThat(children(logging, "testcase")).hasSize(4);

        Element trail = suite(doc, TRAIL_KMS); // inline-suppressed FAIL, ERROR
        assertThat(count(trail, "tests")).isEqualTo(2);
        assertThat(count(trail, "failures")).isZero();
        assertThat(count(trail, "errors")).isEqualTo(1);
        assertThat(count(trail, "skipped")).isEqualTo(1);

        assertThat(count(root, "tests")).isEqualTo(6);
        assertThat(count(root, "failures")).isEqualTo(1);
        assertThat(count(root, "errors")).isEqualTo(1);
        assertThat(count(root, "skipped")).isEqualTo(3);
    }

    @Test
    void aTestCaseIsNamedByTheRuleAndTheResourceWithItsFileAndLine() throws Exception {
        Element c = testcase(xml(report(mixed())), "aws_s3_bucket.logs");
        assertThat(c.getAttribute("classname")).isEqualTo(LOGGING);
        assertThat(c.getAttribute("name")).isEqualTo("aws_s3_bucket.logs (infra/s3.tf:3)");
        assertThat(c.getAttribute("file")).isEqualTo("infra/s3.tf");
    }

    @Test
    void aFailureCarriesReasonSeverityAndRemediation() throws Exception {
        Element failure = children(testcase(xml(report(mixed())), "aws_s3_bucket.logs"), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("logs does not record server access logs");
        assertThat(failure.getAttribute("type")).isEqualTo("high");
        assertThat(failure.getTextContent()).contains("logs does not record server access logs").contains("severity: high")
                .contains("location: infra/s3.tf:3-12").contains("remediation: Turn on server access logging");
    }

    @Test
    void aPassIsAnEmptyTestCase() throws Exception {
        Element pass = testcase(xml(report(mixed())), "aws_s3_bucket.data");
        assertThat(pass.getChildNodes().getLength()).isZero();
    }

    @Test
    void anErrorIsAnErrorWithItsReason() throws Exception {
        Element c = testcase(xml(report(mixed())), "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org");
        assertThat(c.getAttribute("name")).isEqualTo("arn:aws:cloudtrail:eu-west-1:111122223333:trail/org"); // no file: no location
        assertThat(c.hasAttribute("file")).isFalse();
        Element error = children(c, "error").get(0);
        assertThat(error.getAttribute("message")).contains("AccessDenied");
    }

    @Test
    void unknownIsSkippedWithItsReason() throws Exception {
        Element skipped = children(testcase(xml(report(mixed())), "aws_s3_bucket.maybe"), "skipped").get(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("UNKNOWN: logging.enabled depends on var.enable_logging, which has no value");
    }

    @Test
    void suppressedFailuresAreSkippedAndSayWhoSuppressedThemAndWhy() throws Exception {
        Document doc = xml(report(mixed()));
        Element inline = testcase(doc, "aws_cloudtrail.main");
        assertThat(children(inline, "failure")).isEmpty();
        assertThat(children(inline, "skipped").get(0).getAttribute("message")).isEqualTo("suppressed (inline): the bucket is SSE-KMS already");
        assertThat(children(testcase(doc, "aws_s3_bucket.old"), "skipped").get(0).getAttribute("message"))
                .isEqualTo("suppressed (baseline): in the baseline");

        Result excepted = iac(LOGGING, Severity.HIGH, Status.FAIL, "r", "aws_s3_bucket.x", "x.tf", 1, 2).suppressedBy(exception("accepted risk"));
        assertThat(children(testcase(xml(report(List.of(excepted))), "aws_s3_bucket.x"), "skipped").get(0).getAttribute("message"))
                .isEqualTo("suppressed (exception): accepted risk");
    }

    @Test
    void unreadableFilesAreErrorsOfTheirOwnSuite() throws Exception {
        Document doc = xml(report(mixed(), List.of(), List.of(new BadFile("infra/broken.tf", 7, "HCL syntax error: unexpected '}'"))));
        Element inputs = suite(doc, JUnitReportWriter.INPUTS_SUITE);
        assertThat(count(inputs, "errors")).isEqualTo(1);
        Element c = children(inputs, "testcase").get(0);
        assertThat(c.getAttribute("name")).isEqualTo("infra/broken.tf:7");
        assertThat(children(c, "error").get(0).getAttribute("message")).isEqualTo("HCL syntax error: unexpected '}'");
        assertThat(count(doc.getDocumentElement(), "errors")).isEqualTo(2);
        assertThat(count(doc.getDocumentElement(), "tests")).isEqualTo(7);
    }

    @Test
    void markupAndControlCharactersInReasonsStayWellFormed() throws Exception {
        Result odd = iac(LOGGING, Severity.LOW, Status.FAIL, "policy <Statement> & \"quotes\"\u0007 here", "aws_s3_bucket.odd", "a&b.tf", 1, 2);
        Element failure = children(testcase(xml(report(List.of(odd))), "aws_s3_bucket.odd"), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("policy <Statement> & \"quotes\" here");
    }

    @Test
    void anEmptyScanIsAnEmptyButValidReport() throws Exception {
        Element root = xml(report(List.of())).getDocumentElement();
        assertThat(count(root, "tests")).isZero();
        assertThat(children(root, "testsuite")).isEmpty();
    }

    @Test
    void theSameResultsInAnyOrderGiveTheSameBytes() {
        List<Result> shuffled = new ArrayList<>(mixed());
        Collections.shuffle(shuffled, new Random(11));
        assertThat(write(writer, report(shuffled), context())).isEqualTo(write(writer, report(mixed()), context()));
    }
}
