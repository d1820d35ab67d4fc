package dev.vigil.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema on the PostgreSQL server at {@code VIGIL_PG_URL} (a JDBC URL with user and
 * password as parameters). Skipped when the variable is unset: a temporary gap until the test
 * command starts a server of its own.
 */
final class PostgresFixture implements StoreFixture {
    static String serverUrl() {
        String url = System.getenv("VIGIL_PG_URL");
        assumeTrue(url != null && !url.isBlank(), "VIGIL_PG_URL is not set: PostgreSQL store tests skipped");
        return url;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String newUrl(Path dir) throws Exception {
        String url = serverUrl();
        String schema = "vigil_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
