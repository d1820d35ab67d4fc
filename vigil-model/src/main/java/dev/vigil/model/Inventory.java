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
