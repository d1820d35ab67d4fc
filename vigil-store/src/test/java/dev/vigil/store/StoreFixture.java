package dev.vigil.store;

import java.nio.file.Path;

/** A database for the store tests: each call of {@link #newUrl} gives an empty one. */
interface StoreFixture {
    String name();

    /** A JDBC URL of a fresh, empty database. {@code dir} is a temporary directory of the test. */
    String newUrl(Path dir) throws Exception;

    default boolean isSqlite() {
        return false;
    }
}
