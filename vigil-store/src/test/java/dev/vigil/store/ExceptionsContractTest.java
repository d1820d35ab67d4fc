package dev.vigil.store;

import static dev.vigil.store.StoreContractTest.ACCOUNT;
import static dev.vigil.store.StoreContractTest.RULE;
import static dev.vigil.store.StoreContractTest.T1;
import static dev.vigil.store.StoreContractTest.T2;
import static dev.vigil.store.StoreContractTest.T3;
import static dev.vigil.store.StoreContractTest.T4;
import static dev.vigil.store.StoreContractTest.report;
import static dev.vigil.store.StoreContractTest.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Resource;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exceptions (accepted risks), the same on every database: subclasses give the {@link StoreFixture}. */
abstract class ExceptionsContractTest {
    /** The store's clock: exceptions are added "now", before the scans of T1..T4. */
    static final Instant NOW = Instant.parse("2026-10-31T12:00:00Z");
    static final Instant NOV_3 = Instant.parse("2026-11-03T00:00:00Z");
    static final String USER = System.getProperty("user.name", "unknown");

    @TempDir
    Path dir;
    String url;

    abstract StoreFixture fixture();

    @BeforeEach
    void freshDatabase() throws Exception {
        url = fixture().newUrl(dir);
    }

    JdbcStore open(Instant now) {
        return JdbcStore.open(url, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMillis(300), Suppressions.NONE);
    }

    JdbcStore open() {
        return open(NOW);
    }

    static Resource bucket(String name, String region, Map<String, String> tags) {
        return new Resource("aws", "aws.s3.bucket", "arn:aws:s3:::" + name, name, ACCOUNT, region, tags,
                Map.of("name", name), Map.of(), null, List.of());
    }

    static Resource bucket(String name) {
        return bucket(name, "eu-west-1", Map.of("team", "data"));
    }

    static Result fail(Resource r) {
        return result(r, Status.FAIL, Severity.HIGH);
    }

    static ExceptionRecord add(Store store, ExceptionScope scope, Instant expires) {
        return store.exceptions().add(scope, "compensating control: bucket policy denies public reads", "alice", "bob", expires);
    }

    @Test
    void the_lifecycle_across_fail_fail_pass_fail_exception_expiry_has_the_exact_states() {
        Resource b = bucket("logs");
        String id = fail(b).findingId();
        Instant t5 = Instant.parse("2026-11-05T10:00:00Z");
        Instant t6 = Instant.parse("2026-11-06T10:00:00Z");
        try (JdbcStore store = open()) {
            long s1 = store.record(report(T1, fail(b)), List.of(b)).scanId();
            long s2 = store.record(report(T2, fail(b)), List.of(b)).scanId();
            long s3 = store.record(report(T3, result(b, Status.PASS, Severity.HIGH)), List.of(b)).scanId();
            long s4 = store.record(report(T4, fail(b)), List.of(b)).scanId();
            assertThat(store.finding(id)).get().extracting(Finding::status).isEqualTo(FindingStatus.REOPENED);

            ExceptionRecord x = add(store, ExceptionScope.rule(RULE), Instant.parse("2026-11-06T00:00:00Z"));
            Recorded fifth = store.record(report(t5, fail(b)), List.of(b));
            assertThat(fifth.suppressed()).isEqualTo(1);
            assertThat(fifth.notes()).isEmpty();
            assertThat(store.finding(id)).get().satisfies(f -> {
                assertThat(f.status()).isEqualTo(FindingStatus.SUPPRESSED);
                assertThat(f.exceptionId()).isEqualTo(x.id());
                assertThat(f.resolvedAt()).as("suppressed is not resolved").isNull();
                assertThat(f.lastSeen()).isEqualTo(t5);
            });

            Recorded sixth = store.record(report(t6, fail(b)), List.of(b));
            String note = "exception " + x.id() + " expired on 2026-11-06; 1 finding no longer suppressed";
            assertThat(sixth.opened()).isEqualTo(1);
            assertThat(sixth.notes()).containsExactly(note);
            assertThat(store.scan(sixth.scanId())).get().extracting(ScanRecord::notes).isEqualTo(List.of(note));
            assertThat(store.scan(fifth.scanId())).get().extracting(ScanRecord::notes).isEqualTo(List.of());
            assertThat(store.finding(id)).get().satisfies(f -> {
                assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
                assertThat(f.exceptionId()).isNull();
                assertThat(f.firstSeen()).isEqualTo(T1);
                assertThat(f.lastSeen()).isEqualTo(t6);
            });
            Severity h = Severity.HIGH;
            assertThat(store.history(id)).containsExactly(
                    new FindingChange(id, s1, T1, null, FindingStatus.OPEN, null, h, "fail"),
                    new FindingChange(id, s3, T3, FindingStatus.OPEN, FindingStatus.RESOLVED, h, h, "pass"),
                    new FindingChange(id, s4, T4, FindingStatus.RESOLVED, FindingStatus.REOPENED, h, h, "fail"),
                    new FindingChange(id, fifth.scanId(), t5, FindingStatus.REOPENED, FindingStatus.SUPPRESSED, h, h, "suppressed"),
                    new FindingChange(id, sixth.scanId(), t6, FindingStatus.SUPPRESSED, FindingStatus.OPEN, h, h, "expired"));
            assertThat(s2).isGreaterThan(s1);
            assertThat(store.audit()).filteredOn(a -> a.action().equals("exception.expired")).singleElement().satisfies(a -> {
                assertThat(a.subject()).isEqualTo("exception:" + x.id());
                assertThat(a.detail()).contains(note).contains(id);
            });

            // reported once: the next scan has nothing to say
            Recorded seventh = store.record(report(t6.plusSeconds(86400), fail(b)), List.of(b));
            assertThat(seventh.notes()).isEmpty();
            assertThat(store.finding(id)).get().extracting(Finding::status).isEqualTo(FindingStatus.OPEN);
        }
    }

