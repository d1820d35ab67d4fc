package dev.vigil.store;

import static dev.vigil.store.StoreContractTest.ACCOUNT;
import static dev.vigil.store.StoreContractTest.RULE;
import static dev.vigil.store.StoreContractTest.T1;
import static dev.vigil.store.StoreContractTest.T2;
import static dev.vigil.store.StoreContractTest.report;
import static dev.vigil.store.StoreContractTest.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Resource;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query views and {@link Store#query}, the same on every database: the same view names, columns
 * and rows after recording two scans, and nothing but one read-only statement run.
 */
abstract class QueryContractTest {
    static final String OTHER_ACCOUNT = "444455556666";
    static final String S1 = "2026-11-01T10:00:00.000Z", S2 = "2026-11-02T10:00:00.000Z";

    @TempDir
    Path dir;
    String url;

    abstract StoreFixture fixture();

    @BeforeEach
    void freshDatabase() throws Exception {
        url = fixture().newUrl(dir);
    }

    JdbcStore open() {
        return JdbcStore.open(url, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofMillis(300),
                Suppressions.NONE);
    }

    static Resource bucket(String account, String name) {
        return new Resource("aws", "aws.s3.bucket", "arn:aws:s3:::" + name, name, account, "eu-west-1", Map.of(),
                Map.of("name", name), Map.of(), null, List.of());
    }

    /** Rows as read, with the column names. */
    record Rows(List<String> columns, List<List<Object>> rows) implements QuerySink {
        Rows() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        @Override
        public void columns(List<String> names) {
            columns.addAll(names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList());
        }

        @Override
        public void row(List<Object> values) {
            rows.add(values);
        }
    }

    static Rows query(Store store, String sql) {
        Rows rows = new Rows();
        long n = store.query(sql, rows);
        assertThat(n).isEqualTo(rows.rows().size());
        return rows;
    }

    // scan 1 (T1): logs FAIL high, fine PASS (account A); other FAIL low (account B)
    // scan 2 (T2): logs PASS, fine FAIL critical, added PASS (account A only)
    Resource logs = bucket(ACCOUNT, "logs"), fine = bucket(ACCOUNT, "fine"), added = bucket(ACCOUNT, "added"),
            other = bucket(OTHER_ACCOUNT, "other");
    long scan1, scan2;

    JdbcStore twoScans() {
        JdbcStore store = open();
        scan1 = store.record(report(T1, result(logs, Status.FAIL, Severity.HIGH), result(fine, Status.PASS, Severity.CRITICAL),
                result(other, Status.FAIL, Severity.LOW)), List.of(logs, fine, other), "catalog-1").scanId();
        scan2 = store.record(report(T2, result(logs, Status.PASS, Severity.HIGH), result(fine, Status.FAIL, Severity.CRITICAL),
                result(added, Status.PASS, Severity.MEDIUM)), List.of(logs, fine, added), "catalog-1").scanId();
        return store;
    }

    @Test
    void every_view_has_its_documented_columns() {
        try (JdbcStore store = open()) {
            assertThat(query(store, "SELECT * FROM v_scans").columns()).containsExactly("scan_id", "started", "finished", "recorded",
                    "status", "inputs", "accounts", "regions", "parameters", "catalog_version", "resource_count", "result_count",
                    "pass_count", "fail_count", "error_count", "unknown_count", "gap_count");
            List<String> inventory = List.of("account", "region", "provider", "resource_type", "resource_id", "resource_name", "scan_id",
                    "scanned_at", "sha256", "canonical");
            assertThat(query(store, "SELECT * FROM v_inventory").columns()).isEqualTo(inventory);
            assertThat(query(store, "SELECT * FROM v_resources").columns()).containsExactly("scan_id", "scanned_at", "account", "region",
                    "provider", "resource_type", "resource_id", "resource_name", "sha256", "canonical");
            assertThat(query(store, "SELECT * FROM v_results").columns()).containsExactly("scan_id", "scanned_at", "finding_id", "rule_id",
                    "severity", "status", "reason", "account", "region", "provider", "resource_type", "resource_id", "resource_name",
                    "origin");
            assertThat(query(store, "SELECT * FROM v_findings").columns()).containsExactly("finding_id", "rule_id", "severity", "status",
                    "is_open", "account", "region", "provider", "resource_type", "resource_id", "resource_name", "reason", "first_seen",
                    "last_seen", "resolved_at", "first_scan_id", "last_scan_id");
            assertThat(query(store, "SELECT * FROM v_finding_history").columns()).containsExactly("change_id", "finding_id", "scan_id",
                    "at", "from_status", "to_status", "from_severity", "to_severity", "cause");
        }
    }

    @Test
    void the_views_return_the_expected_rows_after_two_scans() {
        try (JdbcStore store = twoScans()) {
            assertThat(query(store, "SELECT scan_id, started, status, accounts, catalog_version, resource_count, result_count, pass_count,"
                    + " fail_count FROM v_scans ORDER BY scan_id").rows()).containsExactly(
                    List.of(scan1, S1, "complete", "[\"" + ACCOUNT + "\",\"" + OTHER_ACCOUNT + "\"]", "catalog-1", 3L, 3L, 1L, 2L),
                    List.of(scan2, S2, "complete", "[\"" + ACCOUNT + "\"]", "catalog-1", 3L, 3L, 2L, 1L));

            // account A from its latest scan (2), account B from the only scan that saw it (1)
            assertThat(query(store, "SELECT account, resource_name, scan_id, scanned_at FROM v_inventory ORDER BY account, resource_name")
                    .rows()).containsExactly(
                    List.of(ACCOUNT, "added", scan2, S2),
                    List.of(ACCOUNT, "fine", scan2, S2),
                    List.of(ACCOUNT, "logs", scan2, S2),
                    List.of(OTHER_ACCOUNT, "other", scan1, S1));
            assertThat(query(store, "SELECT resource_id, sha256 FROM v_inventory WHERE resource_name = 'logs'").rows())
                    .singleElement().satisfies(row -> assertThat(row).containsExactly("arn:aws:s3:::logs",
                            JdbcStore.sha256(JdbcStore.canonicalJson(logs))));

            assertThat(query(store, "SELECT scan_id, COUNT(*) AS n FROM v_resources GROUP BY scan_id ORDER BY scan_id").rows())
                    .containsExactly(List.of(scan1, 3L), List.of(scan2, 3L));

            assertThat(query(store, "SELECT scan_id, resource_name, rule_id, severity, status, reason FROM v_results"
                    + " ORDER BY scan_id, resource_name").rows()).containsExactly(
                    List.of(scan1, "fine", RULE, "CRITICAL", "PASS", ""),
                    List.of(scan1, "logs", RULE, "HIGH", "FAIL", "public access not blocked"),
                    List.of(scan1, "other", RULE, "LOW", "FAIL", "public access not blocked"),
                    List.of(scan2, "added", RULE, "MEDIUM", "PASS", ""),
                    List.of(scan2, "fine", RULE, "CRITICAL", "FAIL", "public access not blocked"),
                    List.of(scan2, "logs", RULE, "HIGH", "PASS", ""));

            Rows findings = query(store, "SELECT account, resource_name, severity, status, is_open, first_seen, last_seen, resolved_at,"
                    + " first_scan_id, last_scan_id FROM v_findings ORDER BY account, resource_name");
            assertThat(findings.rows()).containsExactly(
                    row(ACCOUNT, "fine", "CRITICAL", "OPEN", 1L, S2, S2, null, scan2, scan2),
                    List.of(ACCOUNT, "logs", "HIGH", "RESOLVED", 0L, S1, S1, S2, scan1, scan1),
                    row(OTHER_ACCOUNT, "other", "LOW", "OPEN", 1L, S1, S1, null, scan1, scan1));

            assertThat(query(store, "SELECT h.scan_id, f.resource_name, h.from_status, h.to_status, h.cause FROM v_finding_history h"
                    + " JOIN v_findings f ON f.finding_id = h.finding_id ORDER BY h.scan_id, f.resource_name").rows()).containsExactly(
                    row(scan1, "logs", null, "OPEN", "fail"),
                    row(scan1, "other", null, "OPEN", "fail"),
                    row(scan2, "fine", null, "OPEN", "fail"),
                    List.of(scan2, "logs", "OPEN", "RESOLVED", "pass"));

            // a typical question: open findings by severity, with a CTE
            assertThat(query(store, "WITH open AS (SELECT * FROM v_findings WHERE is_open = 1)"
                    + " SELECT severity, COUNT(*) AS n FROM open GROUP BY severity ORDER BY severity;").rows())
                    .containsExactly(List.of("CRITICAL", 1L), List.of("LOW", 1L));
        }
    }

    /** An expected row, nulls allowed. */
    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    @Test
    void an_incomplete_scan_shows_in_v_scans_only() {
        try (JdbcStore store = twoScans()) {
            store.failPoint = point -> {
                if (point.equals("results")) throw new IllegalStateException("simulated crash");
            };
            assertThatThrownBy(() -> store.record(report(StoreContractTest.T3, result(logs, Status.FAIL, Severity.HIGH)), List.of(logs)))
                    .isInstanceOf(StoreException.class);
            store.failPoint = point -> { };
            assertThat(query(store, "SELECT status FROM v_scans ORDER BY scan_id").rows())
                    .containsExactly(List.of("complete"), List.of("complete"), List.of("incomplete"));
            assertThat(query(store, "SELECT MAX(scan_id) AS latest FROM v_inventory").rows()).containsExactly(List.of(scan2));
            assertThat(query(store, "SELECT COUNT(*) AS n FROM v_results").rows()).containsExactly(List.of(6L));
        }
    }

    @Test
    void only_one_select_or_with_statement_is_run_and_nothing_changes() {
        try (JdbcStore store = twoScans()) {
            for (String sql : List.of(
                    "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ('x', 'x', 'x', 'x', 'x')",
                    "UPDATE findings SET status = 'RESOLVED'",
                    "DELETE FROM findings",
                    "DROP VIEW v_findings",
                    "drop table findings",
                    "SELECT 1; DELETE FROM findings",
                    "SELECT 1; SELECT 2",
                    "WITH gone AS (DELETE FROM findings RETURNING *) SELECT * FROM gone",
                    "/* just a comment */ ;",
                    "")) {
                assertThatThrownBy(() -> store.query(sql, new Rows())).as(sql).isInstanceOf(StoreException.class)
                        .hasMessageNotContaining("\n");
            }
            assertThat(store.findings()).hasSize(3);
            assertThat(store.scans()).hasSize(2);
            assertThat(query(store, "SELECT COUNT(*) AS n FROM v_findings").rows()).containsExactly(List.of(3L));
        }
    }

    @Test
    void the_database_itself_refuses_a_write_that_got_past_the_check() {
        try (JdbcStore store = twoScans()) {
            assertThatThrownBy(() -> store.queryReadOnly("DELETE FROM findings", new Rows())).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("the query failed: ").hasMessageMatching("(?i).*read.?only.*").hasMessageNotContaining("\n");
            assertThatThrownBy(() -> store.queryReadOnly("INSERT INTO audit_log (at, actor, action, subject, detail)"
                    + " VALUES ('x', 'x', 'x', 'x', 'x')", new Rows())).isInstanceOf(StoreException.class)
                    .hasMessageMatching("(?i).*read.?only.*");
            assertThat(store.findings()).hasSize(3);
            assertThat(store.audit()).hasSize(2);
        }
    }

    @Test
    void a_failing_query_gives_the_databases_message_on_one_line() {
        try (JdbcStore store = open()) {
            assertThatThrownBy(() -> store.query("SELECT * FROM no_such_view", new Rows())).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("the query failed: ").hasMessageContaining("no_such_view").hasMessageNotContaining("\n");
        }
    }
}
