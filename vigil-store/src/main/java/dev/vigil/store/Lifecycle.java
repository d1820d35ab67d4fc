package dev.vigil.store;

import dev.vigil.model.Status;

/**
 * The finding lifecycle as pure functions: the next status of a finding given its current one
 * ({@code null} when there is no finding yet) and what a scan said. {@code null} back means "no
 * finding" (a PASS on something that never failed). The store applies these and records every
 * change in the finding's history.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    /**
     * After a result of this scan.
     *
     * @param suppressed true when an exception covers the finding (see {@link Suppressions})
     */
    public static FindingStatus onResult(FindingStatus current, Status result, boolean suppressed) {
        return switch (result) {
            case FAIL -> {
                if (suppressed) yield FindingStatus.SUPPRESSED;
                if (current == null) yield FindingStatus.OPEN;
                yield switch (current) {
                    case OPEN, REOPENED -> current;
                    case RESOLVED -> FindingStatus.REOPENED;
                    // no longer covered by an exception: it never stopped failing, so it is open again, not reopened
                    case SUPPRESSED -> FindingStatus.OPEN;
                };
            }
            // fixed is fixed, excused or not
            case PASS -> current == null ? null : FindingStatus.RESOLVED;
            // Vigil could not tell: a finding neither opens nor resolves on that
            case ERROR, UNKNOWN -> current;
        };
    }

    /** After a scan that covered the finding's account and region and no longer saw its resource. */
    public static FindingStatus onResourceGone(FindingStatus current) {
        return current == null ? null : FindingStatus.RESOLVED;
    }
}
