package dev.vigil.iac.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON value with the lines it spans (1-based, inclusive). Maps keep their keys in
 * source order, each key with the line it is written on; both readers produce this tree so that
 * splitting documents into objects, line ranges and annotation lines is done once.
 *
 * @param value a {@code Map<String, SourceValue>}, a {@code List<SourceValue>}, a String, Long,
 *              Double, Boolean, or {@code null}
 */
record SourceValue(Object value, int line, int endLine, Map<String, Integer> keyLines) {

    SourceValue(Object value, int line, int endLine) {
        this(value, line, endLine, Map.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, SourceValue> map() {
        return value instanceof Map<?, ?> m ? (Map<String, SourceValue>) m : null;
    }

    @SuppressWarnings("unchecked")
    List<SourceValue> list() {
        return value instanceof List<?> l ? (List<SourceValue>) l : null;
    }

    /** The child at {@code key} of a map, or {@code null}. */
    SourceValue get(String key) {
        Map<String, SourceValue> m = map();
        return m == null ? null : m.get(key);
    }

    /** The scalar as a string, or {@code null} when absent or not a scalar. */
    String text() {
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : value.toString();
    }
}
