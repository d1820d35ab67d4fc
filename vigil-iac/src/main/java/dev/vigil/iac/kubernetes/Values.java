package dev.vigil.iac.kubernetes;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of manifest values that {@link Attrs} does not offer: string maps, and lists that default to empty. */
final class Values {
    private Values() {
    }

    /**
     * A map of strings (labels, annotations, selectors, resource quantities); empty when absent,
     * {@code null} and unknown when it or any of its values is a template expression.
     */
    static Map<String, String> stringMap(Attrs a, String key, String target) {
        Object raw = a.raw(key);
        if (raw instanceof Unresolved u) {
            a.unknown(target, u.reason());
            return null;
        }
        if (!(raw instanceof Map<?, ?> m)) return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            if (e.getValue() instanceof Unresolved u) {
                a.unknown(target, u.reason());
                return null;
            }
            if (e.getValue() != null && !(e.getValue() instanceof Map<?, ?>) && !(e.getValue() instanceof List<?>)) {
                out.put(String.valueOf(e.getKey()), text(e.getValue()));
            }
        }
        return out;
    }

    /**
     * The nested object under {@code key}: an empty one when absent (every field then takes its
     * default), {@code null} when it is a template expression (recorded against {@code target}), so
     * that no default stands in for what the template hides.
     */
    static Attrs block(Attrs a, String key, String target) {
        if (a.raw(key) instanceof Unresolved u) {
            a.unknown(target, u.reason());
            return null;
        }
        return a.block(key, target);
    }

    /** A list of strings, empty when absent (Kubernetes' default for every list it reads). */
    static List<String> strings(Attrs a, String key, String target) {
        if (!a.has(key)) return List.of();
        return a.strings(key, target);
    }

    /** The keys of the maps under {@code keys} (never their values); {@code null} and unknown when one of them is a template expression. */
    static List<String> keysOf(Attrs a, String target, String... keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (a.raw(k) instanceof Unresolved u) {
                a.unknown(target, u.reason());
                return null;
            }
            if (a.raw(k) instanceof Map<?, ?> m) m.keySet().forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    static String text(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) return Long.toString(d.longValue());
        return String.valueOf(v);
    }
}
