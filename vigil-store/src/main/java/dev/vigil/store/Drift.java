package dev.vigil.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What changed between two stored scans: resources added, removed and changed (with a field-level
 * diff of their canonical JSON), and the findings that appeared (failing in {@code to}, not in
 * {@code from}) or resolved (failing in {@code from}, passing or gone in {@code to}; an ERROR or
 * UNKNOWN in {@code to} resolves nothing).
 */
public record Drift(ScanRecord from, ScanRecord to, List<StoredResource> added, List<StoredResource> removed, List<Changed> changed,
                    List<StoredResult> appeared, List<StoredResult> resolved) {

    /** A resource in both scans whose canonical JSON differs. */
    public record Changed(StoredResource before, StoredResource after, List<FieldDiff> fields) {
    }

    /**
     * One field that differs: its path in the canonical JSON ({@code properties.encryption.rules[0]}),
     * the old and new values as compact JSON, {@code null} where the field is absent.
     */
    public record FieldDiff(String path, String before, String after) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && appeared.isEmpty() && resolved.isEmpty();
    }

    static Drift between(ScanRecord from, ScanRecord to, List<StoredResource> before, List<StoredResource> after,
                         List<StoredResult> resultsBefore, List<StoredResult> resultsAfter) {
        Map<String, StoredResource> old = index(before);
        Map<String, StoredResource> now = index(after);
        List<StoredResource> added = new ArrayList<>();
        List<StoredResource> removed = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (var e : now.entrySet()) {
            StoredResource was = old.get(e.getKey());
            if (was == null) added.add(e.getValue());
            else if (!was.sha256().equals(e.getValue().sha256())) changed.add(new Changed(was, e.getValue(), diff(was.canonical(), e.getValue().canonical())));
        }
        for (var e : old.entrySet()) if (!now.containsKey(e.getKey())) removed.add(e.getValue());

        Map<String, StoredResult> failedBefore = failures(resultsBefore);
        Map<String, StoredResult> failedAfter = failures(resultsAfter);
        Map<String, StoredResult> undecidedAfter = new LinkedHashMap<>();
        for (StoredResult r : resultsAfter) if (r.status() == Status.ERROR || r.status() == Status.UNKNOWN) undecidedAfter.put(r.findingId(), r);
        List<StoredResult> appeared = new ArrayList<>();
        List<StoredResult> resolved = new ArrayList<>();
        for (var e : failedAfter.entrySet()) if (!failedBefore.containsKey(e.getKey())) appeared.add(e.getValue());
        for (var e : failedBefore.entrySet()) {
            if (!failedAfter.containsKey(e.getKey()) && !undecidedAfter.containsKey(e.getKey())) resolved.add(e.getValue());
        }
        Comparator<StoredResult> bySeverity = Comparator.comparing(StoredResult::severity).thenComparing(StoredResult::ruleId)
                .thenComparing(StoredResult::resourceId);
        appeared.sort(bySeverity);
        resolved.sort(bySeverity);
        return new Drift(from, to, added, removed, changed, appeared, resolved);
    }

    private static Map<String, StoredResource> index(List<StoredResource> resources) {
        Map<String, StoredResource> out = new java.util.TreeMap<>();
        for (StoredResource r : resources) out.put(r.key(), r);
        return out;
    }

    private static Map<String, StoredResult> failures(List<StoredResult> results) {
        Map<String, StoredResult> out = new LinkedHashMap<>();
        for (StoredResult r : results) if (r.status() == Status.FAIL) out.putIfAbsent(r.findingId(), r);
        return out;
    }

    /** The fields that differ between two JSON documents, in path order. */
    public static List<FieldDiff> diff(String before, String after) {
        try {
            List<FieldDiff> out = new ArrayList<>();
            diff("", JdbcStore.JSON.readTree(before), JdbcStore.JSON.readTree(after), out);
            return out;
        } catch (JsonProcessingException e) {
            throw new StoreException("malformed canonical JSON in the store: " + e.getOriginalMessage(), e);
        }
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<FieldDiff> out) {
        if (a != null && a.equals(b)) return;
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) diff(path.isEmpty() ? n : path + "." + n, a.get(n), b.get(n), out);
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) diff(path + "[" + i + "]", a.get(i), b.get(i), out);
        } else {
            out.add(new FieldDiff(path, text(a), text(b)));
        }
    }

    private static String text(JsonNode n) {
        return n == null ? null : n.toString();
    }

    /**
     * The scans to compare when the user named some, none or one: {@code to} defaults to the latest
     * complete scan (after {@code from}, of the same accounts, when {@code from} is given), {@code from}
     * to the latest complete scan before {@code to} of the same accounts.
     *
     * @throws StoreException naming what is missing
     */
    public static Pair pick(List<ScanRecord> scans, Long fromId, Long toId) {
        ScanRecord from = fromId == null ? null : find(scans, fromId);
        ScanRecord to = toId == null ? null : find(scans, toId);
        if (to == null) {
            ScanRecord f = from;
            to = scans.stream().filter(ScanRecord::complete)
                    .filter(s -> f == null || (s.id() > f.id() && new TreeSet<>(s.accounts()).equals(new TreeSet<>(f.accounts()))))
                    .max(Comparator.comparingLong(ScanRecord::id))
                    .orElseThrow(() -> new StoreException(f == null ? "no complete scan recorded yet"
                            : "no complete scan of the same accounts after scan " + f.id()));
        }
        if (from == null) {
            ScanRecord t = to;
            from = scans.stream().filter(ScanRecord::complete)
                    .filter(s -> s.id() < t.id() && new TreeSet<>(s.accounts()).equals(new TreeSet<>(t.accounts())))
                    .max(Comparator.comparingLong(ScanRecord::id))
                    .orElseThrow(() -> new StoreException("no complete scan of the same accounts before scan " + t.id() + " to compare with"));
        }
        if (from.id() == to.id()) throw new StoreException("--from and --to are the same scan (" + from.id() + ")");
        return new Pair(from, to);
    }

    private static ScanRecord find(List<ScanRecord> scans, long id) {
        Optional<ScanRecord> s = scans.stream().filter(x -> x.id() == id).findFirst();
        ScanRecord scan = s.orElseThrow(() -> new StoreException("no scan " + id + " in the store"));
        if (!scan.complete()) throw new StoreException("scan " + id + " is incomplete (interrupted); it cannot be compared");
        return scan;
    }

    public record Pair(ScanRecord from, ScanRecord to) {
    }
}
