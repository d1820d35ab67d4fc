package dev.vigil.store;

import dev.vigil.model.Result;
import dev.vigil.model.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link Exceptions} in the {@code exceptions} table of a {@link JdbcStore}; each change and its audit entry in one transaction. */
final class JdbcExceptions implements Exceptions {
    private final JdbcStore store;

    JdbcExceptions(JdbcStore store) {
        this.store = store;
    }

    @Override
    public ExceptionRecord add(ExceptionScope scope, String reason, String owner, String approver, Instant expires) {
        if (scope == null) throw new StoreException("an exception needs a scope (at least a rule)");
        if (reason == null || reason.isBlank()) throw new StoreException("an exception needs a reason");
        if (expires == null) throw new StoreException("an exception needs an expiry");
        Instant now = JdbcStore.truncate(store.clock().instant());
        expires = JdbcStore.truncate(expires);
        if (!expires.isAfter(now)) {
            throw new StoreException("expiry " + ExceptionRecord.text(expires) + " is not in the future (now " + ExceptionRecord.text(now) + ")");
        }
        Instant expiry = expires;
        return write("adding an exception", c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exceptions (account, region, rule, resource, tag_key, tag_value,"
                    + " reason, owner, approver, created, created_by, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, scope.account());
                ps.setString(2, scope.region());
                ps.setString(3, scope.rule());
                ps.setString(4, scope.resource());
                ps.setString(5, scope.tagKey());
                ps.setString(6, scope.tagValue());
                ps.setString(7, reason.strip());
                ps.setString(8, blankToNull(owner));
                ps.setString(9, blankToNull(approver));
                ps.setString(10, JdbcStore.time(now));
                ps.setString(11, store.actor());
                ps.setString(12, JdbcStore.time(expiry));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            ExceptionRecord added = one(c, id).orElseThrow();
            store.audit(c, "exception.added", "exception:" + id, describe(added));
            return added;
        });
    }

    @Override
    public List<ExceptionRecord> list() {
        return store.read("reading exceptions", JdbcExceptions::all);
    }

    @Override
    public Optional<ExceptionRecord> get(long id) {
        return store.read("reading exception " + id, c -> one(c, id));
    }

    @Override
    public ExceptionRecord revoke(long id, String reason) {
        if (reason == null || reason.isBlank()) throw new StoreException("revoking exception " + id + " needs a reason");
        Instant now = JdbcStore.truncate(store.clock().instant());
        return write("revoking exception " + id, c -> {
            ExceptionRecord before = one(c, id).orElseThrow(() -> new StoreException("no exception " + id));
            if (before.revoked()) {
                throw new StoreException("exception " + id + " was already revoked on " + ExceptionRecord.text(before.revokedAt())
                        + " by " + before.revokedBy());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE exceptions SET revoked_at = ?, revoked_by = ?, revoke_reason = ?"
                    + " WHERE id = ? AND revoked_at IS NULL")) {
                ps.setString(1, JdbcStore.time(now));
                ps.setString(2, store.actor());
                ps.setString(3, reason.strip());
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            store.audit(c, "exception.revoked", "exception:" + id, Map.of("reason", reason.strip()));
            return one(c, id).orElseThrow();
        });
    }

