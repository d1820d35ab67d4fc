package dev.vigil.engine;

import dev.vigil.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to scan and how: the paths, the rule selection and the parameter values.
 *
 * @param severities  evaluate only rules of these severities; empty for all
 * @param ruleGlobs   evaluate only rules whose id matches one of these globs ({@code aws-s3-*}); empty for all
 * @param frameworks  evaluate only rules mapped to one of these framework ids; empty for all
 * @param parameters  rule id to parameter values overriding the rule's defaults
 * @param asOf        the evaluation time for age rules; {@code null} to use the time the inputs describe (a
 *                    snapshot's capture time) or else now
 * @param disabled    rule ids switched off (an organization profile's "does not apply here")
 * @param severityOverrides rule id to the severity its results carry instead of the rule's own
 */
public record ScanRequest(List<Path> paths, Set<Severity> severities, List<String> ruleGlobs, List<String> frameworks,
                          Map<String, Map<String, Object>> parameters, Instant asOf, Set<String> disabled,
                          Map<String, Severity> severityOverrides) {

    public ScanRequest {
        disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
        severityOverrides = severityOverrides == null ? Map.of() : Map.copyOf(severityOverrides);
    }

    public ScanRequest(List<Path> paths, Set<Severity> severities, List<String> ruleGlobs, List<String> frameworks,
                       Map<String, Map<String, Object>> parameters, Instant asOf) {
        this(paths, severities, ruleGlobs, frameworks, parameters, asOf, Set.of(), Map.of());
    }

    public static ScanRequest of(List<Path> paths) {
        return new ScanRequest(paths, Set.of(), List.of(), List.of(), Map.of(), null);
    }
}
