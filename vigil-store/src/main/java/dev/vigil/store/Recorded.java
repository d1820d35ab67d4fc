package dev.vigil.store;

/** What recording a scan changed: the scan's id and how many findings moved where. */
public record Recorded(long scanId, int opened, int reopened, int resolved, int suppressed, int severityChanged) {
}
