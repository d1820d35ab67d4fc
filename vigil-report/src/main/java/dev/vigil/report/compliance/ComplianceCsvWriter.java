package dev.vigil.report.compliance;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.vigil.engine.ScanReport;
import dev.vigil.engine.compliance.Assessment;
import dev.vigil.report.ReportContext;
import dev.vigil.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compliance for spreadsheets: one row per framework, requirement, account and region (one row with
 * empty account and region for a requirement with no results), RFC 4180 quoting.
 */
public final class ComplianceCsvWriter implements ReportWriter {
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"framework", "level", "requirement", "title", "section", "account", "region", "status",
            "passed", "failed", "error", "failing"})
    public record Row(String framework, String level, String requirement, String title, String section, String account, String region, String status,
                      long passed, long failed, long error, String failing) {
    }

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public void write(ScanReport report, ReportContext ctx, Writer out) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Assessment a : ctx.assessments(report.results())) {
            String level = a.level() == null ? "" : a.level().toString();
            for (var r : a.requirements()) {
                if (r.byScope().isEmpty()) {
                    rows.add(new Row(a.frameworkId(), level, r.id(), r.title(), r.section(), "", "", r.status().name(), 0, 0, 0, ""));
                    continue;
                }
                for (Map.Entry<String, Assessment.RequirementStatus> e : r.byScope().entrySet()) {
                    String[] scope = e.getKey().split("/", 2);
                    var inScope = r.findings().stream().filter(f -> f.account().equals(scope[0]) && f.region().equals(scope[1])).toList();
                    Assessment.Counts c = r.countsByScope().get(e.getKey());
                    rows.add(new Row(a.frameworkId(), level, r.id(), r.title(), r.section(), scope[0], scope[1], e.getValue().name(), c.passed(),
                            c.failed(), c.error() + c.unknown(), inScope.stream().filter(f -> f.status() == dev.vigil.model.Status.FAIL).map(f -> f.resourceId())
                                    .distinct().collect(Collectors.joining(" "))));
                }
            }
        }
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = csv.schemaFor(Row.class).withHeader();
        out.write(csv.writer(schema).writeValueAsString(rows));
        out.flush();
    }
}
