package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.model.Severity;
import dev.vigil.store.Finding;
import dev.vigil.store.FindingStatus;
import dev.vigil.store.Remediation;
import dev.vigil.store.Sla;
import dev.vigil.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "findings", description = {
        "List the findings of the findings store with first seen, last seen, age and SLA state, and a summary: open findings "
                + "by severity and age, and mean time to remediate by severity.",
        "A finding's SLA clock starts when it was first seen failing; suppressed findings and severities without a target have none."})
final class FindingsCommand implements Callable<Integer> {
    /** Age buckets of open findings, upper bounds exclusive. */
    static final List<String> BUCKETS = List.of("<1d", "1-7d", "7-30d", "30-90d", ">90d");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions db;

    @Option(names = "--status", defaultValue = "open", paramLabel = "STATUS",
            description = "open (open or reopened), resolved, suppressed or all (default: ${DEFAULT-VALUE}).")
    String status;

    @Option(names = "--severity", split = ",", paramLabel = "LEVEL", description = "Only these severities (critical,high,medium,low,info).")
    List<String> severities = new ArrayList<>();

    @Option(names = "--sla-breached", description = "Only findings past their SLA target (still failing, or resolved late).")
    boolean breached;

    @Option(names = "--sla", defaultValue = Sla.DEFAULTS, paramLabel = "TARGETS",
            description = "SLA targets by severity, units m, h, d, w; 'none' removes one (default: ${DEFAULT-VALUE}).")
    String sla;

    @Option(names = "--since", paramLabel = "DATE", description = "Mean time to remediate over findings resolved since DATE (default: all history).")
    String since;

    @Option(names = "--as-of", paramLabel = "TIME", description = "Ages and SLA states as of this ISO-8601 time (default: now).")
    String asOf;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        Set<FindingStatus> statuses = switch (status.toLowerCase(Locale.ROOT)) {
            case "open" -> EnumSet.of(FindingStatus.OPEN, FindingStatus.REOPENED);
            case "resolved" -> EnumSet.of(FindingStatus.RESOLVED);
            case "suppressed" -> EnumSet.of(FindingStatus.SUPPRESSED);
            case "all" -> EnumSet.allOf(FindingStatus.class);
            default -> throw new Vigil.UsageException("--status '" + status + "' is not one of open, resolved, suppressed, all");
        };
        Set<Severity> sevs = EnumSet.noneOf(Severity.class);
        for (String s : severities) {
            try {
                sevs.add(Severity.parse(s));
            } catch (IllegalArgumentException e) {
                throw new Vigil.UsageException("--severity: " + e.getMessage());
            }
        }
        Sla targets;
        try {
            targets = Sla.parse(sla);
        } catch (IllegalArgumentException e) {
            throw new Vigil.UsageException("--sla: " + e.getMessage());
        }
        if (!format.equals("table") && !format.equals("json")) throw new Vigil.UsageException("unknown --format '" + format + "' (use one of: table, json)");
        Instant from = StoreAccess.time(since, "--since");
        Instant when = asOf == null ? Instant.now() : StoreAccess.time(asOf, "--as-of");

