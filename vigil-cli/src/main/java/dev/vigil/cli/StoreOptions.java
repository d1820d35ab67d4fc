package dev.vigil.cli;

import dev.vigil.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db}: the findings store every history command reads or writes, one option and one way to open it. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "URL",
            description = "The findings store: jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DB?user=...&password=... "
                    + "(default: jdbc:sqlite:~/.vigil/vigil.db).")
    String url;

    String url() {
        return url != null ? url : Store.defaultUrl();
    }

    /** Opens the store, creating it (and migrating it) if needed. */
    Store open() {
        return Store.open(url());
    }

    /** Opens the store to read: a SQLite file that does not exist is an error, not a new empty store. */
    Store openExisting() {
        String u = url();
        if (u.startsWith("jdbc:sqlite:")) {
            String file = u.substring("jdbc:sqlite:".length());
            int q = file.indexOf('?');
            if (q >= 0) file = file.substring(0, q);
            if (!file.isEmpty() && !file.startsWith(":memory:") && !file.startsWith("file:") && !Files.exists(Path.of(file))) {
                throw new Vigil.UsageException("no findings store at " + file + " (record a scan first: vigil scan PATH --record, or name one with --db)");
            }
        }
        return Store.open(u);
    }
}
