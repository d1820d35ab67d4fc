package dev.vigil.store;

import java.nio.file.Path;

/** A SQLite file in the test's temporary directory (in a subdirectory that does not exist yet). */
final class SqliteFixture implements StoreFixture {
    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String newUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("home/.vigil/vigil.db");
    }

    @Override
    public boolean isSqlite() {
        return true;
    }
}
