package dev.vigil.rules;

import dev.cel.runtime.CelRuntime;
import java.util.Set;

/**
 * A rule whose check has been parsed, type-checked and schema-checked. Immutable and safe to
 * evaluate from many threads at once.
 */
public record CompiledRule(Rule rule, CelRuntime.Program program, Set<FieldPaths.Read> reads, boolean usesInventory, boolean usesDates) {

    public String id() {
        return rule.id();
    }

    /** True when the check reads {@code path} (or a property under it) of resources of {@code type}, its subject's or others'. */
    public boolean reads(String type, String path) {
        for (FieldPaths.Read r : reads) {
            boolean typeMatches = r.self() ? rule.resourceType().equals(type) : r.type().equals(type);
            if (typeMatches && (r.path().equals(path) || r.path().startsWith(path + "."))) return true;
        }
        return false;
    }

    /** The resource types the check reads besides its subject's (through {@code related()} or {@code resources()}). */
    public Set<String> crossTypes() {
        Set<String> types = new java.util.TreeSet<>();
        for (FieldPaths.Read r : reads) if (!r.self()) types.add(r.type());
        return types;
    }
}
