package dev.vigil.report.junit;

import dev.vigil.engine.ScanReport;
import dev.vigil.model.Location;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.input.BadFile;
import dev.vigil.report.ReportContext;
import dev.vigil.report.ReportWriter;
import dev.vigil.rules.Rule;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as the test reporters of GitLab, Jenkins and GitHub read it: one {@code <testsuite>}
 * per rule (named by its id), one {@code <testcase>} per (rule, resource) with the rule id as
 * {@code classname} and the resource (and its file and line, for IaC) as {@code name}.
 *
 * <ul>
 *   <li>PASS is a passing test case; FAIL a {@code <failure>} (message: the reason, type: the
 *       severity; body: reason, severity, resource, location and the rule's remediation).</li>
 *   <li>ERROR is an {@code <error>}: Vigil could not evaluate.</li>
 *   <li>UNKNOWN is {@code <skipped>} with the reason: not a pass, and not something the pipeline
 *       can fail on, since the input does not say.</li>
 *   <li>A suppressed result is {@code <skipped message="suppressed (inline): reason">}: it stays
 *       visible in the report and no longer counts as a failure.</li>
 *   <li>Files that could not be read form one more suite, {@code vigil-inputs}, one
 *       {@code <error>} each, so a pipeline's test view shows them too.</li>
 * </ul>
 * Deterministic: suites sorted by rule id, cases by file, line and resource; no timestamps.
 */
public final class JUnitReportWriter implements ReportWriter {
    /** The suite that lists unreadable input files. */
    static final String INPUTS_SUITE = "vigil-inputs";

    private static final Comparator<Result> CASE_ORDER = Comparator
            .comparing((Result r) -> r.location() == null ? "" : r.location().file())
            .thenComparingInt(r -> r.location() == null ? 0 : r.location().startLine())
            .thenComparing(r -> r.resourceId() == null ? "" : r.resourceId())
            .thenComparing(Result::status);

    @Override
    public String id() {
        return "junit";
    }

    /** How a result shows in a test report. */
    enum Outcome {
        PASSED, FAILURE, ERROR, SKIPPED;

        static Outcome of(Result r) {
            if (r.status() == Status.PASS) return PASSED;
            if (r.suppressed() != null) return SKIPPED;
            return switch (r.status()) {
                case FAIL -> FAILURE;
                case ERROR -> ERROR;
                case UNKNOWN -> SKIPPED;
                case PASS -> PASSED;
            };
        }
    }

    @Override
    public void write(ScanReport report, ReportContext ctx, Writer out) throws IOException {
        Map<String, List<Result>> byRule = report.results().stream()
                .collect(Collectors.groupingBy(Result::ruleId, TreeMap::new, Collectors.toList()));
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "Vigil");
            Counts total = Counts.of(report.results());
            attributes(xml, new Counts(total.tests + report.badFiles().size(), total.failures, total.errors + report.badFiles().size(),
                    total.skipped));
            for (var e : byRule.entrySet()) suite(xml, e.getKey(), e.getValue(), ctx);
            if (!report.badFiles().isEmpty()) inputs(xml, report.badFiles());
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            out.write("\n");
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private record Counts(int tests, int failures, int errors, int skipped) {
        static Counts of(List<Result> results) {
            int f = 0, e = 0, s = 0;
            for (Result r : results) {
                switch (Outcome.of(r)) {
                    case FAILURE -> f++;
                    case ERROR -> e++;
                    case SKIPPED -> s++;
                    case PASSED -> { }
                }
            }
            return new Counts(results.size(), f, e, s);
        }
    }

    private static void attributes(XMLStreamWriter xml, Counts c) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(c.tests));
        xml.writeAttribute("failures", Integer.toString(c.failures));
        xml.writeAttribute("errors", Integer.toString(c.errors));
        xml.writeAttribute("skipped", Integer.toString(c.skipped));
    }

    private static void suite(XMLStreamWriter xml, String ruleId, List<Result> results, ReportContext ctx) throws XMLStreamException {
        Rule rule = ctx.catalog() == null ? null : ctx.catalog().rule(ruleId).map(c -> c.rule()).orElse(null);
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", ruleId);
        attributes(xml, Counts.of(results));
        if (rule != null) {
            newline(xml, 2);
            xml.writeStartElement("properties");
            property(xml, "title", rule.title());
            // the results' severity: an organization profile may have overridden the rule's own
            Severity sev = results.get(0).severity() != null ? results.get(0).severity() : rule.severity();
            property(xml, "severity", sev == null ? "" : sev.label());
            newline(xml, 2);
            xml.writeEndElement();
        }
        for (Result r : results.stream().sorted(CASE_ORDER).toList()) testcase(xml, r, rule);
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newline(xml, 3);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static void testcase(XMLStreamWriter xml, Result r, Rule rule) throws XMLStreamException {
        Outcome outcome = Outcome.of(r);
        newline(xml, 2);
        if (outcome == Outcome.PASSED) xml.writeEmptyElement("testcase");
        else xml.writeStartElement("testcase");
        xml.writeAttribute("classname", r.ruleId());
        xml.writeAttribute("name", clean(caseName(r)));
        Location loc = r.location();
        if (loc != null && !loc.file().isBlank()) xml.writeAttribute("file", clean(loc.file()));
        if (outcome == Outcome.PASSED) return;

        newline(xml, 3);
        String reason = r.reason().isBlank() ? r.status().name() : r.reason();
        switch (outcome) {
            case FAILURE -> {
                Severity sev = r.severity() == null ? Severity.INFO : r.severity();
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(reason));
                xml.writeAttribute("type", sev.label());
                xml.writeCharacters(clean(failureBody(r, sev, reason, rule)));
                xml.writeEndElement();
            }
            case ERROR -> {
                xml.writeStartElement("error");
                xml.writeAttribute("message", clean(reason));
                xml.writeAttribute("type", "ERROR");
                xml.writeCharacters(clean("Vigil could not evaluate this rule on " + resource(r) + ": " + reason));
                xml.writeEndElement();
            }
            case SKIPPED -> {
                xml.writeEmptyElement("skipped");
                String message = r.suppressed() != null
                        ? "suppressed (" + r.suppressed().by().label() + "): " + (r.suppressed().reason().isBlank() ? "no reason given" : r.suppressed().reason())
                        : "UNKNOWN: " + reason;
                xml.writeAttribute("message", clean(message));
            }
            case PASSED -> throw new IllegalStateException("handled above");
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    /** The resource, and where it is declared when it comes from a file: {@code aws_s3_bucket.logs (infra/s3.tf:3)}. */
    static String caseName(Result r) {
        Location loc = r.location();
        String where = loc != null && !loc.file().isBlank() ? " (" + loc.file() + (loc.startLine() > 0 ? ":" + loc.startLine() : "") + ")" : "";
        return resource(r) + where;
    }

    private static String resource(Result r) {
        return r.resourceId() == null || r.resourceId().isBlank() ? r.resourceName() : r.resourceId();
    }

    private static String failureBody(Result r, Severity sev, String reason, Rule rule) {
        StringBuilder b = new StringBuilder();
        b.append(reason).append('\n');
        b.append("severity: ").append(sev.label()).append('\n');
        b.append("resource: ").append(resource(r));
        if (r.resourceType() != null) b.append(" (").append(r.resourceType()).append(')');
        b.append('\n');
        if (r.location() != null && !r.location().file().isBlank()) b.append("location: ").append(r.location()).append('\n');
        if (rule != null && rule.remediation() != null && rule.remediation().text() != null && !rule.remediation().text().isBlank()) {
            b.append("remediation: ").append(rule.remediation().text().strip()).append('\n');
        }
        return b.toString();
    }

    private static void inputs(XMLStreamWriter xml, List<BadFile> badFiles) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", INPUTS_SUITE);
        attributes(xml, new Counts(badFiles.size(), 0, badFiles.size(), 0));
        for (BadFile b : badFiles.stream().sorted(Comparator.comparing(BadFile::file).thenComparingInt(BadFile::line)).toList()) {
            newline(xml, 2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", INPUTS_SUITE);
            xml.writeAttribute("name", clean(b.file() + (b.line() > 0 ? ":" + b.line() : "")));
            xml.writeAttribute("file", clean(b.file()));
            newline(xml, 3);
            xml.writeStartElement("error");
            xml.writeAttribute("message", clean(b.problem()));
            xml.writeAttribute("type", "unreadable input");
            xml.writeCharacters(clean(b.message()));
            xml.writeEndElement();
            newline(xml, 2);
            xml.writeEndElement();
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** XML 1.0 cannot carry most control characters, even escaped: drop them (tabs and newlines stay). */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (allowed) b.appendCodePoint(c);
        });
        return b.toString();
    }
}
