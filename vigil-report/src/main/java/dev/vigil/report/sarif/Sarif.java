package dev.vigil.report.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The subset of the SARIF 2.1.0 object model Vigil writes, one record per SARIF object, named as
 * the specification names them. Absent ({@code null}) members are left out of the JSON.
 */
final class Sarif {
    private Sarif() {
    }

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String VERSION = "2.1.0";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"$schema", "version", "runs"})
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Run(Tool tool, List<Invocation> invocations, List<Result> results, Map<String, ArtifactLocation> originalUriBaseIds,
               String columnKind) {
    }

    record Tool(Driver driver) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Driver(String name, String version, String semanticVersion, String informationUri, List<Rule> rules) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rule(String id, String name, Text shortDescription, Text fullDescription, Help help, String helpUri,
                Configuration defaultConfiguration, RuleProperties properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Text(String text) {
    }

    record Help(String text, String markdown) {
    }

    record Configuration(String level) {
    }

    /** {@code security-severity} is GitHub's: a number as a string, which it maps to Critical/High/Medium/Low. */
    @JsonPropertyOrder({"tags", "precision", "security-severity"})
    record RuleProperties(List<String> tags, String precision, @JsonProperty("security-severity") String securitySeverity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String ruleId, int ruleIndex, String kind, String level, Text message, List<Location> locations,
                  Map<String, String> partialFingerprints, List<Suppression> suppressions, String baselineState,
                  Map<String, Object> properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Location(PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ArtifactLocation(String uri, String uriBaseId) {
    }

    record Region(int startLine, int endLine) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LogicalLocation(String name, String fullyQualifiedName, String kind) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Suppression(String kind, String status, String justification, Map<String, String> properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Notification(String level, Text message, List<Location> locations) {
    }
}
