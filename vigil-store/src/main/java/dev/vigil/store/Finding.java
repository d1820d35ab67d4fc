package dev.vigil.store;

import dev.vigil.model.Severity;
import java.time.Instant;

/**
 * A finding: one rule failing on one resource, followed across scans under its stable id
 * ({@code Result.findingId()}). {@code lastSeen} is the last scan that saw it fail;
 * {@code resolvedAt} is set while it is RESOLVED; {@code exceptionId} names the exception it is
 * SUPPRESSED by ({@code null} otherwise, and when something other than an exception suppressed it).
 */
public record Finding(String id, String ruleId, String provider, String resourceType, String resourceId, String resourceName,
                      String account, String region, FindingStatus status, Severity severity, String reason,
                      Instant firstSeen, Instant lastSeen, Instant resolvedAt, long firstScanId, long lastScanId, Long exceptionId) {

    /** A finding no exception suppresses. */
    public Finding(String id, String ruleId, String provider, String resourceType, String resourceId, String resourceName,
                   String account, String region, FindingStatus status, Severity severity, String reason,
                   Instant firstSeen, Instant lastSeen, Instant resolvedAt, long firstScanId, long lastScanId) {
        this(id, ruleId, provider, resourceType, resourceId, resourceName, account, region, status, severity, reason, firstSeen, lastSeen,
                resolvedAt, firstScanId, lastScanId, null);
    }
}
