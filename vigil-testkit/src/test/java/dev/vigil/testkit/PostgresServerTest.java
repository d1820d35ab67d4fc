package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The harness's PostgreSQL is a real server, and each fresh database is empty and its own. */
class PostgresServerTest {
    private final PostgresServer pg = PostgresServer.shared();

    @Test
    void answersAsARealPostgresqlServer() throws SQLException {
        assertThat(pg.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:").contains("/vigil?user=vigil&password=");
        try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("select version(), current_database(), current_user")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).startsWith("PostgreSQL ");
            assertThat(r.getString(2)).isEqualTo("vigil");
            assertThat(r.getString(3)).isEqualTo("vigil");
        }
    }

    @Test
    void freshDatabasesAreEmptyAndIndependent() throws SQLException {
        String a = pg.freshDatabase("postgres_server_test_a");
        String b = pg.freshDatabase("postgres_server_test_b");
        assertThat(a).contains("/postgres_server_test_a?user=vigil&password=");
        try (Connection c = DriverManager.getConnection(a); Statement s = c.createStatement()) {
            s.execute("create table finding (id int primary key, rule text)");
            s.execute("insert into finding values (1, 's3-public')");
            assertThat(count(s, "select count(*) from finding")).isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection(b); Statement s = c.createStatement()) {
            assertThat(count(s, "select (current_database() = 'postgres_server_test_b')::int")).isEqualTo(1);
            assertThat(count(s, "select count(*) from information_schema.tables where table_name = 'finding'")).isZero();
            s.execute("create table finding (id int primary key, rule text)"); // no clash with a's table
        }
        // Asked again, a database starts empty, even though a connection to it is still open.
        try (Connection held = DriverManager.getConnection(a)) {
            String again = pg.freshDatabase("postgres_server_test_a");
            assertThat(again).isEqualTo(a);
            try (Connection c = DriverManager.getConnection(again); Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from information_schema.tables where table_name = 'finding'")).isZero();
            }
        }
    }

    @Test
    void refusesNamesThatAreNotPlain() {
        assertThatThrownBy(() -> pg.freshDatabase("a\"; drop database vigil; --")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redactsThePasswordInMessages() {
        assertThat(PostgresServer.redacted("jdbc:postgresql://127.0.0.1:5/vigil?user=vigil&password=secret&ssl=false"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5/vigil?user=vigil&password=***&ssl=false");
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://h:5/vigil?user=u", "x")).isEqualTo("jdbc:postgresql://h:5/x?user=u");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
