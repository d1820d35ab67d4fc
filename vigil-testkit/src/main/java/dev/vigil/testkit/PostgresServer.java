package dev.vigil.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server for the tests that need a database: they talk to it through JDBC
 * exactly as Vigil would to a production server.
 *
 * <p>{@link #shared()} starts one server per test JVM, on first use, through
 * {@code scripts/postgres.sh start} (which installs Debian's {@code postgresql} package when it is
 * missing and runs the server as the {@code postgres} user, so the test command needs nothing done
 * by hand), and stops it when the JVM exits. {@code VIGIL_PG_URL} points the tests at a server
 * already running instead ({@code ./test.sh} starts one per run and sets it): a JDBC URL
 * {@code jdbc:postgresql://host:port/db?user=...&password=...} whose user may create databases.
 * A test class calls {@link #freshDatabase(String)} for an empty database of its own.
 */
public final class PostgresServer {
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static PostgresServer shared;
    private final String jdbcUrl;
    private final boolean owned;

    private PostgresServer(String jdbcUrl, boolean owned) {
        this.jdbcUrl = jdbcUrl;
        this.owned = owned;
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) shared = start();
        return shared;
    }

    /** The URL of the server's {@code vigil} database, with the user and password in its query. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A connection to the {@code vigil} database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /**
     * An empty database named {@code name} (lower-cased; letters, digits and underscores), owned by
     * the URL's user, and the URL that reaches it. One left by an earlier run is dropped first, so a
     * test class that names its database after itself starts from nothing on every run.
     */
    public String freshDatabase(String name) {
        String db = name.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(db).matches())
            throw new IllegalArgumentException("not a plain database name (letters, digits, underscores, at most 63): " + name);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + db + "\" with (force)");
            s.execute("create database \"" + db + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + db + " on " + redacted(jdbcUrl) + ": " + e.getMessage(), e);
        }
        return withDatabase(jdbcUrl, db);
    }

    /** True when this server is one the harness started (not one named by VIGIL_PG_URL). */
    public boolean owned() {
        return owned;
    }

    static String withDatabase(String url, String db) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) throw new IllegalArgumentException("not a jdbc:postgresql://host:port/db URL: " + redacted(url));
        return m.group(1) + db + (m.group(3) == null ? "" : m.group(3));
    }

    static String redacted(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    private static PostgresServer start() {
        String url = System.getenv("VIGIL_PG_URL");
        if (url != null && !url.isBlank()) return new PostgresServer(url.strip(), false);
        Path script = MotoServer.repositoryRoot().resolve("scripts/postgres.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "start")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            // Installing the package on a fresh machine takes a minute or two; starting, about one second.
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("scripts/postgres.sh start did not finish within 10 minutes");
            }
            if (p.exitValue() != 0 || !out.startsWith("jdbc:postgresql://"))
                throw new IllegalStateException("scripts/postgres.sh could not start PostgreSQL (exit " + p.exitValue() + ")");
            String port = out.replaceFirst("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, port)));
            return new PostgresServer(out, true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    private static void stop(Path script, String port) {
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "stop", port)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (IOException e) {
            // the JVM is exiting; the next start on this port clears what is left
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
