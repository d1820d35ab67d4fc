package dev.vigil.store;

import java.util.List;

/**
 * What recording a scan changed: the scan's id, how many findings moved where, and the scan's
 * notes (exceptions that expired or were revoked and so stopped suppressing, one line each).
 */
public record Recorded(long scanId, int opened, int reopened, int resolved, int suppressed, int severityChanged, List<String> notes) {

    public Recorded(long scanId, int opened, int reopened, int resolved, int suppressed, int severityChanged) {
        this(scanId, opened, reopened, resolved, suppressed, severityChanged, List.of());
    }
}
