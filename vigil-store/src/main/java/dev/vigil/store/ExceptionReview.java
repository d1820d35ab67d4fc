package dev.vigil.store;

import java.util.List;

/**
 * What needs a person's look: active exceptions that expire within the days asked for, soonest
 * first, and active exceptions that match no current finding any more (nothing they cover still
 * fails: the risk went away, or the scope is wrong).
 */
public record ExceptionReview(int withinDays, List<ExceptionRecord> expiring, List<ExceptionRecord> unmatched) {
}