        List<Finding> all;
        List<Remediation> remediations;
        try (Store store = db.openExisting()) {
            all = store.findings();
            remediations = store.remediations(from, when);
        }
        List<Finding> selected = all.stream()
                .filter(f -> statuses.contains(f.status()))
                .filter(f -> sevs.isEmpty() || sevs.contains(f.severity()))
                .filter(f -> !breached || isBreached(targets.state(f, when)))
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::firstSeen).thenComparing(Finding::id))
                .toList();
        Summary summary = Summary.of(all.stream().filter(f -> sevs.isEmpty() || sevs.contains(f.severity())).toList(),
                remediations.stream().filter(r -> sevs.isEmpty() || sevs.contains(r.severity())).toList(), targets, when);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) json(out, selected, summary, targets, when, from);
        else table(out, selected, summary, targets, when, from);
        out.flush();
        return Vigil.OK;
    }

    static boolean isBreached(Sla.State s) {
        return s == Sla.State.BREACHED || s == Sla.State.MISSED;
    }

    /** How long the finding has been (or was) failing: to its resolution, else to {@code asOf}. */
    static Duration age(Finding f, Instant asOf) {
        Instant end = f.status() == FindingStatus.RESOLVED && f.resolvedAt() != null ? f.resolvedAt() : asOf;
        return Duration.between(f.firstSeen(), end);
    }

    static String bucket(Duration age) {
        long h = age.toHours();
        if (h < 24) return BUCKETS.get(0);
        if (h < 7 * 24) return BUCKETS.get(1);
        if (h < 30 * 24) return BUCKETS.get(2);
        if (h < 90 * 24) return BUCKETS.get(3);
        return BUCKETS.get(4);
    }

    /** Open findings by severity and age bucket (with the breached ones), and mean time to remediate by severity. */
    record Summary(Map<Severity, Map<String, Long>> open, Map<Severity, Long> breached, Map<Severity, List<Duration>> remediated) {
        static Summary of(List<Finding> findings, List<Remediation> remediations, Sla sla, Instant asOf) {
            Map<Severity, Map<String, Long>> open = new EnumMap<>(Severity.class);
            Map<Severity, Long> breached = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                Map<String, Long> b = new LinkedHashMap<>();
                for (String k : BUCKETS) b.put(k, 0L);
                open.put(s, b);
                breached.put(s, 0L);
            }
            for (Finding f : findings) {
                if (!f.status().active()) continue;
                open.get(f.severity()).merge(bucket(age(f, asOf)), 1L, Long::sum);
                if (sla.state(f, asOf) == Sla.State.BREACHED) breached.merge(f.severity(), 1L, Long::sum);
            }
            Map<Severity, List<Duration>> remediated = new EnumMap<>(Severity.class);
            for (Remediation r : remediations) remediated.computeIfAbsent(r.severity(), k -> new ArrayList<>()).add(r.took());
            return new Summary(open, breached, remediated);
        }

        long total(Severity s) {
            return open.get(s).values().stream().mapToLong(Long::longValue).sum();
        }

        Duration mean(Severity s) {
            List<Duration> d = remediated.get(s);
            if (d == null || d.isEmpty()) return null;
            return Duration.ofMillis(d.stream().mapToLong(Duration::toMillis).sum() / d.size());
        }
    }

    private static String slaText(Sla sla, Finding f, Instant asOf) {
        Sla.State state = sla.state(f, asOf);
        Instant due = sla.due(f);
        return switch (state) {
            case WITHIN -> "due in " + Sla.human(Duration.between(asOf, due));
            case BREACHED -> "breached " + Sla.human(Duration.between(due, asOf)) + " ago";
            case MET -> "met";
            case MISSED -> "missed by " + Sla.human(Duration.between(due, f.resolvedAt()));
            case NONE -> "-";
        };
    }

    private static String day(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private void table(PrintWriter out, List<Finding> findings, Summary summary, Sla sla, Instant asOf, Instant since) {
        out.println(findings.size() + " " + status.toLowerCase(Locale.ROOT) + " finding" + (findings.size() == 1 ? "" : "s")
                + (breached ? " past their SLA" : "") + " as of " + day(asOf));
        if (!findings.isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SEVERITY", "STATUS", "RULE", "RESOURCE", "ACCOUNT", "REGION", "FIRST SEEN", "LAST SEEN", "AGE", "SLA"});
            for (Finding f : findings) {
                rows.add(new String[] {f.severity().label(), f.status().name().toLowerCase(Locale.ROOT), f.ruleId(),
                        f.resourceName().isEmpty() ? f.resourceId() : f.resourceName(), f.account(), f.region(), day(f.firstSeen()),
                        day(f.lastSeen()), Sla.human(age(f, asOf)), slaText(sla, f, asOf)});
            }
            int[] w = StoreAccess.widths(rows);
            for (String[] r : rows) out.println(StoreAccess.row(w, r));
        }
        out.println();
        out.println("Open findings by severity and age:");
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("SEVERITY"));
        head.addAll(BUCKETS);
        head.addAll(List.of("TOTAL", "BREACHED", "TARGET"));
        rows.add(head.toArray(String[]::new));
        for (Severity s : Severity.values()) {
            List<String> r = new ArrayList<>(List.of(s.label()));
            summary.open().get(s).values().forEach(n -> r.add(Long.toString(n)));
            r.add(Long.toString(summary.total(s)));
            r.add(Long.toString(summary.breached().get(s)));
            r.add(sla.target(s) == null ? "-" : Sla.human(sla.target(s)));
            rows.add(r.toArray(String[]::new));
        }
        int[] w = StoreAccess.widths(rows);
        for (String[] r : rows) out.println(StoreAccess.row(w, r));
        out.println();
        out.println("Mean time to remediate" + (since == null ? "" : " since " + day(since)) + ":");
        rows = new ArrayList<>();
        rows.add(new String[] {"SEVERITY", "RESOLVED", "MEAN"});
        for (Severity s : Severity.values()) {
            List<Duration> d = summary.remediated().getOrDefault(s, List.of());
            rows.add(new String[] {s.label(), Integer.toString(d.size()), d.isEmpty() ? "-" : Sla.human(summary.mean(s))});
        }
        w = StoreAccess.widths(rows);
        for (String[] r : rows) out.println(StoreAccess.row(w, r));
    }

    private void json(PrintWriter out, List<Finding> findings, Summary summary, Sla sla, Instant asOf, Instant since) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asOf", asOf.toString());
        doc.put("status", status.toLowerCase(Locale.ROOT));
        Map<String, Object> targets = new LinkedHashMap<>();
        for (Severity s : Severity.values()) targets.put(s.label(), sla.target(s) == null ? null : sla.target(s).toString());
        doc.put("slaTargets", targets);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("ruleId", f.ruleId());
            m.put("severity", f.severity().label());
            m.put("status", f.status().name().toLowerCase(Locale.ROOT));
            m.put("resource", Map.of("type", f.resourceType(), "id", f.resourceId(), "name", f.resourceName(), "account", f.account(),
                    "region", f.region()));
            m.put("reason", f.reason());
            m.put("firstSeen", f.firstSeen().toString());
            m.put("lastSeen", f.lastSeen().toString());
            m.put("resolvedAt", f.resolvedAt() == null ? null : f.resolvedAt().toString());
            m.put("ageSeconds", age(f, asOf).toSeconds());
            Instant due = sla.due(f);
            m.put("slaDue", due == null ? null : due.toString());
            m.put("sla", sla.state(f, asOf).label());
            list.add(m);
        }
        doc.put("findings", list);
        Map<String, Object> open = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            Map<String, Object> m = new LinkedHashMap<>(summary.open().get(s));
            m.put("total", summary.total(s));
            m.put("breached", summary.breached().get(s));
            open.put(s.label(), m);
        }
        Map<String, Object> mttr = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            List<Duration> d = summary.remediated().getOrDefault(s, List.of());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("resolved", d.size());
            m.put("meanSeconds", d.isEmpty() ? null : summary.mean(s).toSeconds());
            mttr.put(s.label(), m);
        }
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("openByAge", open);
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("since", since == null ? null : since.toString());
        period.put("until", asOf.toString());
        period.put("bySeverity", mttr);
        sum.put("meanTimeToRemediate", period);
        doc.put("summary", sum);
        out.println(JSON.writeValueAsString(doc));
    }
}
