package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.store.AuditEntry;
import dev.vigil.store.ExceptionRecord;
import dev.vigil.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil exceptions add | list | revoke | review} on a SQLite store in a temporary directory. */
class ExceptionsCommandTest {
    static final String RULE = "aws-s3-bucket-public-access-blocked";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path file;
    String db;

    @BeforeEach
    void store() {
        file = dir.resolve("store/vigil.db");
        db = "jdbc:sqlite:" + file;
    }

    CliRun add(String... extra) {
        List<String> args = new ArrayList<>(List.of("exceptions", "add", "--db", db));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    CliRun addComplete(String rule, LocalDate expires, String... extra) {
        List<String> args = new ArrayList<>(List.of("--rule", rule, "--reason", "compensating control", "--owner", "alice",
                "--approver", "bob", "--expires", expires.toString()));
        args.addAll(List.of(extra));
        return add(args.toArray(String[]::new));
    }

    private static void assertOneLineError(CliRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err().strip()).startsWith("vigil: " + message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void add_then_list_shows_every_field() {
        LocalDate expires = TODAY.plusDays(90);
        CliRun run = addComplete("aws-s3-*", expires, "--account", "111122223333", "--region", "eu-west-1",
                "--resource", "arn:aws:s3:::logs-*", "--tag", "env=dev");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("exception 1 added: rule=aws-s3-* account=111122223333 region=eu-west-1"
                + " resource=arn:aws:s3:::logs-* tag=env=dev, expires " + expires);

        CliRun list = CliRun.of("exceptions", "list", "--db", db);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("ID", "STATE", "EXPIRES", "OWNER", "APPROVER")
                .containsPattern("1 +active +" + expires + " +alice +bob +rule=aws-s3-\\* account=111122223333")
                .contains("reason: compensating control");
        try (Store store = Store.open(db)) {
            ExceptionRecord x = store.exceptions().get(1).orElseThrow();
            assertThat(x.expires()).isEqualTo(expires.atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(x.scope().tagKey()).isEqualTo("env");
            assertThat(x.scope().tagValue()).isEqualTo("dev");
            assertThat(store.audit()).extracting(AuditEntry::action).containsExactly("exception.added");
        }
    }

    @Test
    void list_of_an_empty_store_says_so() {
        CliRun list = CliRun.of("exceptions", "list", "--db", db);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out().strip()).isEqualTo("no exceptions");
    }

    @Test
    void revoke_marks_it_revoked_with_the_reason_and_audits_it() {
        addComplete(RULE, TODAY.plusDays(90));
        CliRun run = CliRun.of("exceptions", "revoke", "1", "--reason", "bucket made private", "--db", db);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("exception 1 revoked: rule=" + RULE);
        assertThat(CliRun.of("exceptions", "list", "--db", db).out()).containsPattern("1 +revoked ").contains(": bucket made private");
        try (Store store = Store.open(db)) {
            assertThat(store.audit()).extracting(AuditEntry::action).containsExactly("exception.added", "exception.revoked");
        }
        assertOneLineError(CliRun.of("exceptions", "revoke", "1", "--reason", "again", "--db", db), "exception 1 was already revoked on");
    }

    @Test
    void revoke_errors() {
        addComplete(RULE, TODAY.plusDays(90));
        assertOneLineError(CliRun.of("exceptions", "revoke", "1", "--db", db), "exceptions revoke needs --reason");
        assertOneLineError(CliRun.of("exceptions", "revoke", "7", "--reason", "x", "--db", db), "no exception 7");
        try (Store store = Store.open(db)) {
            assertThat(store.exceptions().get(1)).get().extracting(ExceptionRecord::revoked).isEqualTo(false);
        }
    }

    @Test
    void review_lists_those_expiring_within_the_days_and_those_matching_nothing() {
        addComplete(RULE, TODAY.plusDays(10));
        addComplete("aws-ec2-*", TODAY.plusDays(200));
        CliRun run = CliRun.of("exceptions", "review", "--within", "30", "--db", db);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        String out = run.out();
        assertThat(out).startsWith("Expiring within 30 days: 1\n");
        assertThat(out.substring(0, out.indexOf("Matching"))).containsPattern("1 +active +" + TODAY.plusDays(10)).doesNotContain("aws-ec2-*");
        // no scan recorded yet: nothing is matched
        assertThat(out.substring(out.indexOf("Matching no current finding: 2"))).contains("rule=" + RULE).contains("rule=aws-ec2-*");

        assertThat(CliRun.of("exceptions", "review", "--db", db).out()).startsWith("Expiring within 30 days: 1\n");
        assertThat(CliRun.of("exceptions", "review", "--within", "365", "--db", db).out()).startsWith("Expiring within 365 days: 2\n");
    }

    @Test
    void a_missing_reason_or_expiry_an_expiry_in_the_past_or_a_bad_date_is_one_line_and_nothing_is_written() {
        String future = TODAY.plusDays(30).toString();
        assertOneLineError(add("--rule", RULE, "--owner", "alice", "--approver", "bob", "--expires", future),
                "exceptions add needs --reason");
        assertOneLineError(add("--rule", RULE, "--reason", " ", "--owner", "alice", "--approver", "bob", "--expires", future),
                "exceptions add needs --reason");
        assertOneLineError(add("--rule", RULE, "--reason", "accepted", "--owner", "alice", "--approver", "bob"),
                "exceptions add needs --expires");
        assertOneLineError(add("--reason", "accepted", "--owner", "alice", "--approver", "bob", "--expires", future),
                "exceptions add needs --rule");
        assertOneLineError(add("--rule", RULE, "--reason", "accepted", "--approver", "bob", "--expires", future),
                "exceptions add needs --owner");
        assertOneLineError(add("--rule", RULE, "--reason", "accepted", "--owner", "alice", "--approver", "bob", "--expires", "2020-01-01"),
                "--expires 2020-01-01 is not in the future (today is " + TODAY + ")");
        assertOneLineError(add("--rule", RULE, "--reason", "accepted", "--owner", "alice", "--approver", "bob", "--expires", TODAY.toString()),
                "--expires " + TODAY + " is not in the future (today is " + TODAY + ")");
        assertOneLineError(add("--rule", RULE, "--reason", "accepted", "--owner", "alice", "--approver", "bob", "--expires", "next week"),
                "--expires 'next week' is not a date YYYY-MM-DD");
        assertOneLineError(addComplete(RULE, TODAY.plusDays(30), "--tag", "env"), "--tag 'env' is not KEY=VALUE");
        assertThat(Files.exists(file)).as("nothing written, not even an empty store").isFalse();
        assertThat(Files.exists(file.getParent())).isFalse();
    }

    @Test
    void a_refused_add_leaves_an_existing_store_unchanged() {
        addComplete(RULE, TODAY.plusDays(30));
        assertOneLineError(add("--rule", "aws-ec2-*", "--owner", "alice", "--approver", "bob", "--expires", TODAY.plusDays(30).toString()),
                "exceptions add needs --reason");
        try (Store store = Store.open(db)) {
            assertThat(store.exceptions().list()).hasSize(1);
            assertThat(store.audit()).hasSize(1);
        }
    }

    @Test
    void a_bad_db_url_is_one_line_and_nothing_is_written() {
        assertOneLineError(CliRun.of("exceptions", "add", "--db", "jdbc:mysql://localhost/vigil", "--rule", RULE, "--reason", "accepted",
                        "--owner", "alice", "--approver", "bob", "--expires", TODAY.plusDays(30).toString()),
                "unsupported database URL 'jdbc:mysql://localhost/vigil' (expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
        assertOneLineError(CliRun.of("exceptions", "list", "--db", "sqlite:" + file),
                "unsupported database URL 'sqlite:" + file + "' (expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
        CliRun pg = CliRun.of("exceptions", "review", "--db", "jdbc:postgresql://127.0.0.1:1/vigil");
        assertThat(pg.exitCode()).isEqualTo(1);
        assertThat(pg.err().strip().lines()).hasSize(1);
        assertThat(pg.err()).startsWith("vigil: cannot connect to jdbc:postgresql://127.0.0.1:1/vigil");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void the_default_store_is_sqlite_under_the_home_directory() {
        assertThat(Store.defaultUrl()).isEqualTo("jdbc:sqlite:" + Path.of(System.getProperty("user.home"), ".vigil", "vigil.db"));
        assertThat(Instant.now()).isNotNull();
    }
}
