package dev.vigil.report.table;

import dev.vigil.engine.ScanReport;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.report.ReportContext;
import dev.vigil.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report for people: results grouped by severity and then by rule, failures first; ERROR and
 * UNKNOWN are always listed (they are what Vigil could not see), passes only when asked. Ends with a
 * summary line, the coverage gaps, the types read but not modelled, and the parameters used.
 */
public final class TableReportWriter implements ReportWriter {
    private static final String RESET = "\u001b[0m", BOLD = "\u001b[1m", DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m", GREEN = "\u001b[32m", YELLOW = "\u001b[33m", MAGENTA = "\u001b[35m", CYAN = "\u001b[36m";

    @Override
    public String id() {
        return "table";
    }

    @Override
    public void write(ScanReport report, ReportContext ctx, Writer out) throws IOException {
        Style s = new Style(ctx.colour());
        var live = report.collection();
        String source = live == null ? report.files().size() + " file(s)"
                : "account " + live.account() + " (" + live.principal() + "), " + live.regions().size() + " region(s)";
        out.write(s.bold("Vigil scan") + ": " + source + ", " + report.resources() + " resources, "
                + report.rulesEvaluated() + " rules, evaluated as of " + report.evaluatedAsOf() + "\n");

        List<Result> shown = report.results().stream().filter(r -> ctx.showPassed() || r.status() != Status.PASS).toList();
        for (Severity severity : Severity.values()) {
            List<Result> group = shown.stream().filter(r -> r.severity() == severity).toList();
            if (group.isEmpty()) continue;
            long failed = group.stream().filter(Result::actionableFailure).count();
            long quiet = group.stream().filter(r -> r.suppressed() != null).count();
            out.write("\n" + s.severity(severity, severity.name()) + s.dim("  (" + failed + " failed, " + (quiet > 0 ? quiet + " suppressed, " : "")
                    + group.size() + " listed)") + "\n");
            Map<String, List<Result>> byRule = group.stream().collect(Collectors.groupingBy(Result::ruleId, LinkedHashMap::new, Collectors.toList()));
            for (var e : byRule.entrySet()) {
                String title = ctx.catalog().rule(e.getKey()).map(r -> r.rule().title()).orElse(e.getKey());
                int frameworks = ctx.catalog().frameworksOf(e.getKey()).size();
                out.write("  " + s.bold(title) + s.dim("  [" + e.getKey() + "]" + (frameworks > 1 ? " · " + frameworks + " frameworks" : "")) + "\n");
                int nameWidth = Math.min(48, e.getValue().stream().mapToInt(r -> r.resourceName().length()).max().orElse(10));
                int whereWidth = e.getValue().stream().mapToInt(r -> where(r).length()).max().orElse(6);
                for (Result r : e.getValue()) {
                    out.write("    " + s.status(r.status()) + "  " + pad(clip(r.resourceName(), 48), nameWidth) + "  "
                            + pad(where(r), whereWidth) + "  " + r.reason() + "\n");
                    // suppressed is said on its own line: the finding stays visible, with who accepted it and why
                    if (r.suppressed() != null) out.write("             " + s.dim("suppressed (" + describe(r.suppressed()) + ")") + "\n");
                }
            }
        }
        var counts = report.countsByStatus();
        out.write("\n" + s.bold("Summary") + ": " + s.colour(RED, counts.get(Status.FAIL) + " FAIL") + ", "
                + s.colour(MAGENTA, counts.get(Status.ERROR) + " ERROR") + ", " + s.colour(YELLOW, counts.get(Status.UNKNOWN) + " UNKNOWN") + ", "
                + s.colour(GREEN, counts.get(Status.PASS) + " PASS") + "  (" + report.results().size() + " results, "
                + report.resources() + " resources, " + report.rulesEvaluated() + " rules, " + report.duration().toMillis() + " ms)\n");
        Map<String, Long> quiet = report.results().stream().filter(r -> r.suppressed() != null)
                .collect(Collectors.groupingBy(r -> r.suppressed().by().label(), java.util.TreeMap::new, Collectors.counting()));
        if (!quiet.isEmpty()) {
            out.write(s.bold("Suppressed") + ": " + quiet.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", ")) + " (listed above with their reasons; their statuses are unchanged)\n");
        }
        if (!report.badFiles().isEmpty()) {
            out.write(s.colour(RED, s.bold("Files with errors")) + " (" + report.badFiles().size() + "): what they declare was read in part or not at all\n");
            for (var bad : report.badFiles()) out.write("  - " + bad.message() + "\n");
        }
        if (live != null) {
            out.write(s.bold("Collection") + ": " + live.apiCalls() + " API calls, " + live.throttles() + " throttles absorbed, " + live.retries()
                    + " retries; regions " + String.join(", ", live.regions()) + "\n");
            out.write("  " + live.services().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().apiCalls() + " calls/" + e.getValue().millis() + " ms"
                            + (e.getValue().errors() > 0 ? "/" + e.getValue().errors() + " errors" : ""))
                    .collect(Collectors.joining(", ")) + "\n");
        }
        if (!report.gaps().isEmpty()) {
            out.write(s.bold("Coverage gaps") + " (" + report.gaps().size() + "): results that depend on these are UNKNOWN or ERROR, never PASS\n");
            for (var g : report.gaps()) out.write("  - " + g.scope() + ": " + g.reason() + "\n");
        }
        if (!report.unmodelled().isEmpty()) {
            out.write(s.bold("Read but not modelled") + " (not evaluated): "
                    + report.unmodelled().entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")) + "\n");
        }
        if (!report.skippedFiles().isEmpty()) {
            out.write(s.bold("Skipped files") + " (no input reads them): " + String.join(", ", report.skippedFiles()) + "\n");
        }
        if (!ctx.disabled().isEmpty()) {
            out.write(s.bold("Switched off by the profile") + " (not evaluated): " + ctx.disabled().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")) + "\n");
        }
        if (!report.parameters().isEmpty()) {
            // Only the rules that judged something here, one per line, long values clipped: the JSON
            // report has every value in full.
            java.util.Set<String> judged = report.results().stream().map(Result::ruleId).collect(Collectors.toSet());
            List<String> ps = new ArrayList<>();
            report.parameters().forEach((rule, params) -> {
                if (judged.contains(rule)) ps.add("  " + rule + " " + params.entrySet().stream()
                        .map(p -> p.getKey() + "=" + clip(String.valueOf(p.getValue()), 60)).collect(Collectors.joining(" ")));
            });
            if (!ps.isEmpty()) out.write(s.bold("Parameters") + " (rule defaults unless --config or the profile sets them):\n" + String.join("\n", ps) + "\n");
        }
        out.flush();
    }

    /** The file and lines of an IaC result, else its region. */
    private static String where(Result r) {
        return r.location() != null ? r.location().toString() : r.region();
    }

    private static String describe(dev.vigil.model.Suppressed sup) {
        return sup.by().label() + " " + sup.source() + ": " + sup.reason() + (sup.expires().isEmpty() ? "" : ", until " + sup.expires());
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private record Style(boolean on) {
        String colour(String code, String text) {
            return on ? code + text + RESET : text;
        }

        String bold(String text) {
            return colour(BOLD, text);
        }

        String dim(String text) {
            return colour(DIM, text);
        }

        String severity(Severity sev, String text) {
            return colour(switch (sev) {
                case CRITICAL -> BOLD + MAGENTA;
                case HIGH -> BOLD + RED;
                case MEDIUM -> BOLD + YELLOW;
                case LOW -> BOLD + CYAN;
                case INFO -> BOLD;
            }, text);
        }

        String status(Status st) {
            String label = pad(st.name(), 7);
            return colour(switch (st) {
                case FAIL -> RED;
                case ERROR -> MAGENTA;
                case UNKNOWN -> YELLOW;
                case PASS -> GREEN;
            }, label);
        }
    }
}
