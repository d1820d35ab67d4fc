package dev.vigil.report.compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.engine.ScanReport;
import dev.vigil.engine.compliance.Assessment;
import dev.vigil.report.ReportContext;
import dev.vigil.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Compliance for machines: the assessments as they are computed (schema version 1). */
public final class ComplianceJsonWriter implements ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record Document(int schemaVersion, String tool, String version, String evaluatedAsOf, String scoreFormula, List<Assessment> frameworks) {
    }

    @Override
    public String id() {
        return "json";
    }

    @Override
    public void write(ScanReport report, ReportContext ctx, Writer out) throws IOException {
        Document doc = new Document(1, "vigil", ctx.version(), report.evaluatedAsOf().toString(),
                "passed / (passed + failed + error + unknown)", ctx.assessments(report.results()));
        out.write(JSON.writeValueAsString(doc));
        out.write("\n");
        out.flush();
    }
}
