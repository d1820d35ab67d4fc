package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.engine.ScanReport;
import dev.vigil.model.Resource;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.Suppressed;
import dev.vigil.model.input.CoverageGap;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's behaviour, the same on every database: subclasses give the {@link StoreFixture}. */
abstract class StoreContractTest {
    static final String ACCOUNT = "111122223333";
    static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");
    static final Instant T3 = Instant.parse("2026-11-03T10:00:00Z");
    static final Instant T4 = Instant.parse("2026-11-04T10:00:00Z");
    static final String RULE = "aws-s3-bucket-public-access-blocked";

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

    static Resource bucket(String name, String region) {
        return new Resource("aws", "aws.s3.bucket", "arn:aws:s3:::" + name, name, ACCOUNT, region, Map.of("team", "data"),
                Map.of("name", name, "versioning", true), Map.of(), null, List.of());
    }

    static Result result(Resource r, Status status, Severity severity) {
        return Result.of(RULE, severity, status, status == Status.FAIL ? "public access not blocked" : "", r);
    }

    static ScanReport report(Instant started, List<Result> results, List<CoverageGap> gaps) {
        return new ScanReport(List.of("examples/aws-config"), List.of(), results.size(), Map.of(), Map.of(), gaps, results,
                Map.of(RULE, Map.of("maxAgeDays", 90L)), 1, started, started, Duration.ofSeconds(5), Map.of(), null);
    }

    static ScanReport report(Instant started, Result... results) {
        return report(started, List.of(results), List.of());
    }

    @Test
    void a_finding_opens_stays_open_resolves_and_reopens_with_exact_times() {
        Resource b = bucket("logs", "eu-west-1");
        String id = result(b, Status.FAIL, Severity.HIGH).findingId();
        try (JdbcStore store = open()) {
            Recorded first = store.record(report(T1, result(b, Status.FAIL, Severity.HIGH)), List.of(b), "catalog-1");
            assertThat(first.opened()).isEqualTo(1);
            assertThat(store.finding(id)).get().satisfies(f -> {
                assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.firstSeen()).isEqualTo(T1);
                assertThat(f.lastSeen()).isEqualTo(T1);
                assertThat(f.resolvedAt()).isNull();
                assertThat(f.firstScanId()).isEqualTo(first.scanId());
            });

            Recorded second = store.record(report(T2, result(b, Status.FAIL, Severity.CRITICAL)), List.of(b));
            assertThat(second.severityChanged()).isEqualTo(1);
            assertThat(store.finding(id)).get().satisfies(f -> {
                assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.firstSeen()).isEqualTo(T1);
                assertThat(f.lastSeen()).isEqualTo(T2);
                assertThat(f.resolvedAt()).isNull();
            });

            Recorded third = store.record(report(T3, result(b, Status.PASS, Severity.CRITICAL)), List.of(b));
            assertThat(third.resolved()).isEqualTo(1);
            assertThat(store.finding(id)).get().satisfies(f -> {
                assertThat(f.status()).isEqualTo(FindingStatus.RESOLVED);
                assertThat(f.firstSeen()).isEqualTo(T1);
                assertThat(f.lastSeen()).isEqualTo(T2);
                assertThat(f.resolvedAt()).isEqualTo(T3);
            });

            Recorded fourth = store.record(report(T4, result(b, Status.FAIL, Severity.CRITICAL)), List.of(b));
            assertThat(fourth.reopened()).isEqualTo(1);
            assertThat(store.finding(id)).get().satisfies(f -> {
                assertThat(f.status()).isEqualTo(FindingStatus.REOPENED);
                assertThat(f.firstSeen()).isEqualTo(T1);
                assertThat(f.lastSeen()).isEqualTo(T4);
                assertThat(f.resolvedAt()).isNull();
                assertThat(f.lastScanId()).isEqualTo(fourth.scanId());
            });

