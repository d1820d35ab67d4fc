package dev.vigil.store;

import dev.vigil.model.Severity;
import java.time.Instant;

/**
 * A finding: one rule failing on one resource, followed across scans under its stable id
 * ({@code Result.findingId()}). {@code lastSeen} is the last scan that saw it fail;
 * {@code resolvedAt} is set while it is RESOLVED.
 */
public record Finding(String id, String ruleId, String provider, String resourceType, String resourceId, String resourceName,
                      String account, String region, FindingStatus status, Severity severity, String reason,
                      Instant firstSeen, Instant lastSeen, Instant resolvedAt, long firstScanId, long lastScanId) {
}
