package dev.vigil.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The exceptions of a store (see {@link Store#exceptions()}). Every change is written to the
 * append-only audit log with who made it and when, in the same transaction as the change. The
 * store's scans consult them through {@link ActiveExceptions}, a {@link Suppressions}.
 */
public interface Exceptions {

    /**
     * Adds an exception. Refused ({@link StoreException}, nothing written) without a reason, without
     * an expiry, or with an expiry that is not after now.
     */
    ExceptionRecord add(ExceptionScope scope, String reason, String owner, String approver, Instant expires);

    /** Every exception, revoked and expired ones too, by id. */
    List<ExceptionRecord> list();

    Optional<ExceptionRecord> get(long id);

    /** Revokes an exception: it stops covering from the next scan. Refused without a reason, or when unknown or already revoked. */
    ExceptionRecord revoke(long id, String reason);

    /** The exceptions to look at: those expiring within {@code withinDays} days of now and those matching no current finding. */
    ExceptionReview review(int withinDays);
}
