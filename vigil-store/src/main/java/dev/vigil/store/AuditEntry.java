package dev.vigil.store;

import java.time.Instant;

/** One line of the append-only audit log; {@code detail} is JSON. */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, String detail) {
}
