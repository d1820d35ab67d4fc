package dev.vigil.model;

import java.util.Objects;

/**
 * One rule evaluated on one resource. Every status carries a reason a person can act on: what
 * failed, or why Vigil could not tell.
 */
public record Result(
        String ruleId,
        Severity severity,
        Status status,
        String reason,
        String resourceType,
        String resourceId,
        String resourceName,
        String provider,
        String account,
        String region,
        String origin) {

    public Result {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }

    public static Result of(String ruleId, Severity severity, Status status, String reason, Resource r) {
        return new Result(ruleId, severity, status, reason, r.type(), r.id(), r.name(), r.provider(),
                r.account(), r.region(), r.origin() == null ? "" : r.origin().describe());
    }

    /** The same result at another severity (an organization's override of the rule's own). */
    public Result withSeverity(Severity s) {
        return new Result(ruleId, s, status, reason, resourceType, resourceId, resourceName, provider, account, region, origin);
    }

    /** The stable finding id of this (provider, account, region, rule, resource). */
    public String findingId() {
        return FindingId.of(provider, account, region, ruleId, resourceId);
    }
}
