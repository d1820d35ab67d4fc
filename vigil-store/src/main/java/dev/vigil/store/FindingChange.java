package dev.vigil.store;

import dev.vigil.model.Severity;
import java.time.Instant;

/**
 * One change of a finding's status or severity, made by a scan. {@code from} is {@code null} on the
 * change that created the finding. {@code cause} says why: {@code fail}, {@code pass},
 * {@code gone} (its resource is no longer there), {@code severity}, {@code suppressed}, {@code expired} and
 * {@code revoked} (the exception that suppressed it no longer covers it, so it is open again).
 */
public record FindingChange(String findingId, long scanId, Instant at, FindingStatus from, FindingStatus to,
                            Severity fromSeverity, Severity toSeverity, String cause) {
}
