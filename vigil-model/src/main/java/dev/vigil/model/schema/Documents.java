package dev.vigil.model.schema;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
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
    /** Accessors per record class, built once: looking them up per call dominated adapter time. */
    private static final ClassValue<Accessor[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessor[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Accessor[] out = new Accessor[components.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (int i = 0; i < components.length; i++) {
                try {
                    out[i] = new Accessor(components[i].getName(), lookup.unreflect(components[i].getAccessor()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("canonical record " + type.getName() + " must be public", e);
                }
            }
            return out;
        }
    };

    private record Accessor(String name, MethodHandle handle) {
    }

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
            for (Accessor a : ACCESSORS.get(r.getClass())) {
                Object v;
                try {
                    v = convert(a.handle().invoke(r));
                } catch (Throwable ex) {
                    throw new IllegalStateException("cannot read " + a.name() + " of " + r.getClass().getName(), ex);
                }
                if (v != null) out.put(a.name(), v);
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