            assertThat(store.history(id)).containsExactly(
                    new FindingChange(id, first.scanId(), T1, null, FindingStatus.OPEN, null, Severity.HIGH, "fail"),
                    new FindingChange(id, second.scanId(), T2, FindingStatus.OPEN, FindingStatus.OPEN, Severity.HIGH, Severity.CRITICAL, "severity"),
                    new FindingChange(id, third.scanId(), T3, FindingStatus.OPEN, FindingStatus.RESOLVED, Severity.CRITICAL, Severity.CRITICAL, "pass"),
                    new FindingChange(id, fourth.scanId(), T4, FindingStatus.RESOLVED, FindingStatus.REOPENED, Severity.CRITICAL, Severity.CRITICAL, "fail"));

            assertThat(store.scans()).hasSize(4).allSatisfy(s -> assertThat(s.complete()).isTrue());
            ScanRecord s1 = store.scans().get(0);
            assertThat(s1.started()).isEqualTo(T1);
            assertThat(s1.finished()).isEqualTo(T1.plusSeconds(5));
            assertThat(s1.accounts()).containsExactly(ACCOUNT);
            assertThat(s1.regions()).containsExactly("eu-west-1");
            assertThat(s1.inputs()).containsExactly("examples/aws-config");
            assertThat(s1.catalogVersion()).isEqualTo("catalog-1");
            assertThat(s1.parametersJson()).isEqualTo("{\"" + RULE + "\":{\"maxAgeDays\":90}}");
            assertThat(s1.resources()).isEqualTo(1);
            assertThat(s1.failed()).isEqualTo(1);
            assertThat(store.audit()).hasSize(4).allSatisfy(a -> assertThat(a.action()).isEqualTo("scan.recorded"));
        }
    }

    @Test
    void a_pass_on_something_that_never_failed_makes_no_finding() {
        Resource b = bucket("fine", "eu-west-1");
        try (JdbcStore store = open()) {
            store.record(report(T1, result(b, Status.PASS, Severity.HIGH)), List.of(b));
            assertThat(store.findings()).isEmpty();
        }
    }

    @Test
    void error_and_unknown_neither_resolve_nor_open() {
        Resource b = bucket("logs", "eu-west-1");
        Resource other = bucket("other", "eu-west-1");
        String id = result(b, Status.FAIL, Severity.HIGH).findingId();
        try (JdbcStore store = open()) {
            store.record(report(T1, result(b, Status.FAIL, Severity.HIGH)), List.of(b, other));
            store.record(report(T2, result(b, Status.ERROR, Severity.HIGH), result(other, Status.ERROR, Severity.HIGH)), List.of(b, other));
            store.record(report(T3, result(b, Status.UNKNOWN, Severity.HIGH), result(other, Status.UNKNOWN, Severity.HIGH)), List.of(b, other));
            assertThat(store.findings()).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo(id);
                assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
                assertThat(f.lastSeen()).isEqualTo(T1);
                assertThat(f.resolvedAt()).isNull();
            });
            assertThat(store.history(id)).hasSize(1);
        }
    }

    @Test
    void a_resource_gone_from_a_covered_region_resolves_its_findings() {
        Resource kept = bucket("kept", "eu-west-1");
        Resource deleted = bucket("deleted", "eu-west-1");
        Resource elsewhere = bucket("elsewhere", "us-east-1");
        try (JdbcStore store = open()) {
            store.record(report(T1, result(kept, Status.FAIL, Severity.HIGH), result(deleted, Status.FAIL, Severity.HIGH),
                    result(elsewhere, Status.FAIL, Severity.HIGH)), List.of(kept, deleted, elsewhere));
            // the second scan covers eu-west-1 only: the bucket in us-east-1 was not looked at
            Recorded second = store.record(report(T2, result(kept, Status.FAIL, Severity.HIGH)), List.of(kept));
            assertThat(second.resolved()).isEqualTo(1);
            assertThat(store.finding(result(deleted, Status.FAIL, Severity.HIGH).findingId())).get().satisfies(f -> {
                assertThat(f.status()).isEqualTo(FindingStatus.RESOLVED);
                assertThat(f.resolvedAt()).isEqualTo(T2);
                assertThat(f.lastSeen()).isEqualTo(T1);
            });
            assertThat(store.history(result(deleted, Status.FAIL, Severity.HIGH).findingId()))
                    .extracting(FindingChange::cause).containsExactly("fail", "gone");
            assertThat(store.finding(result(kept, Status.FAIL, Severity.HIGH).findingId())).get()
                    .extracting(Finding::status).isEqualTo(FindingStatus.OPEN);
            assertThat(store.finding(result(elsewhere, Status.FAIL, Severity.HIGH).findingId())).get()
                    .extracting(Finding::status).isEqualTo(FindingStatus.OPEN);
        }
    }

    @Test
    void a_resource_hidden_by_a_coverage_gap_is_not_gone() {
        Resource kept = bucket("kept", "eu-west-1");
        Resource unseen = bucket("unseen", "eu-west-1");
        try (JdbcStore store = open()) {
            store.record(report(T1, result(kept, Status.FAIL, Severity.HIGH), result(unseen, Status.FAIL, Severity.HIGH)),
                    List.of(kept, unseen));
            CoverageGap denied = new CoverageGap(ACCOUNT + " eu-west-1 s3", "AccessDenied on ListBuckets", ACCOUNT, "eu-west-1",
                    Set.of("aws.s3.bucket"), true);
            store.record(report(T2, List.of(result(kept, Status.FAIL, Severity.HIGH)), List.of(denied)), List.of(kept));
            assertThat(store.finding(result(unseen, Status.FAIL, Severity.HIGH).findingId())).get()
                    .extracting(Finding::status).isEqualTo(FindingStatus.OPEN);
        }
    }

    @Test
    void a_suppressed_failure_is_not_resolved_and_opens_again_when_no_longer_covered() {
        Resource b = bucket("logs", "eu-west-1");
        String id = result(b, Status.FAIL, Severity.HIGH).findingId();
        Clock clock = Clock.fixed(T4, ZoneOffset.UTC);
        try (JdbcStore store = JdbcStore.open(url, clock, Duration.ofMillis(300), (r, at) -> at.isBefore(T3))) {
            store.record(report(T1, result(b, Status.FAIL, Severity.HIGH)), List.of(b));
            store.record(report(T2, result(b, Status.FAIL, Severity.HIGH)), List.of(b));
            assertThat(store.finding(id)).get().extracting(Finding::status).isEqualTo(FindingStatus.SUPPRESSED);
            store.record(report(T3, result(b, Status.FAIL, Severity.HIGH)), List.of(b));
            assertThat(store.history(id)).extracting(FindingChange::to)
                    .containsExactly(FindingStatus.SUPPRESSED, FindingStatus.OPEN);
        }
    }

    @Test
    void a_failure_marked_vigil_ignore_in_the_code_is_suppressed_and_a_baselined_one_stays_open() {
        Resource b = bucket("logs", "eu-west-1");
        Resource c = bucket("assets", "eu-west-1");
        Result inline = result(b, Status.FAIL, Severity.HIGH)
                .suppressedBy(new Suppressed(Suppressed.By.INLINE, "logs go to the SIEM", "infra/s3.tf:4", ""));
        Result baselined = result(c, Status.FAIL, Severity.HIGH)
                .suppressedBy(new Suppressed(Suppressed.By.BASELINE, "accepted in the baseline", ".vigil-baseline.json", ""));
        try (JdbcStore store = open()) {
            Recorded first = store.record(report(T1, inline, baselined), List.of(b, c));

            assertThat(first.suppressed()).isEqualTo(1);
            assertThat(first.opened()).isEqualTo(1);
            assertThat(store.finding(inline.findingId())).get().extracting(Finding::status).isEqualTo(FindingStatus.SUPPRESSED);
            assertThat(store.finding(baselined.findingId())).get().extracting(Finding::status).isEqualTo(FindingStatus.OPEN);

            // the mark is removed from the code: the next failure opens the finding
            store.record(report(T2, result(b, Status.FAIL, Severity.HIGH)), List.of(b, c));
            assertThat(store.history(inline.findingId())).extracting(FindingChange::to)
                    .containsExactly(FindingStatus.SUPPRESSED, FindingStatus.OPEN);
        }
    }

    @Test
    void resources_are_stored_with_their_canonical_json_and_its_hash() throws Exception {
        Resource b = bucket("logs", "eu-west-1");
        try (JdbcStore store = open()) {
            long scan = store.record(report(T1, result(b, Status.PASS, Severity.HIGH)), List.of(b)).scanId();
            try (Connection c = store.connect(); var ps = c.prepareStatement("SELECT canonical, sha256 FROM scan_resources WHERE scan_id = ?")) {
                ps.setLong(1, scan);
                try (var rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    String canonical = rs.getString(1);
                    assertThat(canonical).startsWith("{\"account\":\"" + ACCOUNT + "\"").contains("\"properties\":{\"name\":\"logs\",\"versioning\":true}");
                    assertThat(rs.getString(2)).isEqualTo(JdbcStore.sha256(canonical)).hasSize(64);
                }
            }
        }
    }

    @Test
    void a_failure_inside_the_write_leaves_the_scan_incomplete_and_the_previous_state_intact() {
        Resource b = bucket("logs", "eu-west-1");
        String id = result(b, Status.FAIL, Severity.HIGH).findingId();
        try (JdbcStore store = open()) {
            store.record(report(T1, result(b, Status.FAIL, Severity.HIGH)), List.of(b));
            Finding before = store.finding(id).orElseThrow();
            store.failPoint = point -> {
                if (point.equals("findings")) throw new IllegalStateException("simulated crash after the findings were written");
            };
            assertThatThrownBy(() -> store.record(report(T2, result(b, Status.PASS, Severity.HIGH)), List.of(b)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("simulated crash");
            store.failPoint = point -> { };

            assertThat(store.finding(id)).contains(before);
            assertThat(store.history(id)).hasSize(1);
            assertThat(store.scans()).extracting(ScanRecord::status).containsExactly("complete", "incomplete");
            assertThat(store.scans().get(1).results()).isZero();
            assertThat(store.audit()).hasSize(1);

            store.record(report(T3, result(b, Status.PASS, Severity.HIGH)), List.of(b));
            assertThat(store.finding(id)).get().extracting(Finding::status, Finding::resolvedAt)
                    .containsExactly(FindingStatus.RESOLVED, T3);
        }
    }

    @Test
    void a_scan_killed_half_way_stays_incomplete_and_the_previous_state_is_intact() throws Exception {
        Resource b = bucket("logs", "eu-west-1");
        String id = result(b, Status.FAIL, Severity.HIGH).findingId();
        Finding before;
        try (JdbcStore store = open()) {
            store.record(report(T1, result(b, Status.FAIL, Severity.HIGH)), List.of(b));
            before = store.finding(id).orElseThrow();
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), KilledRecorder.class.getName(), url)
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("WRITTEN")) {
                // the child's other output (warnings) is of no interest
            }
            assertThat(line).as("the child reached the middle of its write").isEqualTo("WRITTEN");
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        try (JdbcStore store = open()) {
            assertThat(store.finding(id)).contains(before);
            assertThat(store.scans()).extracting(ScanRecord::status).containsExactly("complete", "incomplete");
            assertThat(store.audit()).hasSize(1);
            store.record(report(T3, result(b, Status.PASS, Severity.HIGH)), List.of(b));
            assertThat(store.finding(id)).get().extracting(Finding::status).isEqualTo(FindingStatus.RESOLVED);
        }
    }

    @Test
    void a_database_written_by_a_newer_vigil_is_refused() throws Exception {
        try (JdbcStore store = open()) {
            try (Connection c = store.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'vigil', 1, "
                        + (fixture().isSqlite() ? "1" : "true") + ")");
            }
        }
        assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
                .hasMessageContaining("written by a newer Vigil (schema version 99, this Vigil knows up to " + JdbcStore.schemaVersion() + ")")
                .hasMessageNotContaining("\n");
    }

    @Test
    void a_wrong_url_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> JdbcStore.open("jdbc:mysql://localhost/vigil")).isInstanceOf(StoreException.class)
                .hasMessage("unsupported database URL 'jdbc:mysql://localhost/vigil' (expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
    }

    @Test
    void the_audit_log_is_append_only() throws Exception {
        Resource b = bucket("logs", "eu-west-1");
        try (JdbcStore store = open()) {
            store.record(report(T1, result(b, Status.FAIL, Severity.HIGH)), List.of(b));
            try (Connection c = store.connect(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET actor = 'someone else'")).hasMessageContaining("append-only");
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log")).hasMessageContaining("append-only");
            }
            assertThat(store.audit()).singleElement().extracting(AuditEntry::actor).isNotEqualTo("someone else");
        }
    }

    @Test
    void a_locked_sqlite_file_gives_a_clear_error_and_loses_nothing() throws Exception {
        assumeTrue(fixture().isSqlite(), "file locks are SQLite's");
        Resource b = bucket("logs", "eu-west-1");
        String id = result(b, Status.FAIL, Severity.HIGH).findingId();
        try (JdbcStore store = open()) {
            store.record(report(T1, result(b, Status.FAIL, Severity.HIGH)), List.of(b));
            try (Connection holder = DriverManager.getConnection(url); Statement s = holder.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                assertThatThrownBy(() -> store.record(report(T2, result(b, Status.PASS, Severity.HIGH)), List.of(b)))
                        .isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("database " + url + " is locked by another process")
                        .hasMessageNotContaining("\n");
                s.execute("ROLLBACK");
            }
            assertThat(store.scans()).hasSize(1);
            assertThat(store.finding(id)).get().extracting(Finding::status).isEqualTo(FindingStatus.OPEN);
        }
    }

    @Test
    void many_results_are_written_in_batches() {
        List<Resource> resources = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            Resource r = bucket("b" + i, "eu-west-1");
            resources.add(r);
            results.add(result(r, i % 2 == 0 ? Status.FAIL : Status.PASS, Severity.MEDIUM));
        }
        try (JdbcStore store = open()) {
            Recorded rec = store.record(report(T1, results, List.of()), resources);
            assertThat(rec.opened()).isEqualTo(1250);
            assertThat(store.findings()).hasSize(1250);
            assertThat(store.scan(rec.scanId())).get().extracting(ScanRecord::results, ScanRecord::resources)
                    .containsExactly(2500L, 2500L);
        }
    }

    static final Instant T5 = Instant.parse("2026-11-05T10:00:00Z");

    static Resource bucket(String name, String region, Map<String, Object> properties) {
        return new Resource("aws", "aws.s3.bucket", "arn:aws:s3:::" + name, name, ACCOUNT, region, Map.of("team", "data"),
                properties, Map.of(), null, List.of());
    }

    static Resource bucketIn(String account, String name) {
        return new Resource("aws", "aws.s3.bucket", "arn:aws:s3:::" + name, name, account, "eu-west-1", Map.of(),
                Map.of("name", name), Map.of(), null, List.of());
    }

    @Test
    void two_scans_of_different_accounts_written_at_once_do_not_corrupt_each_other() throws Exception {
        try (JdbcStore first = open(); JdbcStore second = open()) {
            List<Thread> writers = new java.util.ArrayList<>();
            java.util.Map<String, Throwable> failures = new java.util.concurrent.ConcurrentHashMap<>();
            for (var w : List.of(java.util.Map.entry("111111111111", first), java.util.Map.entry("222222222222", second))) {
                writers.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int scan = 0; scan < 4; scan++) {
                            List<Resource> buckets = new java.util.ArrayList<>();
                            List<Result> results = new java.util.ArrayList<>();
                            for (int i = 0; i < 150; i++) {
                                Resource b = bucketIn(w.getKey(), "b-" + w.getKey() + "-" + i);
                                buckets.add(b);
                                // the first account fails every bucket, the second passes them all
                                results.add(result(b, w.getKey().startsWith("1") ? Status.FAIL : Status.PASS, Severity.HIGH));
                            }
                            w.getValue().record(report(T1.plusSeconds(scan * 60L), results, List.of()), buckets);
                        }
                    } catch (Throwable t) {
                        failures.put(w.getKey(), t);
                    }
                }));
            }
            for (Thread t : writers) t.join();
            assertThat(failures).isEmpty();
            assertThat(first.scans()).hasSize(8).allSatisfy(s -> assertThat(s.status()).isEqualTo("complete"));
            assertThat(first.findings()).hasSize(150).allSatisfy(f -> {
                assertThat(f.account()).isEqualTo("111111111111");
                assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
            });
            for (var s : first.scans()) assertThat(first.results(s.id())).hasSize(150);
        }
    }

    @Test
    void a_scans_resources_and_results_are_read_back() {
        Resource b = bucket("logs", "eu-west-1");
        Resource a = bucket("archive", "eu-west-1");
        try (JdbcStore store = open()) {
            long scan = store.record(report(T1, result(b, Status.FAIL, Severity.HIGH), result(a, Status.PASS, Severity.HIGH)),
                    List.of(b, a)).scanId();
            assertThat(store.resources(scan)).extracting(StoredResource::id, StoredResource::name, StoredResource::region)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::archive", "archive", "eu-west-1"),
                            org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::logs", "logs", "eu-west-1"));
            assertThat(store.resources(scan).get(1).canonical()).isEqualTo(JdbcStore.canonicalJson(b));
            assertThat(store.results(scan)).hasSize(2).anySatisfy(r -> {
                assertThat(r.findingId()).isEqualTo(result(b, Status.FAIL, Severity.HIGH).findingId());
                assertThat(r.status()).isEqualTo(Status.FAIL);
                assertThat(r.severity()).isEqualTo(Severity.HIGH);
                assertThat(r.reason()).isEqualTo("public access not blocked");
                assertThat(r.resourceName()).isEqualTo("logs");
            });
            assertThat(store.resources(scan + 99)).isEmpty();
        }
    }

    @Test
    void drift_lists_resources_added_removed_and_changed_field_by_field_and_findings_that_appeared_or_resolved() {
        Resource logs1 = bucket("logs", "eu-west-1", Map.of("name", "logs", "versioning", true, "encryption", Map.of("algorithm", "aws:kms")));
        Resource logs2 = bucket("logs", "eu-west-1", Map.of("name", "logs", "versioning", false));
        Resource same = bucket("same", "eu-west-1");
        Resource gone = bucket("gone", "eu-west-1");
        Resource added = bucket("added", "eu-west-1");
        Resource flaky = bucket("flaky", "eu-west-1");
        try (JdbcStore store = open()) {
            long s1 = store.record(report(T1, result(logs1, Status.PASS, Severity.HIGH), result(gone, Status.FAIL, Severity.HIGH),
                    result(same, Status.FAIL, Severity.LOW), result(flaky, Status.FAIL, Severity.MEDIUM)), List.of(logs1, same, gone, flaky)).scanId();
            long s2 = store.record(report(T2, result(logs2, Status.FAIL, Severity.HIGH), result(added, Status.PASS, Severity.HIGH),
                    result(same, Status.FAIL, Severity.LOW), result(flaky, Status.ERROR, Severity.MEDIUM)), List.of(logs2, same, added, flaky)).scanId();
            Drift d = store.drift(s1, s2);
            assertThat(d.from().id()).isEqualTo(s1);
            assertThat(d.to().id()).isEqualTo(s2);
            assertThat(d.added()).extracting(StoredResource::name).containsExactly("added");
            assertThat(d.removed()).extracting(StoredResource::name).containsExactly("gone");
            assertThat(d.changed()).singleElement().satisfies(c -> {
                assertThat(c.after().name()).isEqualTo("logs");
                assertThat(c.fields()).containsExactly(
                        new Drift.FieldDiff("properties.encryption", "{\"algorithm\":\"aws:kms\"}", null),
                        new Drift.FieldDiff("properties.versioning", "true", "false"));
            });
            assertThat(d.appeared()).extracting(StoredResult::resourceName).containsExactly("logs");
            // the bucket gone resolved its finding; an ERROR on the flaky one resolves nothing
            assertThat(d.resolved()).extracting(StoredResult::resourceName).containsExactly("gone");
        }
    }

    @Test
    void drift_compares_the_two_latest_complete_scans_of_the_same_accounts_by_default() {
        Resource b = bucketIn(ACCOUNT, "logs");
        Resource other = bucketIn("444455556666", "theirs");
        try (JdbcStore store = open()) {
            long s1 = store.record(report(T1, result(b, Status.PASS, Severity.HIGH)), List.of(b)).scanId();
            long s2 = store.record(report(T2, result(b, Status.PASS, Severity.HIGH)), List.of(b)).scanId();
            long s3 = store.record(report(T3, result(other, Status.PASS, Severity.HIGH)), List.of(other)).scanId();
            store.failPoint = point -> {
                throw new IllegalStateException("simulated crash");
            };
            assertThatThrownBy(() -> store.record(report(T4, result(b, Status.PASS, Severity.HIGH)), List.of(b)));
            store.failPoint = point -> { };
            long s4 = store.scans().get(3).id();
            long s5 = store.record(report(T5, result(b, Status.PASS, Severity.HIGH)), List.of(b)).scanId();

            Drift.Pair latest = Drift.pick(store.scans(), null, null);
            assertThat(latest.from().id()).isEqualTo(s2);
            assertThat(latest.to().id()).isEqualTo(s5);
            assertThat(Drift.pick(store.scans(), null, s2).from().id()).isEqualTo(s1);
            assertThat(store.drift(s1, s2).isEmpty()).isTrue();
            assertThat(Drift.pick(store.scans(), s1, null).to().id()).isEqualTo(s5);
            assertThatThrownBy(() -> Drift.pick(store.scans(), null, s3)).isInstanceOf(StoreException.class)
                    .hasMessage("no complete scan of the same accounts before scan " + s3 + " to compare with");
            assertThatThrownBy(() -> Drift.pick(store.scans(), s4, null)).isInstanceOf(StoreException.class)
                    .hasMessage("scan " + s4 + " is incomplete (interrupted); it cannot be compared");
            assertThatThrownBy(() -> store.drift(s1, 999)).isInstanceOf(StoreException.class).hasMessage("no scan 999 in the store");
        }
    }

    @Test
    void remediations_are_episodes_from_first_failing_to_resolved_within_the_period() {
        Resource b = bucket("logs", "eu-west-1");
        Resource c = bucket("cache", "eu-west-1");
        String id = result(b, Status.FAIL, Severity.HIGH).findingId();
        try (JdbcStore store = open()) {
            store.record(report(T1, result(b, Status.FAIL, Severity.HIGH), result(c, Status.FAIL, Severity.LOW)), List.of(b, c));
            store.record(report(T2, result(b, Status.FAIL, Severity.CRITICAL), result(c, Status.FAIL, Severity.LOW)), List.of(b, c));
            store.record(report(T3, result(b, Status.PASS, Severity.CRITICAL), result(c, Status.FAIL, Severity.LOW)), List.of(b, c));
            store.record(report(T4, result(b, Status.FAIL, Severity.CRITICAL), result(c, Status.FAIL, Severity.LOW)), List.of(b, c));
            store.record(report(T5, result(b, Status.PASS, Severity.CRITICAL)), List.of(b));
            String cid = result(c, Status.FAIL, Severity.LOW).findingId();
            assertThat(store.remediations(null, null)).containsExactlyInAnyOrder(
                    new Remediation(id, RULE, Severity.CRITICAL, T1, T3),
                    new Remediation(id, RULE, Severity.CRITICAL, T4, T5),
                    new Remediation(cid, RULE, Severity.LOW, T1, T5));
            assertThat(store.remediations(T4, null)).extracting(Remediation::opened, Remediation::resolved)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(T4, T5), org.assertj.core.groups.Tuple.tuple(T1, T5));
            assertThat(store.remediations(null, T4)).singleElement().extracting(Remediation::took).isEqualTo(Duration.ofDays(2));
        }
    }
}
