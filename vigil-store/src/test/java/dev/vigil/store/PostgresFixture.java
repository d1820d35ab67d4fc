package dev.vigil.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema on a real PostgreSQL server: the one the test command started ({@code VIGIL_PG_URL}),
 * or one vigil-testkit's {@code PostgresServer} starts for this JVM.
 */
final class PostgresFixture implements StoreFixture {
    static String serverUrl() {
        return dev.vigil.testkit.PostgresServer.shared().jdbcUrl();
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
