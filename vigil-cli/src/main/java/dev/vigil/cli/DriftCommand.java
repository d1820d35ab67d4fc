package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.store.Drift;
import dev.vigil.store.ScanRecord;
import dev.vigil.store.Store;
import dev.vigil.store.StoredResource;
import dev.vigil.store.StoredResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "drift", description = {
        "What changed between two recorded scans: resources added, removed and changed (field by field, in their canonical "
                + "configuration), and the findings that appeared or resolved.",
        "Default: the two latest complete scans of the same accounts."})
final class DriftCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions db;

    @Option(names = "--from", paramLabel = "SCAN", description = "The earlier scan's id (default: the complete scan of the same accounts before --to).")
    Long from;

    @Option(names = "--to", paramLabel = "SCAN", description = "The later scan's id (default: the latest complete scan).")
    Long to;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("table") && !format.equals("json")) throw new Vigil.UsageException("unknown --format '" + format + "' (use one of: table, json)");
        Drift drift;
        try (Store store = db.openExisting()) {
            Drift.Pair pair = Drift.pick(store.scans(), from, to);
            drift = store.drift(pair.from().id(), pair.to().id());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) json(out, drift);
        else table(out, drift);
        out.flush();
        return Vigil.OK;
    }

    private static String scan(ScanRecord s) {
        return "scan " + s.id() + " (" + s.started() + ", " + String.join(",", s.accounts()) + ")";
    }

    private static String resource(StoredResource r) {
        return r.type() + "  " + r.id() + (r.name().isEmpty() || r.name().equals(r.id()) ? "" : " (" + r.name() + ")") + "  "
                + r.account() + " " + r.region();
    }

    private static String finding(StoredResult r) {
        return r.severity().label() + "  " + r.ruleId() + "  " + (r.resourceName().isEmpty() ? r.resourceId() : r.resourceName())
                + "  " + r.account() + " " + r.region();
    }

    private static String value(String json) {
        return json == null ? "(absent)" : json;
    }

    private static void table(PrintWriter out, Drift d) {
        out.println("Drift from " + scan(d.from()) + " to " + scan(d.to()));
        out.println();
        out.println("Resources: " + d.added().size() + " added, " + d.removed().size() + " removed, " + d.changed().size() + " changed");
        for (StoredResource r : d.added()) out.println("  + " + resource(r));
        for (StoredResource r : d.removed()) out.println("  - " + resource(r));
        for (Drift.Changed c : d.changed()) {
            out.println("  ~ " + resource(c.after()));
            for (Drift.FieldDiff f : c.fields()) out.println("      " + f.path() + ": " + value(f.before()) + " → " + value(f.after()));
        }
        out.println();
        out.println("Findings: " + d.appeared().size() + " appeared, " + d.resolved().size() + " resolved");
        for (StoredResult r : d.appeared()) out.println("  + " + finding(r));
        for (StoredResult r : d.resolved()) out.println("  - " + finding(r));
    }

    private static Map<String, Object> scanJson(ScanRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("started", s.started().toString());
        m.put("accounts", s.accounts());
        m.put("regions", s.regions());
        return m;
    }

    private static Map<String, Object> resourceJson(StoredResource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type());
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("account", r.account());
        m.put("region", r.region());
        return m;
    }

    private static Map<String, Object> findingJson(StoredResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.findingId());
        m.put("ruleId", r.ruleId());
        m.put("severity", r.severity().label());
        m.put("reason", r.reason());
        m.put("resource", Map.of("type", r.resourceType(), "id", r.resourceId(), "name", r.resourceName(), "account", r.account(),
                "region", r.region()));
        return m;
    }

    private static void json(PrintWriter out, Drift d) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("from", scanJson(d.from()));
        doc.put("to", scanJson(d.to()));
        doc.put("added", d.added().stream().map(DriftCommand::resourceJson).toList());
        doc.put("removed", d.removed().stream().map(DriftCommand::resourceJson).toList());
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Drift.Changed c : d.changed()) {
            Map<String, Object> m = resourceJson(c.after());
            List<Map<String, Object>> fields = new ArrayList<>();
            for (Drift.FieldDiff f : c.fields()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("path", f.path());
                x.put("old", f.before() == null ? null : JSON.readTree(f.before()));
                x.put("new", f.after() == null ? null : JSON.readTree(f.after()));
                fields.add(x);
            }
            m.put("fields", fields);
            changed.add(m);
        }
        doc.put("changed", changed);
        Map<String, Object> findings = new LinkedHashMap<>();
        findings.put("appeared", d.appeared().stream().map(DriftCommand::findingJson).toList());
        findings.put("resolved", d.resolved().stream().map(DriftCommand::findingJson).toList());
        doc.put("findings", findings);
        out.println(JSON.writeValueAsString(doc));
    }
}
