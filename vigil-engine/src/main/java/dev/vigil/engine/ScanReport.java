package dev.vigil.engine;

import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.CollectionStats;
import dev.vigil.model.input.CoverageGap;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a scan, everything a writer needs and nothing it has to recompute: results sorted
 * most severe first, coverage gaps, input types read but not modelled, and the parameter values
 * each rule ran with.
 */
public record ScanReport(
        List<String> files,
        List<String> skippedFiles,
        int resources,
        Map<String, Long> resourcesByType,
        Map<String, Long> unmodelled,
        List<CoverageGap> gaps,
        List<Result> results,
        Map<String, Map<String, Object>> parameters,
        int rulesEvaluated,
        Instant evaluatedAsOf,
        Instant startedAt,
        Duration duration,
        /** Wall time per stage, in pipeline order: collect (live inputs), discover, read, index, evaluate. */
        Map<String, Duration> stageTimes,
        /** Statistics of the live collection, or {@code null} when only files were scanned. */
        CollectionStats collection,
        /** Files that could not be read, each with its one-line reason; the rest of the scan went on. */
        List<BadFile> badFiles) {

    public ScanReport {
        badFiles = badFiles == null ? List.of() : List.copyOf(badFiles);
    }

    public ScanReport(List<String> files, List<String> skippedFiles, int resources, Map<String, Long> resourcesByType,
                      Map<String, Long> unmodelled, List<CoverageGap> gaps, List<Result> results, Map<String, Map<String, Object>> parameters,
                      int rulesEvaluated, Instant evaluatedAsOf, Instant startedAt, Duration duration, Map<String, Duration> stageTimes,
                      CollectionStats collection) {
        this(files, skippedFiles, resources, resourcesByType, unmodelled, gaps, results, parameters, rulesEvaluated, evaluatedAsOf,
                startedAt, duration, stageTimes, collection, List.of());
    }

    /** The same report with other results (marked against a baseline, for instance). */
    public ScanReport withResults(List<Result> other) {
        return new ScanReport(files, skippedFiles, resources, resourcesByType, unmodelled, gaps, other, parameters, rulesEvaluated,
                evaluatedAsOf, startedAt, duration, stageTimes, collection, badFiles);
    }

    public Map<Status, Long> countsByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) counts.put(s, 0L);
        for (Result r : results) counts.merge(r.status(), 1L, Long::sum);
        return counts;
    }

    /** True when a FAIL at {@code threshold} or more severe remains that nothing suppresses (inline, exception or baseline). */
    public boolean failsAtOrAbove(Severity threshold) {
        return results.stream().anyMatch(r -> r.actionableFailure() && r.severity().atLeast(threshold));
    }
}
