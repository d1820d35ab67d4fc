package dev.vigil.store;

import dev.vigil.model.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * One episode of a finding from the scan that found it failing (first, or again after it was
 * resolved) to the scan that resolved it; {@code severity} is the finding's at resolution.
 */
public record Remediation(String findingId, String ruleId, Severity severity, Instant opened, Instant resolved) {
    public Duration took() {
        return Duration.between(opened, resolved);
    }
}