    @Override
    public ExceptionReview review(int withinDays) {
        if (withinDays < 0) throw new StoreException("review needs a number of days of 0 or more, not " + withinDays);
        Instant now = store.clock().instant();
        Instant horizon = now.plus(Duration.ofDays(withinDays));
        return store.read("reviewing exceptions", c -> {
            List<ExceptionRecord> active = all(c).stream().filter(e -> e.activeAt(now)).toList();
            List<ExceptionRecord> expiring = active.stream().filter(e -> !e.expires().isAfter(horizon))
                    .sorted(Comparator.comparing(ExceptionRecord::expires).thenComparing(ExceptionRecord::id)).toList();
            List<Finding> current = JdbcStore.query(c, "SELECT * FROM findings WHERE status <> 'RESOLVED' ORDER BY finding_id",
                    JdbcStore::finding);
            boolean needTags = active.stream().anyMatch(e -> e.scope().tagKey() != null);
            Map<String, Map<String, String>> tags = new HashMap<>();
            List<ExceptionRecord> unmatched = new ArrayList<>();
            for (ExceptionRecord e : active) {
                boolean matched = false;
                for (Finding f : current) {
                    Result r = new Result(f.ruleId(), f.severity(), Status.FAIL, f.reason(), f.resourceType(), f.resourceId(),
                            f.resourceName(), f.provider(), f.account(), f.region(), "");
                    Map<String, String> t = needTags && e.scope().tagKey() != null ? tags.computeIfAbsent(f.id(), k -> tagsOf(c, f)) : Map.of();
                    if (e.scope().matches(r, t)) {
                        matched = true;
                        break;
                    }
                }
                if (!matched) unmatched.add(e);
            }
            return new ExceptionReview(withinDays, expiring, unmatched);
        });
    }

    /** The tags of a finding's resource as the last scan that saw it fail stored them. */
    private static Map<String, String> tagsOf(Connection c, Finding f) {
        try {
            List<String> docs = JdbcStore.query(c, "SELECT canonical FROM scan_resources WHERE scan_id = ? AND resource_id = ? AND type = ?",
                    rs -> rs.getString(1), f.lastScanId(), f.resourceId(), f.resourceType());
            if (docs.isEmpty()) return Map.of();
            var node = JdbcStore.JSON.readTree(docs.get(0)).path("tags");
            Map<String, String> out = new TreeMap<>();
            node.fields().forEachRemaining(en -> out.put(en.getKey(), en.getValue().asText()));
            return out;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("reading the tags of " + f.resourceId() + " failed: " + e.getMessage(), e);
        }
    }

    static List<ExceptionRecord> all(Connection c) throws SQLException {
        return JdbcStore.query(c, "SELECT * FROM exceptions ORDER BY id", JdbcExceptions::exception);
    }

    private static Optional<ExceptionRecord> one(Connection c, long id) throws SQLException {
        return JdbcStore.query(c, "SELECT * FROM exceptions WHERE id = ?", JdbcExceptions::exception, id).stream().findFirst();
    }

    private static ExceptionRecord exception(ResultSet rs) throws SQLException {
        ExceptionScope scope = new ExceptionScope(rs.getString("account"), rs.getString("region"), rs.getString("rule"),
                rs.getString("resource"), rs.getString("tag_key"), rs.getString("tag_value"));
        return new ExceptionRecord(rs.getLong("id"), scope, rs.getString("reason"), rs.getString("owner"), rs.getString("approver"),
                JdbcStore.instant(rs.getString("created")), rs.getString("created_by"), JdbcStore.instant(rs.getString("expires")),
                JdbcStore.instant(rs.getString("revoked_at")), rs.getString("revoked_by"), rs.getString("revoke_reason"));
    }

    /** What the audit log keeps of an added exception. */
    private static Map<String, Object> describe(ExceptionRecord e) {
        Map<String, Object> d = new LinkedHashMap<>();
        ExceptionScope s = e.scope();
        d.put("rule", s.rule());
        if (s.account() != null) d.put("account", s.account());
        if (s.region() != null) d.put("region", s.region());
        if (s.resource() != null) d.put("resource", s.resource());
        if (s.tagKey() != null) d.put("tag", s.tagKey() + "=" + s.tagValue());
        d.put("reason", e.reason());
        if (e.owner() != null) d.put("owner", e.owner());
        if (e.approver() != null) d.put("approver", e.approver());
        d.put("expires", JdbcStore.time(e.expires()));
        return d;
    }

    private <T> T write(String doing, JdbcStore.Work<T> work) {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw store.dialect().translate(store.url(), doing, e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