    @Test
    void an_exception_covers_a_scan_started_before_its_expiry_and_none_after() {
        Resource b = bucket("logs");
        String id = fail(b).findingId();
        try (JdbcStore store = open()) {
            ExceptionRecord x = add(store, ExceptionScope.rule(RULE), NOV_3);
            store.record(report(NOV_3.minusMillis(1), fail(b)), List.of(b));
            assertThat(store.finding(id)).get().extracting(Finding::status, Finding::exceptionId)
                    .containsExactly(FindingStatus.SUPPRESSED, x.id());
            Recorded at = store.record(report(NOV_3, fail(b)), List.of(b));
            assertThat(at.notes()).containsExactly("exception " + x.id() + " expired on 2026-11-03; 1 finding no longer suppressed");
            assertThat(store.finding(id)).get().extracting(Finding::status, Finding::exceptionId)
                    .containsExactly(FindingStatus.OPEN, null);
        }
    }

    @Test
    void a_new_failure_under_an_exception_is_suppressed_from_the_start_and_a_pass_resolves_it() {
        Resource b = bucket("logs");
        String id = fail(b).findingId();
        try (JdbcStore store = open()) {
            ExceptionRecord x = add(store, ExceptionScope.rule(RULE), NOV_3);
            Recorded first = store.record(report(T1, fail(b)), List.of(b));
            assertThat(first.suppressed()).isEqualTo(1);
            assertThat(first.opened()).isZero();
            assertThat(store.finding(id)).get().extracting(Finding::status, Finding::exceptionId)
                    .containsExactly(FindingStatus.SUPPRESSED, x.id());
            store.record(report(T2, result(b, Status.ERROR, Severity.HIGH)), List.of(b));
            assertThat(store.finding(id)).get().extracting(Finding::status).isEqualTo(FindingStatus.SUPPRESSED);
            store.record(report(T2.plusSeconds(60), result(b, Status.PASS, Severity.HIGH)), List.of(b));
            assertThat(store.finding(id)).get().extracting(Finding::status, Finding::exceptionId, Finding::resolvedAt)
                    .containsExactly(FindingStatus.RESOLVED, null, T2.plusSeconds(60));
            assertThat(store.history(id)).extracting(FindingChange::cause).containsExactly("suppressed", "pass");
        }
    }

