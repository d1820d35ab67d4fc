package dev.vigil.cli;

import dev.vigil.store.ExceptionRecord;
import dev.vigil.store.ExceptionReview;
import dev.vigil.store.ExceptionScope;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil exceptions add | list | revoke | review}: accepted risks in the findings store. Every
 * argument is checked before the store is opened, so a refused command writes nothing (not even
 * an empty database).
 */
@Command(name = "exceptions", description = "Accepted risks: a FAIL an active exception covers is SUPPRESSED (not resolved) until it expires or is revoked.",
        subcommands = {ExceptionsCommand.Add.class, ExceptionsCommand.ListExceptions.class, ExceptionsCommand.Revoke.class,
                ExceptionsCommand.Review.class})
final class ExceptionsCommand {
    private static final Clock clock = Clock.systemUTC();

    @Command(name = "add", description = "Adds an exception; its scope is the rule glob narrowed by any of account, region, resource glob and tag.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions db;

        @Option(names = "--rule", paramLabel = "GLOB", description = "Rule id or glob (* and ?), e.g. aws-s3-*.")
        String rule;

        @Option(names = "--account", paramLabel = "A", description = "Only this account.")
        String account;

        @Option(names = "--region", paramLabel = "R", description = "Only this region.")
        String region;

        @Option(names = "--resource", paramLabel = "GLOB", description = "Resource id (ARN) or name, or a glob of them.")
        String resource;

        @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Only resources carrying this tag.")
        String tag;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why the risk is accepted (required).")
        String reason;

        @Option(names = "--owner", paramLabel = "WHO", description = "Who owns the risk (required).")
        String owner;

        @Option(names = "--approver", paramLabel = "WHO", description = "Who approved it (required).")
        String approver;

        @Option(names = "--expires", paramLabel = "YYYY-MM-DD", description = "The day it stops covering (at 00:00 UTC; required, in the future).")
        String expires;

        @Override
        public Integer call() {
            String[] kv = tag == null ? null : tag.split("=", 2);
            require(rule, "--rule");
            require(reason, "--reason");
            require(expires, "--expires");
            require(owner, "--owner");
            require(approver, "--approver");
            if (kv != null && (kv.length != 2 || kv[0].isBlank())) throw new Vigil.UsageException("--tag '" + tag + "' is not KEY=VALUE");
            LocalDate day;
            try {
                day = LocalDate.parse(expires.strip());
            } catch (DateTimeParseException e) {
                throw new Vigil.UsageException("--expires '" + expires + "' is not a date YYYY-MM-DD");
            }
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            if (!day.isAfter(today)) throw new Vigil.UsageException("--expires " + day + " is not in the future (today is " + today + ")");
            ExceptionScope scope = new ExceptionScope(account, region, rule, resource, kv == null ? null : kv[0], kv == null ? null : kv[1]);
            Instant expiry = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            try (Store store = db.open()) {
                ExceptionRecord x = store.exceptions().add(scope, reason, owner, approver, expiry);
                PrintWriter out = spec.commandLine().getOut();
                out.println("exception " + x.id() + " added: " + x.scope().describe() + ", expires " + x.expiresText());
                out.flush();
            }
            return Vigil.OK;
        }

        private static void require(String value, String option) {
            if (value == null || value.isBlank()) throw new Vigil.UsageException("exceptions add needs " + option);
        }
    }

    @Command(name = "list", description = "Every exception with its state (active, expired, revoked), scope, owner, approver, expiry and reason.")
    static final class ListExceptions implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions db;

        @Override
        public Integer call() {
            try (Store store = db.open()) {
                List<ExceptionRecord> all = store.exceptions().list();
                PrintWriter out = spec.commandLine().getOut();
                if (all.isEmpty()) {
                    out.println("no exceptions");
                } else {
                    table(out, all, clock.instant());
                }
                out.flush();
            }
            return Vigil.OK;
        }
    }

    @Command(name = "revoke", description = "Revokes an exception: from the next scan its findings are open again.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions db;

        @Parameters(paramLabel = "ID", description = "The exception's id (see 'vigil exceptions list').")
        long id;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is revoked (required).")
        String reason;

        @Override
        public Integer call() {
            if (reason == null || reason.isBlank()) throw new Vigil.UsageException("exceptions revoke needs --reason");
            try (Store store = db.open()) {
                ExceptionRecord x = store.exceptions().revoke(id, reason);
                PrintWriter out = spec.commandLine().getOut();
                out.println("exception " + x.id() + " revoked: " + x.scope().describe());
                out.flush();
            }
            return Vigil.OK;
        }
    }

    @Command(name = "review", description = "Active exceptions that expire within N days, and those that match no current finding any more.")
    static final class Review implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions db;

        @Option(names = "--within", paramLabel = "DAYS", defaultValue = "30", description = "Days ahead to look for expiries (default: ${DEFAULT-VALUE}).")
        int within;

        @Override
        public Integer call() {
            if (within < 0) throw new Vigil.UsageException("--within must be 0 or more days, not " + within);
            try (Store store = db.open()) {
                ExceptionReview review = store.exceptions().review(within);
                PrintWriter out = spec.commandLine().getOut();
                Instant now = clock.instant();
                out.println("Expiring within " + within + " days: " + review.expiring().size());
                if (!review.expiring().isEmpty()) table(out, review.expiring(), now);
                out.println("Matching no current finding: " + review.unmatched().size());
                if (!review.unmatched().isEmpty()) table(out, review.unmatched(), now);
                out.flush();
            }
            return Vigil.OK;
        }
    }

    static void table(PrintWriter out, List<ExceptionRecord> rows, Instant now) {
        out.printf("%-5s %-8s %-11s %-12s %-12s %s%n", "ID", "STATE", "EXPIRES", "OWNER", "APPROVER", "SCOPE / REASON");
        for (ExceptionRecord x : rows) {
            out.printf("%-5d %-8s %-11s %-12s %-12s %s%n", x.id(), x.state(now), x.expiresText(), dash(x.owner()), dash(x.approver()),
                    x.scope().describe());
            out.printf("%-52s reason: %s%n", "", x.reason());
            if (x.revoked()) out.printf("%-52s revoked %s by %s: %s%n", "", x.revokedAt(), x.revokedBy(), x.revokeReason());
        }
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
