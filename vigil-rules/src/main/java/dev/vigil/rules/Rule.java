package dev.vigil.rules;

import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import java.util.List;
import java.util.Map;

/**
 * A rule as written in its YAML file: metadata, a CEL check over one canonical resource type, and
 * examples that prove it can pass and fail.
 *
 * @param check   a CEL expression that is {@code true} when the resource is compliant
 * @param message shown with a FAIL; {@code {name}}, {@code {id}}, {@code {region}},
 *                {@code {account}} and {@code {params.X}} are replaced
 * @param params  parameter defaults, readable in the check as {@code params.X}
 */
public record Rule(
        String id,
        String title,
        String description,
        String risk,
        String resourceType,
        Severity severity,
        List<String> categories,
        String check,
        String message,
        Map<String, Object> params,
        Remediation remediation,
        List<Example> examples,
        String source) {

    public record Remediation(String text, String console, String cli, String terraform) {
    }

    /**
     * A resource the rule must judge as {@code expect}. {@code unknowns} marks properties the
     * example's input would not tell; {@code inventory} lists other resources of the same account
     * (those with {@code related: true} are related to the subject, and {@code unknowns} marks what
     * their input would not tell); {@code relations} are further relations of the subject,
     * typically to resources outside the scan.
     */
    public record Example(String name, Status expect, Map<String, Object> resource, Map<String, String> unknowns,
                          Map<String, Object> params, List<InventoryItem> inventory, List<dev.vigil.model.Relation> relations) {
    }

    public record InventoryItem(String type, Map<String, Object> resource, boolean related, Map<String, String> unknowns) {
        public InventoryItem(String type, Map<String, Object> resource, boolean related) {
            this(type, resource, related, Map.of());
        }
    }
}
