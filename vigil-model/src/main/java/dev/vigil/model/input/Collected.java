package dev.vigil.model.input;

import dev.vigil.model.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an input produced: canonical resources, the gaps in what it could see, the input types it
 * read but Vigil does not model (counted, never silently dropped), and the moment the data
 * describes (a snapshot's capture time; {@code null} for "now"), for live collections their
 * statistics ({@code null} for files), the inline suppressions written in the files (IaC), and the
 * files that could not be read (the rest were).
 */
public record Collected(List<Resource> resources, List<CoverageGap> gaps, Map<String, Long> unmodelled, Instant describesTime,
                        List<String> files, CollectionStats stats, List<InlineSuppression> suppressions, List<BadFile> badFiles) {

    public Collected {
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
        badFiles = badFiles == null ? List.of() : List.copyOf(badFiles);
    }

    public Collected(List<Resource> resources, List<CoverageGap> gaps, Map<String, Long> unmodelled, Instant describesTime,
                     List<String> files, CollectionStats stats) {
        this(resources, gaps, unmodelled, describesTime, files, stats, List.of(), List.of());
    }

    /** What a file input produced: no live collection statistics. */
    public Collected(List<Resource> resources, List<CoverageGap> gaps, Map<String, Long> unmodelled, Instant describesTime, List<String> files) {
        this(resources, gaps, unmodelled, describesTime, files, null);
    }
}
