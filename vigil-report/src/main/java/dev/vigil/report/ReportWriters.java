package dev.vigil.report;

import dev.vigil.report.json.JsonReportWriter;
import dev.vigil.report.junit.JUnitReportWriter;
import dev.vigil.report.sarif.SarifReportWriter;
import dev.vigil.report.table.TableReportWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registered writers by id; a duplicate id fails at start-up. */
public final class ReportWriters {
    private final Map<String, ReportWriter> byId = new LinkedHashMap<>();

    public ReportWriters(List<ReportWriter> writers) {
        for (ReportWriter w : writers) {
            if (byId.putIfAbsent(w.id(), w) != null) throw new IllegalStateException("two report writers share the id " + w.id());
        }
    }

    public static ReportWriters standard() {
        return new ReportWriters(List.of(new TableReportWriter(), new JsonReportWriter(), new SarifReportWriter(),
                new JUnitReportWriter()));
    }

    /** The compliance report's writers: {@code table}, {@code json}, {@code csv}. */
    public static ReportWriters compliance() {
        return new ReportWriters(List.of(new dev.vigil.report.compliance.ComplianceTableWriter(), new dev.vigil.report.compliance.ComplianceJsonWriter(),
                new dev.vigil.report.compliance.ComplianceCsvWriter()));
    }

    public Optional<ReportWriter> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
