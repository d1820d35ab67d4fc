package dev.vigil.model;

import java.time.Instant;

/** Where a resource's configuration was read from. */
public sealed interface Origin {

    /** A short human description, e.g. {@code snapshot.json.gz item 12}. */
    String describe();

    /** Read from a live API at a given time. */
    record Live(String api, Instant capturedAt) implements Origin {
        public String describe() { return api + " at " + capturedAt; }
    }

    /**
     * Declared in a file (IaC), lines inclusive, 1-based.
     *
     * @param properties where a canonical property was set (path to file and line), for the
     *                   properties the input could place; a result points at the line of the first
     *                   property its rule reads, else at the whole declaration
     */
    record FileRange(String file, int startLine, int endLine, java.util.Map<String, Location> properties) implements Origin {
        public FileRange {
            properties = properties == null ? java.util.Map.of() : java.util.Map.copyOf(properties);
        }

        public FileRange(String file, int startLine, int endLine) {
            this(file, startLine, endLine, java.util.Map.of());
        }

        public String describe() { return file + ":" + startLine + "-" + endLine; }
    }

    /** An item of an offline snapshot (AWS Config), with the time AWS captured it when known. */
    record SnapshotItem(String file, int item, Instant capturedAt) implements Origin {
        public String describe() { return file + " item " + item; }
    }

    /** Built by Vigil from several inputs (the account and region settings, for instance). */
    record Derived(String from) implements Origin {
        public String describe() { return "derived from " + from; }
    }
}