    @Test
    void the_scope_matches_account_region_rule_glob_resource_glob_and_tag() {
        Resource logsA = bucket("logs-a");
        Resource logsB = bucket("logs-b", "us-east-1", Map.of("team", "data"));
        Resource logsC = bucket("logs-c", "eu-west-1", Map.of("team", "web"));
        Resource other = bucket("other");
        Resource untagged = bucket("logs-d", "eu-west-1", Map.of());
        List<Resource> all = List.of(logsA, logsB, logsC, other, untagged);
        try (JdbcStore store = open()) {
            ExceptionRecord x = add(store, ExceptionScope.rule("aws-s3-*").withAccount(ACCOUNT).withRegion("eu-west-1")
                    .withResource("arn:aws:s3:::logs-?").withTag("team", "data"), NOV_3);
            add(store, ExceptionScope.rule("aws-s3-*").withAccount("999999999999"), NOV_3);
            add(store, ExceptionScope.rule("aws-ec2-*"), NOV_3);
            store.record(report(T1, all.stream().map(ExceptionsContractTest::fail).toList(), List.of()), all);
            assertThat(store.finding(fail(logsA).findingId())).get().extracting(Finding::status, Finding::exceptionId)
                    .containsExactly(FindingStatus.SUPPRESSED, x.id());
            for (Resource r : List.of(logsB, logsC, other, untagged)) {
                assertThat(store.finding(fail(r).findingId())).as(r.name()).get().extracting(Finding::status, Finding::exceptionId)
                        .containsExactly(FindingStatus.OPEN, null);
            }
        }
    }

    @Test
    void a_resource_glob_matches_the_name_too_and_covers_every_region_when_none_is_given() {
        Resource eu = bucket("logs-a");
        Resource us = bucket("logs-b", "us-east-1", Map.of());
        try (JdbcStore store = open()) {
            add(store, ExceptionScope.rule(RULE).withResource("logs-*"), NOV_3);
            Recorded rec = store.record(report(T1, fail(eu), fail(us)), List.of(eu, us));
            assertThat(rec.suppressed()).isEqualTo(2);
        }
    }

    @Test
    void a_revoked_exception_stops_suppressing_from_the_next_scan_and_is_reported() {
        Resource b = bucket("logs");
        String id = fail(b).findingId();
        Instant revokedAt = Instant.parse("2026-11-01T15:00:00Z");
        ExceptionRecord x;
        try (JdbcStore store = open()) {
            x = add(store, ExceptionScope.rule(RULE), Instant.parse("2027-01-01T00:00:00Z"));
            store.record(report(T1, fail(b)), List.of(b));
            assertThat(store.finding(id)).get().extracting(Finding::status).isEqualTo(FindingStatus.SUPPRESSED);
        }
        try (JdbcStore store = open(revokedAt)) {
            ExceptionRecord revoked = store.exceptions().revoke(x.id(), "the bucket is public no more on purpose");
            assertThat(revoked.revoked()).isTrue();
            assertThat(revoked.revokedAt()).isEqualTo(revokedAt);
            assertThat(revoked.revokedBy()).isEqualTo(USER);
            assertThat(revoked.revokeReason()).isEqualTo("the bucket is public no more on purpose");
            assertThat(revoked.state(revokedAt)).isEqualTo("revoked");
            // the finding changes with the next scan, not with the revocation
            assertThat(store.finding(id)).get().extracting(Finding::status).isEqualTo(FindingStatus.SUPPRESSED);

            Recorded next = store.record(report(T2, fail(b)), List.of(b));
            assertThat(next.notes()).containsExactly("exception " + x.id() + " revoked on 2026-11-01T15:00:00Z; 1 finding no longer suppressed");
            assertThat(store.finding(id)).get().extracting(Finding::status, Finding::exceptionId).containsExactly(FindingStatus.OPEN, null);
            assertThat(store.history(id)).extracting(FindingChange::cause).containsExactly("suppressed", "revoked");
        }
    }

    @Test
    void revoking_needs_a_reason_a_known_id_and_a_standing_exception() {
        try (JdbcStore store = open()) {
            ExceptionRecord x = add(store, ExceptionScope.rule(RULE), NOV_3);
            assertThatThrownBy(() -> store.exceptions().revoke(x.id(), " ")).isInstanceOf(StoreException.class)
                    .hasMessage("revoking exception " + x.id() + " needs a reason");
            assertThatThrownBy(() -> store.exceptions().revoke(x.id() + 100, "why not")).isInstanceOf(StoreException.class)
                    .hasMessage("no exception " + (x.id() + 100));
            store.exceptions().revoke(x.id(), "no longer needed");
            assertThatThrownBy(() -> store.exceptions().revoke(x.id(), "again")).isInstanceOf(StoreException.class)
                    .hasMessage("exception " + x.id() + " was already revoked on 2026-10-31T12:00:00Z by " + USER);
            assertThat(store.exceptions().get(x.id())).get().extracting(ExceptionRecord::revokeReason).isEqualTo("no longer needed");
            assertThat(store.audit()).extracting(AuditEntry::action).containsExactly("exception.added", "exception.revoked");
        }
    }

