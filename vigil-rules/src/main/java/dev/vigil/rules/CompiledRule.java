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
}
