package dev.vigil.model.schema;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns canonical records (and loosely typed JSON/YAML trees) into the plain documents that rules
 * evaluate: {@code Map<String,Object>}, {@code List}, {@code String}, {@code Long}, {@code Double},
 * {@code Boolean}. Integers widen to {@code Long} because CEL's int is 64-bit; null components are
 * left out, because in a canonical document absence means "unknown".
 */
public final class Documents {
    private Documents() {
    }

    public static Map<String, Object> of(Record record) {
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) convert(record);
        return doc;
    }

    /** Normalizes any JSON-like tree (as Jackson or a YAML parser returns it). */
    public static Object normalize(Object value) {
        return convert(value);
    }

    private static Object convert(Object value) {
        if (value == null) return null;
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) return value;
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) return ((Number) value).longValue();
        if (value instanceof java.math.BigInteger b) return b.longValue();
        if (value instanceof Number n) return n.doubleValue();
        if (value instanceof Enum<?> e) return e.toString();
        if (value instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    Object v = convert(c.getAccessor().invoke(r));
                    if (v != null) out.put(c.getName(), v);
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), ex);
                }
            }
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : m.entrySet()) {
                Object v = convert(e.getValue());
                if (v != null) out.put(String.valueOf(e.getKey()), v);
            }
            return out;
        }
        if (value instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            for (Object o : it) out.add(convert(o));
            return out;
        }
        return value.toString();
    }
}
