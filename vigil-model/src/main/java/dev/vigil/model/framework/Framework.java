package dev.vigil.model.framework;

import java.util.List;

/**
 * A compliance framework as data: its requirements and, for each, the rule ids that evidence it.
 * A requirement with no rule is assessed manually.
 */
public record Framework(String id, String name, String version, String provider, String description, List<Requirement> requirements) {

    public record Requirement(
            String id,
            String title,
            String section,
            /** Profile level, e.g. 1 or 2 for CIS; 0 when the framework has no levels. */
            int level,
            /** The standard itself calls the requirement automated (as opposed to manual). */
            boolean automated,
            List<String> rules) {

        public boolean manual() {
            return rules.isEmpty();
        }
    }
}
