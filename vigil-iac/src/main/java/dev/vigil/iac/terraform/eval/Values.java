package dev.vigil.iac.terraform.eval;

import dev.vigil.iac.Unresolved;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Terraform values as plain Java: String, Long, Double, Boolean, null, List, Map (insertion
 * ordered), {@link Unresolved}, and {@link Instance} for a resource instance being referred to.
 * Conversions follow Terraform's: numbers and booleans convert to strings and back when asked.
 */
public final class Values {
    private Values() {
    }

    /** A failure Terraform would report while evaluating (a missing key, a wrong type); {@code try()} catches it. */
    public static final class EvalError extends RuntimeException {
        public EvalError(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A resource, data source or module instance referred to from an expression. A resource's
     * configured attributes are known; the others, and those configured as null (which leaves an
     * optional attribute to the provider, a bucket's generated name for one), are computed at apply.
     * A module's attributes are its outputs, and a null output is null.
     */
    public record Instance(String address, Map<String, Object> attributes, boolean resource) {
        public Instance(String address, Map<String, Object> attributes) {
            this(address, attributes, true);
        }

        public Object get(String name) {
            Object v = attributes.get(name);
            if (v != null || !resource && attributes.containsKey(name)) return v;
            return new Unresolved(address + "." + name + " is known only after apply", address);
        }
    }

    public static Object normalize(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) return n.longValue();
        double d = n.doubleValue();
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) return (long) d;
        return d;
    }

    public static String str(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof Long l) return l.toString();
        if (v instanceof Double d) return d == Math.rint(d) && Math.abs(d) < 9.0e15 ? Long.toString(d.longValue()) : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        if (v instanceof Number n) return str(normalize(n));
        if (v == null) throw new EvalError("a null value cannot be used as a string");
        throw new EvalError("a " + typeName(v) + " cannot be used as a string");
    }

    public static Object num(Object v) {
        if (v instanceof Number n) return normalize(n);
        if (v instanceof String s) {
            try {
                return normalize(new BigDecimal(s.trim()).doubleValue());
            } catch (NumberFormatException e) {
                throw new EvalError("'" + s + "' is not a number");
            }
        }
        throw new EvalError("a " + typeName(v) + " is not a number");
    }

    public static double dbl(Object v) {
        return ((Number) num(v)).doubleValue();
    }

    public static long integer(Object v) {
        Object n = num(v);
        if (n instanceof Long l) return l;
        double d = (Double) n;
        if (d != Math.rint(d)) throw new EvalError(str(d) + " is not a whole number");
        return (long) d;
    }

    public static boolean bool(Object v) {
        if (v instanceof Boolean b) return b;
        if (v instanceof String s && (s.equals("true") || s.equals("false"))) return Boolean.parseBoolean(s);
        throw new EvalError("a " + typeName(v) + " is not a bool");
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object v) {
        if (v instanceof List<?> l) return (List<Object>) l;
        if (v instanceof Map<?, ?> m) return new ArrayList<>((java.util.Collection<Object>) m.values());
        throw new EvalError("a " + typeName(v) + " is not a list");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object v) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        if (v instanceof Instance i) return i.attributes();
        throw new EvalError("a " + typeName(v) + " is not a map");
    }

    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    public static String typeName(Object v) {
        if (v == null) return "null";
        if (v instanceof String) return "string";
        if (v instanceof Number) return "number";
        if (v instanceof Boolean) return "bool";
        if (v instanceof List<?>) return "list";
        if (v instanceof Map<?, ?> || v instanceof Instance) return "object";
        return v.getClass().getSimpleName();
    }

    /** Terraform equality: numbers by value, collections deeply. */
    public static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!equal(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) return false;
            for (Object k : x.keySet()) if (!equal(x.get(k), y.get(k))) return false;
            return true;
        }
        return Objects.equals(a, b);
    }

    /** The value with any {@link Instance} turned into its map of known attributes (for output trees). */
    public static Object plain(Object v) {
        if (v instanceof Instance i) return plain(i.attributes());
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), plain(e.getValue()));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(plain(o));
            return out;
        }
        if (v instanceof Number n) return normalize(n);
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Unresolved) return v;
        // a bare name space (var, aws_s3_bucket) or anything else that is not a Terraform value
        return Unresolved.because("not a value: " + v);
    }

    /** The first {@link Unresolved} anywhere inside {@code v} (instances count as known), or null. */
    public static Unresolved unresolvedIn(Object v) {
        if (v instanceof Unresolved u) return u;
        if (v instanceof Map<?, ?> m) {
            for (Object o : m.values()) {
                Unresolved u = unresolvedIn(o);
                if (u != null) return u;
            }
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                Unresolved u = unresolvedIn(o);
                if (u != null) return u;
            }
        }
        return null;
    }
}
