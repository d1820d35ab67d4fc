package dev.vigil.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The YAML shape of a rule file, as Jackson binds it; {@link RuleLoader} validates it into a {@link Rule}. */
record RuleFile(
        String id,
        String title,
        String description,
        String risk,
        String resource,
        String severity,
        List<String> categories,
        String check,
        String message,
        Map<String, Object> params,
        Remediation remediation,
        List<ExampleFile> examples) {

    record Remediation(String text, String console, String cli, String terraform) {
    }

    record ExampleFile(String name, String expect, Map<String, Object> resource, Map<String, String> unknowns,
                       Map<String, Object> params, List<InventoryFile> inventory, List<RelationFile> relations) {
    }

    record RelationFile(String kind, String type, String id) {
    }

    record InventoryFile(String type, Map<String, Object> resource, @JsonProperty("related") Boolean related, Map<String, String> unknowns) {
    }
}
