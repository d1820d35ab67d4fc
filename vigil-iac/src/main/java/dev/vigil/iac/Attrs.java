package dev.vigil.iac;

import dev.vigil.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one IaC resource's attribute tree (maps, lists, strings, numbers, booleans and
 * {@link Unresolved}) for a mapper, and keeps the ledger of what could not be known.
 *
 * <p>Every typed read names the canonical property it feeds ({@code target}). When the source value
 * is {@link Unresolved}, the read returns {@code null} and records {@code target -> reason} in
 * {@link #unknowns()}, which becomes the resource's {@code unknowns}: the rules that read that
 * property are UNKNOWN. An absent value returns {@code null} and records nothing: in IaC, absent
 * means the provider's default, which the mapper states explicitly.
 *
 * <p>Nested blocks may arrive as a list of maps (Terraform, plan JSON) or a single map
 * (CloudFormation); {@link #blocks} accepts both. Child readers share the parent's ledger.
 */
public final class Attrs {
    private final Map<String, ?> tree;
    private final Map<String, String> unknowns;
    /** Source argument path ({@code metadata_options.http_tokens}) to where it is written; {@code null} when the input has no lines. */
    private final java.util.function.Function<String, Location> lines;
    private final String prefix;
    /** Canonical property to the place that set it: the second ledger, shared like {@code unknowns}. */
    private final Map<String, Location> locations;

    public Attrs(Map<String, ?> tree) {
        this(tree, new LinkedHashMap<>());
    }

    /**
     * A reader that also records where each canonical property it reads was written:
     * {@code lines} maps an argument path of this tree (nested blocks joined with dots, no
     * indexes) to its place, or to {@code null}.
     */
    public Attrs(Map<String, ?> tree, java.util.function.Function<String, Location> lines) {
        this(tree, new LinkedHashMap<>(), lines, "", new LinkedHashMap<>());
    }

    /**
     * A reader of a resource declared in {@code file}, whose arguments are written at {@code lines}
     * (argument path to 1-based line, as the IaC reader found them); no lines, no places.
     */
    public static Attrs declaredIn(Map<String, ?> tree, String file, Map<String, Integer> lines) {
        if (lines.isEmpty()) return new Attrs(tree);
        return new Attrs(tree, path -> {
            Integer line = lines.get(path);
            return line == null || line <= 0 ? null : new Location(file, line, line);
        });
    }

    private Attrs(Map<String, ?> tree, Map<String, String> unknowns, java.util.function.Function<String, Location> lines, String prefix,
                  Map<String, Location> locations) {
        this.tree = tree == null ? Map.of() : tree;
        this.unknowns = unknowns;
        this.lines = lines;
        this.prefix = prefix;
        this.locations = locations;
    }

    /** A reader that records into an existing ledger (a resource joined to the one being mapped). */
    public Attrs(Map<String, ?> tree, Map<String, String> unknowns) {
        this(tree, unknowns, null, "", new LinkedHashMap<>());
    }

    /** The attribute as it is, possibly {@link Unresolved}; {@code null} when absent. */
    public Object raw(String key) {
        return tree.get(key);
    }

    /** The attribute as it is, as {@link #raw(String)}, recording where it was written as the place of {@code target}. */
    public Object raw(String key, String target) {
        Object v = tree.get(key);
        if (v != null) place(key, target);
        return v;
    }

    public boolean has(String key) {
        return tree.get(key) != null;
    }

    /** True when the attribute is present but cannot be known statically. */
    public boolean unresolved(String key) {
        return tree.get(key) instanceof Unresolved;
    }

    public Map<String, ?> tree() {
        return tree;
    }

    public String string(String key, String target) {
        Object v = known(key, target);
        if (v == null) return null;
        if (v instanceof Map<?, ?> || v instanceof List<?>) return null;
        if (v instanceof Double d && d == Math.rint(d)) return Long.toString(d.longValue());
        return v.toString();
    }

    public String string(String key, String target, String fallback) {
        if (unresolved(key)) return string(key, target);
        String s = string(key, target);
        return s == null ? fallback : s;
    }

    /** Booleans written as {@code true} or {@code "true"} (HCL and YAML allow both). */
    public Boolean bool(String key, String target) {
        Object v = known(key, target);
        if (v instanceof Boolean b) return b;
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
        return null;
    }

    public Boolean bool(String key, String target, boolean fallback) {
        if (unresolved(key)) return bool(key, target);
        Boolean b = bool(key, target);
        return b == null ? fallback : b;
    }

    public Long number(String key, String target) {
        Object v = known(key, target);
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A list of strings (a single string counts as a list of one); {@code null} when any element is unresolved. */
    public List<String> strings(String key, String target) {
        Object v = known(key, target);
        if (v == null) return null;
        List<String> out = new ArrayList<>();
        for (Object o : v instanceof List<?> l ? l : List.of(v)) {
            if (o instanceof Unresolved u) {
                unknown(target, u.reason());
                return null;
            }
            if (o != null) out.add(o instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : o.toString());
        }
        return out;
    }

    /** The nested blocks (or objects) under {@code key}; an unresolved block list is recorded against {@code target}. */
    public List<Attrs> blocks(String key, String target) {
        Object v = known(key, target);
        List<Attrs> out = new ArrayList<>();
        if (v instanceof Map<?, ?> m) {
            out.add(child(m, key));
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) out.add(child(m, key));
                else if (o instanceof Unresolved u) unknown(target, u.reason());
            }
        }
        return out;
    }

    /** The first nested block under {@code key}, or an empty reader when there is none. */
    public Attrs block(String key, String target) {
        List<Attrs> b = blocks(key, target);
        return b.isEmpty() ? new Attrs(Map.of(), unknowns, lines, prefix + key + ".", locations) : b.get(0);
    }

    /** Records that {@code target} cannot be known, unless an earlier reason was already recorded. */
    public void unknown(String target, String reason) {
        unknowns.putIfAbsent(target, reason);
    }

    public Map<String, String> unknowns() {
        return unknowns;
    }

    /** Records where {@code key} is written as the place of {@code target}, when the input has lines. */
    private void place(String key, String target) {
        if (lines == null) return;
        Location at = lines.apply(prefix + key);
        if (at != null) locations.putIfAbsent(target, at);
    }

    /** Where the canonical properties read so far were written (those the input could place). */
    public Map<String, Location> locations() {
        return locations;
    }

    /** Takes the places another reader recorded (a split resource joined to this one), keeping those already known. */
    public void mergeLocations(Attrs other) {
        other.locations.forEach(locations::putIfAbsent);
    }

    private Object known(String key, String target) {
        Object v = tree.get(key);
        if (v != null) place(key, target);
        if (v instanceof Unresolved u) {
            unknown(target, u.reason());
            return null;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private Attrs child(Map<?, ?> m, String key) {
        return new Attrs((Map<String, ?>) m, unknowns, lines, prefix + key + ".", locations);
    }
}
