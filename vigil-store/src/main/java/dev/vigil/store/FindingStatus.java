package dev.vigil.store;

/** Where a finding is in its lifecycle. SUPPRESSED is not resolved: the failure is still there. */
public enum FindingStatus {
    OPEN, RESOLVED, REOPENED, SUPPRESSED;

    /** True while the failure stands and nobody excused it. */
    public boolean active() {
        return this == OPEN || this == REOPENED;
    }
}
