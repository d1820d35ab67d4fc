package dev.vigil.store;

import dev.vigil.model.Severity;
import dev.vigil.model.Status;

/** One result of a stored scan. */
public record StoredResult(String findingId, String ruleId, Severity severity, Status status, String reason, String resourceType,
                           String resourceId, String resourceName, String account, String region) {
}
