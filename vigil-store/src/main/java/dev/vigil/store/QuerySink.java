package dev.vigil.store;

import java.util.List;

/** Receives the rows of {@link Store#query} as they are read: the column names once, then each row. */
public interface QuerySink {
    void columns(List<String> names);

    /**
     * One row, a value per column: {@code null}, a {@link String}, a {@link Number} ({@link Long},
     * {@link Double} or {@link java.math.BigDecimal}) or a {@link Boolean}; anything else arrives as its text.
     */
    void row(List<Object> values);
}
