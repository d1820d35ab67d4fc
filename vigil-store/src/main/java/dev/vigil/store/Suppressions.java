package dev.vigil.store;

import dev.vigil.model.Result;
import java.time.Instant;

/**
 * The seam for exceptions: whether an accepted risk covers a failing result at a time. The store
 * asks it for every FAIL; a covered finding is SUPPRESSED (not resolved). Exceptions (scope,
 * reason, owner, approver, expiry) will implement it; until then nothing is suppressed.
 */
@FunctionalInterface
public interface Suppressions {
    Suppressions NONE = (result, at) -> false;

    boolean covers(Result result, Instant at);
}
