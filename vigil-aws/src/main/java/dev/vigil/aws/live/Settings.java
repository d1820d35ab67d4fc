package dev.vigil.aws.live;

import dev.vigil.model.schema.Documents;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account-wide or region-wide settings of a scan ({@code aws.account}, {@code aws.region}),
 * filled in field by field by the collectors that can read them. A field no collector set is
 * unknown, one whose call failed is failed: neither reads as "off".
 */
public final class Settings {
    private final Map<String, Object> values = new TreeMap<>();
    private final Map<String, String> unknowns = new TreeMap<>();
    private final Map<String, String> failures = new TreeMap<>();

    /** Sets a top-level field; records become documents, as in every canonical resource. */
    public synchronized void put(String field, Object value) {
        Object v = value instanceof Record r ? Documents.of(r) : Documents.normalize(value);
        if (v != null) values.put(field, v);
        unknowns.remove(field);
        failures.remove(field);
    }

    public synchronized void unknown(String field, String reason) {
        if (!values.containsKey(field) && !failures.containsKey(field)) unknowns.put(field, reason);
    }

    public synchronized void fail(String field, String reason) {
        values.remove(field);
        unknowns.remove(field);
        failures.put(field, reason);
    }

    synchronized boolean touched(String field) {
        return values.containsKey(field) || unknowns.containsKey(field) || failures.containsKey(field);
    }

    synchronized Map<String, Object> values() {
        return new TreeMap<>(values);
    }

    synchronized Map<String, String> unknowns() {
        return new TreeMap<>(unknowns);
    }

    synchronized Map<String, String> failures() {
        return new TreeMap<>(failures);
    }
}
