package dev.vigil.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources of one scan, indexed for the questions rules ask: all resources of a type in an
 * account, and the resources related to one resource (relations are followed in both directions).
 * Immutable once built; safe for concurrent readers.
 */
public final class Inventory {
    private final List<Resource> resources;
    private final Map<String, Resource> byId = new HashMap<>();
    private final Map<String, List<Resource>> byAccountAndType = new HashMap<>();
    private final Map<String, Set<String>> neighbours = new HashMap<>();

    public Inventory(Collection<Resource> resources) {
        this.resources = List.copyOf(resources);
        for (Resource r : this.resources) {
            byId.putIfAbsent(r.id(), r);
            byAccountAndType.computeIfAbsent(r.account() + "|" + r.type(), k -> new ArrayList<>()).add(r);
        }
        for (Resource r : this.resources) {
            for (Relation rel : r.relations()) {
                neighbours.computeIfAbsent(r.id(), k -> new LinkedHashSet<>()).add(rel.targetId());
                neighbours.computeIfAbsent(rel.targetId(), k -> new LinkedHashSet<>()).add(r.id());
            }
        }
    }

    public List<Resource> all() {
        return resources;
    }

    public Resource byId(String id) {
        return byId.get(id);
    }

    /** Every resource of {@code type} in {@code account}, in input order. */
    public List<Resource> ofType(String account, String type) {
        return byAccountAndType.getOrDefault(account + "|" + type, List.of());
    }

    /** Per account and type: each string value found anywhere in a resource's properties, to the resources holding it. Built on first use. */
    private final java.util.concurrent.ConcurrentHashMap<String, ValueIndex> byValue = new java.util.concurrent.ConcurrentHashMap<>();

    /** The resources of one type by the strings they hold, and those with unknown or failed properties, which might hold any. */
    private record ValueIndex(Map<String, List<Resource>> holding, List<Resource> uncertain) {
    }

    /**
     * The resources of {@code type} in {@code account} whose properties hold the string
     * {@code value} anywhere (a security group id in another group's rules, a key id in a
     * volume), plus those with unknown or failed properties, which might hold it where Vigil could
     * not see: candidates for a rule to check exactly, found through an index rather than by
     * reading every resource of the type for every subject. The uncertain ones keep the rule's
     * answer UNKNOWN where it was, rather than a FAIL that assumed they do not hold it.
     */
    public List<Resource> referencing(String account, String type, String value) {
        ValueIndex index = byValue.computeIfAbsent(account + "|" + type, k -> {
            Map<String, List<Resource>> holding = new HashMap<>();
            List<Resource> uncertain = new ArrayList<>();
            for (Resource r : ofType(account, type)) {
                if (!r.unknowns().isEmpty() || !r.failures().isEmpty()) {
                    uncertain.add(r);
                    continue;
                }
                Set<String> values = new java.util.HashSet<>();
                strings(r.properties(), values);
                for (String v : values) holding.computeIfAbsent(v, x -> new ArrayList<>()).add(r);
            }
            return new ValueIndex(holding, uncertain);
        });
        List<Resource> found = index.holding().getOrDefault(value, List.of());
        if (index.uncertain().isEmpty()) return found;
        List<Resource> out = new ArrayList<>(found);
        out.addAll(index.uncertain());
        return out;
    }

    private static void strings(Object node, Set<String> out) {
        if (node instanceof String s) out.add(s);
        else if (node instanceof Map<?, ?> m) m.values().forEach(v -> strings(v, out));
        else if (node instanceof java.util.Collection<?> c) c.forEach(v -> strings(v, out));
    }

    /** The resources of {@code type} that {@code subject} points to or that point to it. */
    public List<Resource> related(Resource subject, String type) {
        List<Resource> out = new ArrayList<>();
        for (String id : neighbours.getOrDefault(subject.id(), Set.of())) {
            Resource other = byId.get(id);
            if (other != null && other.type().equals(type)) out.add(other);
        }
        return out;
    }
}
