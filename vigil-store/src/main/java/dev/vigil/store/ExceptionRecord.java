package dev.vigil.store;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * An exception as stored: an accepted risk over a {@link ExceptionScope}, with why, who owns it,
 * who approved it, and until when. It covers a FAIL of a scan that started before {@code expires},
 * unless it was revoked. {@code revokedAt} and the rest of the revocation are {@code null} while it
 * stands.
 */
public record ExceptionRecord(long id, ExceptionScope scope, String reason, String owner, String approver, Instant created,
                              String createdBy, Instant expires, Instant revokedAt, String revokedBy, String revokeReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Whether it covers a scan that started at {@code at}. */
    public boolean activeAt(Instant at) {
        return !revoked() && at.isBefore(expires);
    }

    /** {@code active}, {@code expired} or {@code revoked}, at a time. */
    public String state(Instant now) {
        return revoked() ? "revoked" : now.isBefore(expires) ? "active" : "expired";
    }

    /** The expiry as a person writes it: the date when it is midnight UTC, else the instant. */
    public String expiresText() {
        return text(expires);
    }

    static String text(Instant t) {
        var utc = t.atOffset(ZoneOffset.UTC);
        return utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? utc.toLocalDate().toString() : t.toString();
    }
}
