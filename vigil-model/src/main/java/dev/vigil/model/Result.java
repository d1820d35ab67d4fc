package dev.vigil.model;

import java.util.Objects;

/**
 * One rule evaluated on one resource. Every status carries a reason a person can act on: what
 * failed, or why Vigil could not tell.
 *
 * @param location   the file and lines the resource is declared at (IaC), or {@code null}
 * @param suppressed why the result is not to be acted on, or {@code null}; never changes the status
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
        String origin,
        Location location,
        Suppressed suppressed) {

    public Result {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }

    public Result(String ruleId, Severity severity, Status status, String reason, String resourceType, String resourceId,
                  String resourceName, String provider, String account, String region, String origin) {
        this(ruleId, severity, status, reason, resourceType, resourceId, resourceName, provider, account, region, origin, null, null);
    }

    public static Result of(String ruleId, Severity severity, Status status, String reason, Resource r) {
        return new Result(ruleId, severity, status, reason, r.type(), r.id(), r.name(), r.provider(),
                r.account(), r.region(), r.origin() == null ? "" : r.origin().describe(), Location.of(r.origin()), null);
    }

    /** The same result at another severity (an organization's override of the rule's own). */
    public Result withSeverity(Severity s) {
        return new Result(ruleId, s, status, reason, resourceType, resourceId, resourceName, provider, account, region, origin, location, suppressed);
    }

    /** The same result marked suppressed. */
    public Result suppressedBy(Suppressed s) {
        return new Result(ruleId, severity, status, reason, resourceType, resourceId, resourceName, provider, account, region, origin, location, s);
    }

    /** The same result with another reason (a note appended, such as an expired suppression). */
    public Result withReason(String r) {
        return new Result(ruleId, severity, status, r, resourceType, resourceId, resourceName, provider, account, region, origin, location, suppressed);
    }

    /** The same result with another status and reason (a coverage gap overruling what the rule could see). */
    public Result withStatus(Status st, String r) {
        return new Result(ruleId, severity, st, r, resourceType, resourceId, resourceName, provider, account, region, origin, location, suppressed);
    }

    /** The same result pointing at another place (the line of the property its rule read). */
    public Result withLocation(Location l) {
        return new Result(ruleId, severity, status, reason, resourceType, resourceId, resourceName, provider, account, region, origin, l, suppressed);
    }

    /** True when the status is FAIL and nothing suppresses it: what exit-code gates count. */
    public boolean actionableFailure() {
        return status == Status.FAIL && suppressed == null;
    }

    /** The stable finding id of this (provider, account, region, rule, resource). */
    public String findingId() {
        return FindingId.of(provider, account, region, ruleId, resourceId);
    }
}
