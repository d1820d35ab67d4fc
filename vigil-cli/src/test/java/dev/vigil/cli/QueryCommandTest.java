package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.engine.ScanReport;
import dev.vigil.model.Resource;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.store.Store;
import dev.vigil.testkit.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {
    static final String RULE = "aws-s3-bucket-public-access-blocked";

    @TempDir
    Path dir;
    String db;

    static Resource bucket(String name) {
        return new Resource("aws", "aws.s3.bucket", "arn:aws:s3:::" + name, name, "111122223333", "eu-west-1", Map.of(),
                Map.of("name", name), Map.of(), null, List.of());
    }

    /** Two scans: logs fails then passes; "a,b" (a name that needs CSV quoting) fails in both. */
    static void record(String url) {
        Resource logs = bucket("logs"), odd = bucket("a,b \"quoted\"");
        try (Store store = Store.open(url)) {
            store.record(report(Instant.parse("2026-11-01T10:00:00Z"), Result.of(RULE, Severity.HIGH, Status.FAIL, "public", logs),
                    Result.of(RULE, Severity.LOW, Status.FAIL, "public", odd)), List.of(logs, odd));
            store.record(report(Instant.parse("2026-11-02T10:00:00Z"), Result.of(RULE, Severity.HIGH, Status.PASS, "", logs),
                    Result.of(RULE, Severity.LOW, Status.FAIL, "public", odd)), List.of(logs, odd));
        }
    }

    static ScanReport report(Instant started, Result... results) {
        return new ScanReport(List.of("examples/aws-config"), List.of(), results.length, Map.of(), Map.of(), List.of(), List.of(results),
                Map.of(), 1, started, started, Duration.ofSeconds(5), Map.of(), null);
    }

    @BeforeEach
    void store() {
        db = "jdbc:sqlite:" + dir.resolve("vigil.db");
        record(db);
    }

    @Test
    void a_table_with_aligned_columns_and_a_row_count() {
        CliRun run = CliRun.of("query", "--db", db, "SELECT resource_name, status, is_open FROM v_findings ORDER BY resource_name");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                resource_name  status    is_open
                -------------  --------  -------
                a,b "quoted"   OPEN            1
                logs           RESOLVED        0
                (2 rows)
                """);
    }

    @Test
    void json_is_an_array_of_objects_with_typed_values() throws Exception {
        CliRun run = CliRun.of("query", "--db", db, "--format", "json",
                "SELECT scan_id, status, result_count, catalog_version FROM v_scans ORDER BY scan_id");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                [
                  {"scan_id":1,"status":"complete","result_count":2,"catalog_version":null},
                  {"scan_id":2,"status":"complete","result_count":2,"catalog_version":null}
                ]
                """);
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows).hasSize(2);
        assertThat(CliRun.of("query", "--db", db, "--format", "json", "SELECT * FROM v_findings WHERE 1 = 0").out()).isEqualTo("[]\n");
    }

    @Test
    void csv_has_a_header_and_quotes_what_needs_quoting() {
        CliRun run = CliRun.of("query", "--db", db, "--format", "csv",
                "SELECT scan_id, resource_name, status, reason FROM v_results ORDER BY scan_id, resource_name");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("scan_id,resource_name,status,reason\r\n"
                + "1,\"a,b \"\"quoted\"\"\",FAIL,public\r\n"
                + "1,logs,FAIL,public\r\n"
                + "2,\"a,b \"\"quoted\"\"\",FAIL,public\r\n"
                + "2,logs,PASS,\r\n");
    }

    @Test
    void writes_and_multiple_statements_are_refused_with_one_line_and_nothing_changes() {
        for (String sql : List.of("INSERT INTO scans (started) VALUES ('x')", "UPDATE findings SET status = 'RESOLVED'",
                "DELETE FROM findings", "DROP TABLE findings", "SELECT 1; DELETE FROM findings", "SELECT 1; SELECT 2")) {
            CliRun run = CliRun.of("query", "--db", db, sql);
            assertThat(run.exitCode()).as(sql).isEqualTo(1);
            assertThat(run.out()).as(sql).isEmpty();
            assertThat(run.err()).as(sql).startsWith("vigil: ").hasLineCount(1);
        }
        assertThat(CliRun.of("query", "--db", db, "DELETE FROM findings").err())
                .isEqualTo("vigil: only a SELECT or WITH statement may be run; this one starts with DELETE\n");
        assertThat(CliRun.of("query", "--db", db, "SELECT 1; DELETE FROM findings").err())
                .isEqualTo("vigil: only one statement may be given; found 2\n");
        assertThat(CliRun.of("query", "--db", db, "--format", "csv", "SELECT COUNT(*) AS n FROM v_findings").out()).isEqualTo("n\r\n2\r\n");
    }

    @Test
    void a_database_error_is_its_message_on_one_line() {
        CliRun run = CliRun.of("query", "--db", db, "SELECT nothing FROM v_findings");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("vigil: the query failed: ").contains("nothing").hasLineCount(1);
        CliRun url = CliRun.of("query", "--db", "jdbc:mysql://localhost/vigil", "SELECT 1");
        assertThat(url.exitCode()).isEqualTo(1);
        assertThat(url.err()).isEqualTo("vigil: unsupported database URL 'jdbc:mysql://localhost/vigil'"
                + " (expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)\n");
        CliRun format = CliRun.of("query", "--db", db, "--format", "xml", "SELECT 1");
        assertThat(format.exitCode()).isEqualTo(1);
        assertThat(format.err()).hasLineCount(1).contains("--format");
    }

    @Test
    void the_same_query_gives_the_same_rows_on_postgresql() {
        String pg = PostgresServer.shared().freshDatabase("vigil_query_command_test");
        record(pg);
        String sql = "SELECT resource_name, severity, status, is_open, first_seen, resolved_at FROM v_findings ORDER BY resource_name";
        CliRun onPg = CliRun.of("query", "--db", pg, "--format", "json", sql);
        assertThat(onPg.exitCode()).as(onPg.err()).isZero();
        assertThat(onPg.out()).isEqualTo(CliRun.of("query", "--db", db, "--format", "json", sql).out()).contains("\"is_open\":1");
        CliRun refused = CliRun.of("query", "--db", pg, "DELETE FROM findings");
        assertThat(refused.exitCode()).isEqualTo(1);
        CliRun missing = CliRun.of("query", "--db", pg, "SELECT * FROM nowhere");
        assertThat(missing.err()).startsWith("vigil: the query failed: ERROR: relation \"nowhere\" does not exist").hasLineCount(1);
    }
}
