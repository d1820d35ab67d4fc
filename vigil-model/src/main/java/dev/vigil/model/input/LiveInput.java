package dev.vigil.model.input;

/**
 * An input read from a provider's APIs rather than from files (a live AWS account). The engine
 * runs it as the collect stage, before any file input is read.
 */
public interface LiveInput {

    /** Stable id, e.g. {@code aws-live}. */
    String id();

    /**
     * Reads what the input can reach. Failures of single APIs, regions or services become
     * {@link CoverageGap}s and resource failures; only a failure that leaves nothing to scan (the
     * caller cannot be identified) throws.
     *
     * @throws InputException when nothing at all can be collected
     */
    Collected collect();
}
