package dev.vigil.store;

import java.time.Instant;
import java.util.List;

/**
 * A scan as stored. {@code status} is {@code complete} once everything of the scan was committed;
 * a scan left {@code incomplete} was interrupted and changed nothing else. {@code notes} are what
 * the scan has to report beside its counts, one line each ("exception 3 expired on 2026-11-03: ...").
 */
public record ScanRecord(long id, Instant started, Instant finished, Instant recorded, String status, List<String> inputs,
                         List<String> accounts, List<String> regions, String parametersJson, String catalogVersion,
                         long resources, long results, long passed, long failed, long errors, long unknown, long gaps,
                         List<String> notes) {

    public ScanRecord(long id, Instant started, Instant finished, Instant recorded, String status, List<String> inputs,
                      List<String> accounts, List<String> regions, String parametersJson, String catalogVersion,
                      long resources, long results, long passed, long failed, long errors, long unknown, long gaps) {
        this(id, started, finished, recorded, status, inputs, accounts, regions, parametersJson, catalogVersion, resources, results,
                passed, failed, errors, unknown, gaps, List.of());
    }

    public boolean complete() {
        return "complete".equals(status);
    }
}