    @Test
    void an_exception_without_a_reason_or_an_expiry_or_expiring_in_the_past_is_refused_and_nothing_is_written() {
        try (JdbcStore store = open()) {
            ExceptionScope scope = ExceptionScope.rule(RULE);
            assertThatThrownBy(() -> store.exceptions().add(scope, "", "alice", "bob", NOV_3))
                    .isInstanceOf(StoreException.class).hasMessage("an exception needs a reason");
            assertThatThrownBy(() -> store.exceptions().add(scope, null, "alice", "bob", NOV_3))
                    .isInstanceOf(StoreException.class).hasMessage("an exception needs a reason");
            assertThatThrownBy(() -> store.exceptions().add(scope, "accepted", "alice", "bob", null))
                    .isInstanceOf(StoreException.class).hasMessage("an exception needs an expiry");
            assertThatThrownBy(() -> store.exceptions().add(scope, "accepted", "alice", "bob", Instant.parse("2026-10-01T00:00:00Z")))
                    .isInstanceOf(StoreException.class).hasMessage("expiry 2026-10-01 is not in the future (now 2026-10-31T12:00:00Z)");
            assertThatThrownBy(() -> ExceptionScope.rule(" ")).isInstanceOf(StoreException.class).hasMessageContaining("needs a rule");
            assertThat(store.exceptions().list()).isEmpty();
            assertThat(store.audit()).isEmpty();
        }
    }

    @Test
    void adding_and_listing_keep_every_field() {
        try (JdbcStore store = open()) {
            ExceptionScope scope = ExceptionScope.rule("aws-s3-*").withAccount(ACCOUNT).withRegion("eu-west-1")
                    .withResource("arn:aws:s3:::logs-*").withTag("env", "dev");
            ExceptionRecord x = store.exceptions().add(scope, "dev data only", "alice", "bob", NOV_3);
            ExceptionRecord y = store.exceptions().add(ExceptionScope.rule(RULE), "accepted", null, null, NOV_3.plusSeconds(86400));
            assertThat(store.exceptions().list()).containsExactly(x, y);
            assertThat(x.scope()).isEqualTo(scope);
            assertThat(x.reason()).isEqualTo("dev data only");
            assertThat(x.owner()).isEqualTo("alice");
            assertThat(x.approver()).isEqualTo("bob");
            assertThat(x.created()).isEqualTo(NOW);
            assertThat(x.createdBy()).isEqualTo(USER);
            assertThat(x.expires()).isEqualTo(NOV_3);
            assertThat(x.revoked()).isFalse();
            assertThat(x.state(NOW)).isEqualTo("active");
            assertThat(x.state(NOV_3)).isEqualTo("expired");
            assertThat(y.owner()).isNull();
            assertThat(y.id()).isGreaterThan(x.id());
        }
    }

