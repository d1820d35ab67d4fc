package dev.vigil.model.input;

import java.util.Set;

/**
 * Something a scan could not see, and why. Reports list every gap beside the results.
 *
 * <p>A gap that names resource types ({@code types}) in an account (and optionally a region) is
 * also evidence against every rule that looks at those types there. When the input failed to look
 * ({@code failed}), the engine gives one {@code ERROR} result per affected rule and scope; either
 * way, the results of rules that look across resources of a hidden type become {@code ERROR}
 * (failed) or {@code UNKNOWN} (not looked at). A gap without types is informational (the rules
 * it touches are already UNKNOWN through the resources' own unknowns).
 *
 * @param scope   human description, e.g. {@code 123456789012 eu-west-1 ec2}
 * @param reason  what went wrong, with the API and error code for live scans
 * @param account the account affected, or empty
 * @param region  the region affected, or empty for all regions of the account
 * @param types   the canonical resource types that could not be listed there
 * @param failed  true when the input tried and failed (ERROR); false when it did not look by
 *                design, a service left out of the scan for instance (UNKNOWN)
 */
public record CoverageGap(String scope, String reason, String account, String region, Set<String> types, boolean failed) {

    public CoverageGap {
        account = account == null ? "" : account;
        region = region == null ? "" : region;
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** An informational gap: reported, with no results of its own. */
    public CoverageGap(String scope, String reason) {
        this(scope, reason, "", "", Set.of(), false);
    }

    /** True when this gap hides resources of {@code type} in the given account and region. */
    public boolean hides(String type, String account, String region) {
        return types.contains(type) && this.account.equals(account) && (this.region.isEmpty() || this.region.equals(region));
    }
}
