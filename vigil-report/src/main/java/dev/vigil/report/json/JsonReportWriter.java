package dev.vigil.report.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.engine.ScanReport;
import dev.vigil.model.Location;
import dev.vigil.model.Result;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.Status;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.model.input.CollectionStats;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.report.ReportContext;
import dev.vigil.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** Vigil's own JSON report, serialized from the records below (schema version 1). Every result is included, passes too: machines filter. */
public final class JsonReportWriter implements ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record Document(int schemaVersion, String tool, String version, Scan scan, Map<Status, Long> summary,
                           List<CoverageGap> coverageGaps, Map<String, Long> unmodelled, Map<String, Map<String, Object>> parameters,
                           Map<String, String> disabledRules, List<BadFile> badFiles, List<JsonResult> results) {
    }

    public record Scan(List<String> files, List<String> skippedFiles, String startedAt, long durationMs, String evaluatedAsOf,
                       int rulesEvaluated, int resources, Map<String, Long> resourcesByType, Map<String, Long> stageMillis,
                       @JsonInclude(JsonInclude.Include.NON_NULL) CollectionStats collection) {
    }

    /** {@code priority} says why the result ranks where it does: the frameworks whose requirements it breaks. */
    public record JsonResult(String findingId, String ruleId, String title, String severity, Status status, String reason,
                             ResourceRef resource, @JsonInclude(JsonInclude.Include.NON_NULL) Location location,
                             @JsonInclude(JsonInclude.Include.NON_NULL) JsonSuppressed suppressed,
                             Map<String, List<String>> frameworks, String priority) {
    }

    /** Why a result is not to be acted on: {@code by} is inline, exception or baseline. */
    public record JsonSuppressed(String by, String reason, String source, @JsonInclude(JsonInclude.Include.NON_EMPTY) String expires) {
    }

    public record ResourceRef(String provider, String type, String id, String name, String account, String region, String origin) {
    }

    @Override
    public String id() {
        return "json";
    }

    @Override
    public void write(ScanReport report, ReportContext ctx, Writer out) throws IOException {
        List<JsonResult> results = report.results().stream()
                .map(r -> result(r, ctx))
                .toList();
        Document doc = new Document(1, "vigil", ctx.version(),
                new Scan(report.files(), report.skippedFiles(), report.startedAt().toString(), report.duration().toMillis(),
                        report.evaluatedAsOf().toString(), report.rulesEvaluated(), report.resources(), report.resourcesByType(),
                        stageMillis(report), report.collection()),
                report.countsByStatus(), report.gaps(), report.unmodelled(), report.parameters(), ctx.disabled(), report.badFiles(), results);
        JSON.writeValue(new NonClosing(out), doc);
        out.write("\n");
        out.flush();
    }

    private static Map<String, Long> stageMillis(ScanReport report) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        report.stageTimes().forEach((k, v) -> out.put(k, v.toMillis()));
        return out;
    }

    private static JsonResult result(Result r, ReportContext ctx) {
        String title = ctx.catalog().rule(r.ruleId()).map(c -> c.rule().title()).orElse(r.ruleId());
        return new JsonResult(r.findingId(), r.ruleId(), title, r.severity().label(), r.status(), r.reason(),
                new ResourceRef(r.provider(), r.resourceType(), r.resourceId(), r.resourceName(), r.account(), r.region(), r.origin()),
                r.location(),
                r.suppressed() == null ? null : new JsonSuppressed(r.suppressed().by().label(), r.suppressed().reason(), r.suppressed().source(),
                        r.suppressed().expires()),
                ctx.catalog().frameworksOf(r.ruleId()), dev.vigil.engine.Priority.why(ctx.catalog(), r.ruleId()));
    }

    /** Jackson closes the writer it is given; the caller owns it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