    @Test
    void review_lists_those_expiring_within_the_days_and_those_matching_no_current_finding() {
        Resource logs = bucket("logs");
        Resource web = bucket("web", "eu-west-1", Map.of("team", "web"));
        Resource data = bucket("data");
        try (JdbcStore store = open()) {
            store.record(report(T1, fail(logs), fail(web), fail(data)), List.of(logs, web, data));
            ExceptionRecord soon = add(store, ExceptionScope.rule(RULE).withResource("*logs"), Instant.parse("2026-11-10T00:00:00Z"));
            ExceptionRecord later = add(store, ExceptionScope.rule(RULE).withResource("arn:aws:s3:::data"), Instant.parse("2026-12-31T00:00:00Z"));
            ExceptionRecord stale = add(store, ExceptionScope.rule("aws-ec2-*"), Instant.parse("2026-11-20T00:00:00Z"));
            ExceptionRecord tagged = add(store, ExceptionScope.rule(RULE).withTag("team", "web"), Instant.parse("2027-06-01T00:00:00Z"));
            ExceptionRecord wrongTag = add(store, ExceptionScope.rule(RULE).withTag("team", "finance"), Instant.parse("2027-06-01T00:00:00Z"));
            ExceptionRecord revoked = add(store, ExceptionScope.rule("aws-ec2-*"), Instant.parse("2026-11-05T00:00:00Z"));
            store.exceptions().revoke(revoked.id(), "mistake");

            ExceptionReview review = store.exceptions().review(30);
            assertThat(review.withinDays()).isEqualTo(30);
            assertThat(review.expiring()).extracting(ExceptionRecord::id).containsExactly(soon.id(), stale.id());
            assertThat(review.unmatched()).extracting(ExceptionRecord::id).containsExactly(stale.id(), wrongTag.id());
            assertThat(store.exceptions().review(90).expiring()).extracting(ExceptionRecord::id)
                    .containsExactly(soon.id(), stale.id(), later.id());

            // the data bucket is fixed: its exception covers nothing any more
            store.record(report(T2, fail(logs), fail(web), result(data, Status.PASS, Severity.HIGH)), List.of(logs, web, data));
            assertThat(store.exceptions().review(0).unmatched()).extracting(ExceptionRecord::id)
                    .containsExactly(later.id(), stale.id(), wrongTag.id());
            assertThat(store.exceptions().review(0).expiring()).isEmpty();
            assertThat(tagged.id()).isPositive();
            assertThatThrownBy(() -> store.exceptions().review(-1)).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void every_change_to_an_exception_is_in_the_append_only_audit_log_with_who_when_and_what() throws Exception {
        Instant revokedAt = Instant.parse("2026-11-02T08:00:00Z");
        ExceptionRecord x;
        try (JdbcStore store = open()) {
            x = store.exceptions().add(ExceptionScope.rule(RULE).withAccount(ACCOUNT).withTag("env", "dev"), "dev only", "alice", "bob", NOV_3);
        }
        try (JdbcStore store = open(revokedAt)) {
            store.exceptions().revoke(x.id(), "prod data found");
            List<AuditEntry> audit = store.audit();
            assertThat(audit).hasSize(2);
            assertThat(audit.get(0)).satisfies(a -> {
                assertThat(a.action()).isEqualTo("exception.added");
                assertThat(a.subject()).isEqualTo("exception:" + x.id());
                assertThat(a.actor()).isEqualTo(USER);
                assertThat(a.at()).isEqualTo(NOW);
                assertThat(a.detail()).isEqualTo("{\"account\":\"" + ACCOUNT + "\",\"approver\":\"bob\",\"expires\":\"2026-11-03T00:00:00.000Z\","
                        + "\"owner\":\"alice\",\"reason\":\"dev only\",\"rule\":\"" + RULE + "\",\"tag\":\"env=dev\"}");
            });
            assertThat(audit.get(1)).satisfies(a -> {
                assertThat(a.action()).isEqualTo("exception.revoked");
                assertThat(a.subject()).isEqualTo("exception:" + x.id());
                assertThat(a.actor()).isEqualTo(USER);
                assertThat(a.at()).isEqualTo(revokedAt);
                assertThat(a.detail()).isEqualTo("{\"reason\":\"prod data found\"}");
            });
            try (Connection c = store.connect(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log WHERE action = 'exception.revoked'"))
                        .hasMessageContaining("append-only");
            }
            assertThat(store.audit()).hasSize(2);
        }
    }

    @Test
    void the_exceptions_view_shows_scope_state_and_what_each_suppresses() {
        Resource b = bucket("logs");
        try (JdbcStore store = open()) {
            ExceptionRecord x = add(store, ExceptionScope.rule(RULE), Instant.parse("2027-01-01T00:00:00Z"));
            store.record(report(T1, fail(b)), List.of(b));
            QueryContractTest.Rows rows = QueryContractTest.query(store,
                    "SELECT id, rule, reason, owner, approver, state, suppressing FROM v_exceptions ORDER BY id");
            assertThat(rows.rows()).hasSize(1);
            assertThat(rows.rows().get(0).get(1)).isEqualTo(RULE);
            assertThat(rows.rows().get(0).get(5)).isEqualTo("active");
            assertThat(((Number) rows.rows().get(0).get(6)).longValue()).isEqualTo(1L);
            store.exceptions().revoke(x.id(), "no longer needed");
            assertThat(QueryContractTest.query(store, "SELECT state FROM v_exceptions").rows().get(0).get(0)).isEqualTo("revoked");
        }
    }
}
