package dev.vigil.report.compliance;

import dev.vigil.engine.ScanReport;
import dev.vigil.engine.compliance.Assessment;
import dev.vigil.engine.compliance.Assessment.Counts;
import dev.vigil.engine.compliance.Assessment.RequirementStatus;
import dev.vigil.report.ReportContext;
import dev.vigil.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compliance for people: per framework, the score with its counts, the score per account and
 * region, then every requirement with its status, failing ones first, each with the resources that
 * fail it (up to ten, then a count).
 */
public final class ComplianceTableWriter implements ReportWriter {
    private static final int MAX_FINDINGS = 10;

    @Override
    public String id() {
        return "table";
    }

    @Override
    public void write(ScanReport report, ReportContext ctx, Writer out) throws IOException {
        for (Assessment a : ctx.assessments(report.results())) {
            out.write(a.frameworkName() + " " + a.version() + " (" + a.frameworkId() + ")" + (a.level() == null ? "" : ", level " + a.level()) + "\n");
            out.write("  Score " + score(a.total()) + "  " + counts(a.total()) + "\n");
            out.write("  Requirements: " + requirementCounts(a.requirementCounts()) + "\n");
            if (!a.scopes().isEmpty()) {
                out.write("  By account and region:\n");
                int width = a.scopes().stream().mapToInt(s -> (s.account() + " " + s.region()).length()).max().orElse(10);
                for (var s : a.scopes()) {
                    String label = s.account() + " " + s.region();
                    out.write("    " + label + " ".repeat(width - label.length()) + "  " + pad(score(s.counts()), 5) + "  " + counts(s.counts()) + "\n");
                }
            }
            out.write("  Requirements:\n");
            var ordered = a.requirements().stream().sorted(java.util.Comparator.comparing(r -> order(r.status()))).toList();
            for (var r : ordered) {
                String lvl = r.level() > 0 ? " L" + r.level() : "";
                out.write("    " + pad(label(r.status()), 12) + " " + pad(r.id(), 10) + " " + r.title() + lvl
                        + (r.rules().isEmpty() ? "" : "  (" + counts(r.counts()) + ")") + "\n");
                int shown = 0;
                for (var f : r.findings()) {
                    if (shown++ == MAX_FINDINGS) {
                        out.write("                   ... and " + (r.findings().size() - MAX_FINDINGS) + " more\n");
                        break;
                    }
                    out.write("                   " + f.status() + " " + f.resourceName() + " (" + f.account() + " " + f.region() + ") " + f.ruleId() + "\n");
                }
            }
            out.write("\n");
        }
        out.write("Score = passed / (passed + failed + error); results Vigil could not evaluate (ERROR, UNKNOWN) count as error, never as passed.\n");
        out.flush();
    }

    private static int order(RequirementStatus s) {
        return switch (s) {
            case FAIL -> 0;
            case ERROR -> 1;
            case PASS -> 2;
            case NO_RESOURCES -> 3;
            case MANUAL -> 4;
        };
    }

    private static String label(RequirementStatus s) {
        return s == RequirementStatus.NO_RESOURCES ? "NO-RESOURCES" : s.name();
    }

    static String score(Counts c) {
        Double s = c.score();
        return s == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", s * 100);
    }

    static String counts(Counts c) {
        return "passed " + c.passed() + ", failed " + c.failed() + ", error " + (c.error() + c.unknown());
    }

    private static String requirementCounts(Map<RequirementStatus, Long> m) {
        return m.entrySet().stream().map(e -> e.getValue() + " " + label(e.getKey())).collect(Collectors.joining(", "));
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
