package dev.vigil.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.engine.ScanReport;
import dev.vigil.model.Resource;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.input.CoverageGap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;

/**
 * The store on a JDBC database: SQLite (a file) or PostgreSQL, the same SQL on both (differences
 * in {@link Dialect}). Opens a connection per operation; safe to share between threads.
 */
public final class JdbcStore implements Store {
    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        // Flyway reports every migration at INFO; a scan's output is no place for that.
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final int BATCH = 1000;

    private final String url;
    private final Dialect dialect;
    private final Properties properties;
    private final Clock clock;
    private final Suppressions suppressions;
    private final String actor;
    /** Test seam: called at named points of {@link #record} to simulate a crash. */
    volatile FailPoint failPoint = point -> { };

    interface FailPoint {
        void reached(String point) throws Exception;
    }

    private JdbcStore(String url, Dialect dialect, Properties properties, Clock clock, Suppressions suppressions) {
        this.url = url;
        this.dialect = dialect;
        this.properties = properties;
        this.clock = clock;
        this.suppressions = suppressions;
        this.actor = System.getProperty("user.name", "unknown");
    }

    public static JdbcStore open(String url) {
        return open(url, Clock.systemUTC(), Duration.ofSeconds(10), Suppressions.NONE);
    }

    /**
     * @param busyTimeout how long SQLite waits for another writer's lock before failing
     */
    public static JdbcStore open(String url, Clock clock, Duration busyTimeout, Suppressions suppressions) {
        Dialect dialect = Dialect.of(url);
        if (dialect == Dialect.SQLITE) createParent(url);
        JdbcStore store = new JdbcStore(url, dialect, dialect.connectionProperties(busyTimeout.toMillis()), clock,
                Objects.requireNonNull(suppressions));
        store.migrate();
        return store;
    }

    private static void createParent(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) file = file.substring(0, q);
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) return;
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the directory of database " + url + ": " + e.getMessage(), e);
        }
    }

    private void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(new Connections())
                .locations(dialect.locations())
                .placeholders(dialect.placeholders())
                .load();
        try {
            MigrationVersion known = null;
            MigrationInfo newer = null;
            for (MigrationInfo m : flyway.info().all()) {
                if (m.getState().name().startsWith("FUTURE")) {
                    if (newer == null || m.getVersion().compareTo(newer.getVersion()) > 0) newer = m;
                } else if (m.getVersion() != null && (known == null || m.getVersion().compareTo(known) > 0)) {
                    known = m.getVersion();
                }
            }
            if (newer != null) {
                throw new StoreException("database " + url + " was written by a newer Vigil (schema version " + newer.getVersion()
                        + ", this Vigil knows up to " + known + "); upgrade Vigil or use another --db");
            }
            flyway.migrate();
        } catch (RuntimeException e) {
            throw dialect.translate(url, "opening the store", e);
        }
    }

    /** The newest schema version this build of Vigil knows. */
    public static String schemaVersion() {
        return "6";
    }

    @Override
    public String url() {
        return url;
    }

    Clock clock() {
        return clock;
    }

    Dialect dialect() {
        return dialect;
    }

    String actor() {
        return actor;
    }

    @Override
    public Exceptions exceptions() {
        return new JdbcExceptions(this);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    // ---------------------------------------------------------------------------------------- record

    @Override
    public Recorded record(ScanReport report, List<Resource> resources, String catalogVersion) {
        Instant at = truncate(report.startedAt() != null ? report.startedAt() : clock.instant());
        Instant finished = report.duration() == null ? null : truncate(at.plus(report.duration()));
        Scope scope = Scope.of(report, resources);
        long scanId;
        try (Connection c = connect()) {
            scanId = insertScan(c, report, at, finished, scope, catalogVersion);
        } catch (SQLException | RuntimeException e) {
            throw dialect.translate(url, "recording the scan", e);
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                failPoint.reached("begin");
                insertResources(c, scanId, resources);
                failPoint.reached("resources");
                insertResults(c, scanId, report.results());
                failPoint.reached("results");
                ActiveExceptions exceptions = new ActiveExceptions(JdbcExceptions.all(c));
                Recorded recorded = updateFindings(c, scanId, at, report, resources, scope, exceptions);
                failPoint.reached("findings");
                Map<String, Object> detail = new java.util.TreeMap<>(Map.of(
                        "opened", recorded.opened(), "reopened", recorded.reopened(), "resolved", recorded.resolved(),
                        "suppressed", recorded.suppressed(), "severityChanged", recorded.severityChanged(),
                        "results", report.results().size(), "resources", resources.size()));
                if (!recorded.notes().isEmpty()) detail.put("notes", recorded.notes());
                audit(c, "scan.recorded", "scan:" + scanId, detail);
                completeScan(c, scanId, report, resources.size(), recorded.notes());
                c.commit();
                return recorded;
            } catch (Exception e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (Exception e) {
            throw dialect.translate(url, "recording scan " + scanId, e);
        }
    }

    /** The accounts and regions a scan covered: where a missing resource means it is gone. */
    record Scope(Set<String> accounts, Set<String> regions, Set<String> present, List<CoverageGap> gaps,
                 Map<String, Map<String, String>> tags) {
        static Scope of(ScanReport report, List<Resource> resources) {
            Set<String> accounts = new TreeSet<>();
            Set<String> regions = new TreeSet<>();
            Set<String> present = new java.util.HashSet<>();
            Map<String, Map<String, String>> tags = new HashMap<>();
            for (Resource r : resources) {
                accounts.add(r.account());
                regions.add(r.region());
                String key = key(r.account(), r.region(), r.type(), r.id());
                present.add(key);
                if (!r.tags().isEmpty()) tags.put(key, r.tags());
            }
            for (Result r : report.results()) {
                accounts.add(nz(r.account()));
                regions.add(nz(r.region()));
                present.add(key(nz(r.account()), nz(r.region()), nz(r.resourceType()), nz(r.resourceId())));
            }
            if (report.collection() != null) {
                if (report.collection().account() != null) accounts.add(report.collection().account());
                if (report.collection().regions() != null) regions.addAll(report.collection().regions());
            }
            return new Scope(accounts, regions, present, report.gaps() == null ? List.of() : report.gaps(), tags);
        }

        /** The tags of the resource a result is about, as this scan saw them (none when it did not see the resource). */
        Map<String, String> tagsOf(Result r) {
            return tags.getOrDefault(key(nz(r.account()), nz(r.region()), nz(r.resourceType()), nz(r.resourceId())), Map.of());
        }

        boolean gone(Finding f) {
            return accounts.contains(f.account()) && regions.contains(f.region())
                    && !present.contains(key(f.account(), f.region(), f.resourceType(), f.resourceId()))
                    && gaps.stream().noneMatch(g -> g.hides(f.resourceType(), f.account(), f.region()));
        }

        static String key(String account, String region, String type, String id) {
            return account + '\u001f' + region + '\u001f' + type + '\u001f' + id;
        }
    }

    private long insertScan(Connection c, ScanReport report, Instant at, Instant finished, Scope scope, String catalogVersion)
            throws SQLException {
        List<String> inputs = new ArrayList<>(report.files() == null ? List.of() : report.files());
        if (report.collection() != null) inputs.add("live:" + report.collection().account());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scans (started, finished, recorded, status, inputs, accounts, regions,"
                + " parameters, catalog_version) VALUES (?, ?, ?, 'incomplete', ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, time(at));
            ps.setString(2, time(finished));
            ps.setString(3, time(clock.instant()));
            ps.setString(4, json(inputs));
            ps.setString(5, json(scope.accounts()));
            ps.setString(6, json(scope.regions()));
            ps.setString(7, json(report.parameters() == null ? Map.of() : report.parameters()));
            ps.setString(8, catalogVersion);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void completeScan(Connection c, long scanId, ScanReport report, int resources, List<String> notes) throws SQLException {
        Map<Status, Long> counts = report.countsByStatus();
        try (PreparedStatement ps = c.prepareStatement("UPDATE scans SET status = 'complete', resource_count = ?, result_count = ?,"
                + " pass_count = ?, fail_count = ?, error_count = ?, unknown_count = ?, gap_count = ?, notes = ? WHERE id = ?")) {
            ps.setLong(1, resources);
            ps.setLong(2, report.results().size());
            ps.setLong(3, counts.get(Status.PASS));
            ps.setLong(4, counts.get(Status.FAIL));
            ps.setLong(5, counts.get(Status.ERROR));
            ps.setLong(6, counts.get(Status.UNKNOWN));
            ps.setLong(7, report.gaps() == null ? 0 : report.gaps().size());
            ps.setString(8, notes.isEmpty() ? null : json(notes));
            ps.setLong(9, scanId);
            ps.executeUpdate();
        }
    }

    private void insertResources(Connection c, long scanId, List<Resource> resources) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scan_resources (scan_id, provider, type, resource_id, name, account,"
                + " region, canonical, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Resource r : resources) {
                String canonical = canonicalJson(r);
                ps.setLong(1, scanId);
                ps.setString(2, nz(r.provider()));
                ps.setString(3, r.type());
                ps.setString(4, r.id());
                ps.setString(5, r.name());
                ps.setString(6, r.account());
                ps.setString(7, r.region());
                ps.setString(8, canonical);
                ps.setString(9, sha256(canonical));
                ps.addBatch();
                if (++n % BATCH == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertResults(Connection c, long scanId, List<Result> results) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scan_results (scan_id, finding_id, rule_id, severity, status, reason,"
                + " provider, resource_type, resource_id, resource_name, account, region, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Result r : results) {
                ps.setLong(1, scanId);
                ps.setString(2, r.findingId());
                ps.setString(3, r.ruleId());
                ps.setString(4, severity(r.severity()).name());
                ps.setString(5, r.status().name());
                ps.setString(6, r.reason());
                ps.setString(7, nz(r.provider()));
                ps.setString(8, nz(r.resourceType()));
                ps.setString(9, nz(r.resourceId()));
                ps.setString(10, nz(r.resourceName()));
                ps.setString(11, nz(r.account()));
                ps.setString(12, nz(r.region()));
                ps.setString(13, nz(r.origin()));
                ps.addBatch();
                if (++n % BATCH == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
    }

    /** Applies {@link Lifecycle} to every finding the scan touched, and resolves those whose resource is gone. */
    private Recorded updateFindings(Connection c, long scanId, Instant at, ScanReport report, List<Resource> resources, Scope scope,
                                    ActiveExceptions exceptions) throws SQLException {
        Map<String, Finding> existing = new HashMap<>();
        for (String account : scope.accounts()) {
            existing.putAll(query(c, "SELECT * FROM findings WHERE account = ?", JdbcStore::finding, account).stream()
                    .collect(java.util.stream.Collectors.toMap(Finding::id, f -> f)));
        }
        // one outcome per finding id: a FAIL outweighs anything else the same scan said about it
        Map<String, Result> byFinding = new LinkedHashMap<>();
        for (Result r : report.results()) {
            byFinding.merge(r.findingId(), r, (a, b) -> a.status() == Status.FAIL ? a : b.status() == Status.FAIL ? b : a);
        }
        List<Finding> inserts = new ArrayList<>();
        List<Finding> updates = new ArrayList<>();
        List<FindingChange> changes = new ArrayList<>();
        int opened = 0, reopened = 0, resolved = 0, suppressed = 0, severityChanged = 0;
        // exception id -> the findings it stopped suppressing in this scan (it expired or was revoked)
        Map<Long, List<String>> lapsed = new java.util.TreeMap<>();
        for (Result r : byFinding.values()) {
            Finding f = existing.get(r.findingId());
            FindingStatus from = f == null ? null : f.status();
            boolean failed = r.status() == Status.FAIL;
            Long exceptionId = failed ? exceptions.coveredBy(r, scope.tagsOf(r), at).map(ExceptionRecord::id).orElse(null) : null;
            // an inline vigil:ignore in the code suppresses like an exception (a baseline does not: it only gates CI)
            boolean inline = r.suppressed() != null && r.suppressed().by() == dev.vigil.model.Suppressed.By.INLINE;
            boolean covered = failed && (exceptionId != null || inline || suppressions.covers(r, at));
            FindingStatus to = Lifecycle.onResult(from, r.status(), covered);
            if (to == null) continue;
            Severity severity = severity(r.severity());
            if (to != FindingStatus.SUPPRESSED) exceptionId = null;
            String lapse = null;
            if (failed && f != null && from == FindingStatus.SUPPRESSED && f.exceptionId() != null && !f.exceptionId().equals(exceptionId)) {
                lapsed.computeIfAbsent(f.exceptionId(), k -> new ArrayList<>()).add(f.id());
                lapse = exceptions.get(f.exceptionId()).map(x -> lapse(x, at)).orElse("revoked");
            }
            if (f == null) {
                Finding created = new Finding(r.findingId(), r.ruleId(), nz(r.provider()), nz(r.resourceType()), nz(r.resourceId()),
                        nz(r.resourceName()), nz(r.account()), nz(r.region()), to, severity, r.reason(), at, at, null, scanId, scanId,
                        exceptionId);
                inserts.add(created);
                changes.add(new FindingChange(created.id(), scanId, at, null, to, null, severity, covered ? "suppressed" : "fail"));
                if (to == FindingStatus.SUPPRESSED) suppressed++; else opened++;
                continue;
            }
            Severity newSeverity = failed ? severity : f.severity();
            boolean statusChanged = to != from;
            boolean severityChange = newSeverity != f.severity();
            if (!statusChanged && !severityChange && !failed) continue;
            Finding next = new Finding(f.id(), f.ruleId(), f.provider(), f.resourceType(), f.resourceId(),
                    failed ? nz(r.resourceName()) : f.resourceName(), f.account(), f.region(), to, newSeverity,
                    failed ? r.reason() : f.reason(), f.firstSeen(), failed ? at : f.lastSeen(),
                    to == FindingStatus.RESOLVED ? (statusChanged ? at : f.resolvedAt()) : null,
                    f.firstScanId(), failed ? scanId : f.lastScanId(), failed ? exceptionId : to == FindingStatus.SUPPRESSED ? f.exceptionId() : null);
            updates.add(next);
            if (statusChanged || severityChange) {
                String cause = statusChanged
                        ? (to == FindingStatus.SUPPRESSED ? "suppressed" : lapse != null ? lapse : failed ? "fail" : "pass") : "severity";
                changes.add(new FindingChange(f.id(), scanId, at, from, to, f.severity(), newSeverity, cause));
            }
            if (statusChanged) {
                switch (to) {
                    case OPEN -> opened++;
                    case REOPENED -> reopened++;
                    case RESOLVED -> resolved++;
                    case SUPPRESSED -> suppressed++;
                }
            }
            if (severityChange) severityChanged++;
        }
        for (Finding f : existing.values()) {
            if (byFinding.containsKey(f.id()) || f.status() == FindingStatus.RESOLVED || !scope.gone(f)) continue;
            FindingStatus to = Lifecycle.onResourceGone(f.status());
            updates.add(new Finding(f.id(), f.ruleId(), f.provider(), f.resourceType(), f.resourceId(), f.resourceName(), f.account(),
                    f.region(), to, f.severity(), f.reason(), f.firstSeen(), f.lastSeen(), at, f.firstScanId(), f.lastScanId(), null));
            changes.add(new FindingChange(f.id(), scanId, at, f.status(), to, f.severity(), f.severity(), "gone"));
            resolved++;
        }
        writeFindings(c, inserts, updates, changes);
        List<String> notes = new ArrayList<>();
        for (var e : lapsed.entrySet()) {
            ExceptionRecord x = exceptions.get(e.getKey()).orElse(null);
            String why = x == null ? "no longer exists" : switch (lapse(x, at)) {
                case "revoked" -> "revoked on " + ExceptionRecord.text(x.revokedAt());
                case "expired" -> "expired on " + x.expiresText();
                default -> "no longer matches";
            };
            String note = "exception " + e.getKey() + " " + why + "; " + count(e.getValue().size()) + " no longer suppressed";
            notes.add(note);
            audit(c, x != null && lapse(x, at).equals("expired") ? "exception.expired" : "exception.lapsed", "exception:" + e.getKey(),
                    Map.of("scan", scanId, "findings", e.getValue(), "note", note));
        }
        return new Recorded(scanId, opened, reopened, resolved, suppressed, severityChanged, List.copyOf(notes));
    }

    /** Why an exception that suppressed a finding no longer does: {@code revoked}, {@code expired}, or {@code fail} (out of its scope now). */
    private static String lapse(ExceptionRecord x, Instant at) {
        return x.revoked() ? "revoked" : !x.activeAt(at) ? "expired" : "fail";
    }

    private static String count(int findings) {
        return findings + (findings == 1 ? " finding" : " findings");
    }

    private void writeFindings(Connection c, List<Finding> inserts, List<Finding> updates, List<FindingChange> changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO findings (finding_id, rule_id, provider, resource_type, resource_id,"
                + " resource_name, account, region, status, severity, reason, first_seen, last_seen, resolved_at, first_scan_id, last_scan_id,"
                + " exception_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Finding f : inserts) {
                ps.setString(1, f.id());
                ps.setString(2, f.ruleId());
                ps.setString(3, f.provider());
                ps.setString(4, f.resourceType());
                ps.setString(5, f.resourceId());
                ps.setString(6, f.resourceName());
                ps.setString(7, f.account());
                ps.setString(8, f.region());
                ps.setString(9, f.status().name());
                ps.setString(10, f.severity().name());
                ps.setString(11, f.reason());
                ps.setString(12, time(f.firstSeen()));
                ps.setString(13, time(f.lastSeen()));
                ps.setString(14, time(f.resolvedAt()));
                ps.setLong(15, f.firstScanId());
                ps.setLong(16, f.lastScanId());
                setLong(ps, 17, f.exceptionId());
                ps.addBatch();
                if (++n % BATCH == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE findings SET resource_name = ?, status = ?, severity = ?, reason = ?,"
                + " last_seen = ?, resolved_at = ?, last_scan_id = ?, exception_id = ? WHERE finding_id = ?")) {
            int n = 0;
            for (Finding f : updates) {
                ps.setString(1, f.resourceName());
                ps.setString(2, f.status().name());
                ps.setString(3, f.severity().name());
                ps.setString(4, f.reason());
                ps.setString(5, time(f.lastSeen()));
                ps.setString(6, time(f.resolvedAt()));
                ps.setLong(7, f.lastScanId());
                setLong(ps, 8, f.exceptionId());
                ps.setString(9, f.id());
                ps.addBatch();
                if (++n % BATCH == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding_history (finding_id, scan_id, at, from_status, to_status,"
                + " from_severity, to_severity, cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (FindingChange ch : changes) {
                ps.setString(1, ch.findingId());
                ps.setLong(2, ch.scanId());
                ps.setString(3, time(ch.at()));
                ps.setString(4, ch.from() == null ? null : ch.from().name());
                ps.setString(5, ch.to().name());
                ps.setString(6, ch.fromSeverity() == null ? null : ch.fromSeverity().name());
                ps.setString(7, ch.toSeverity().name());
                ps.setString(8, ch.cause());
                ps.addBatch();
                if (++n % BATCH == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) ps.setNull(index, java.sql.Types.BIGINT); else ps.setLong(index, value);
    }

    void audit(Connection c, String action, String subject, Map<String, ?> detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, time(clock.instant()));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, json(new java.util.TreeMap<>(detail)));
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------------------------------- read

    @Override
    public List<ScanRecord> scans() {
        return read("reading scans", c -> query(c, "SELECT * FROM scans ORDER BY id", JdbcStore::scan));
    }

    @Override
    public Optional<ScanRecord> scan(long id) {
        return read("reading scan " + id, c -> query(c, "SELECT * FROM scans WHERE id = ?", JdbcStore::scan, id)).stream().findFirst();
    }

    @Override
    public List<Finding> findings() {
        return read("reading findings", c -> query(c, "SELECT * FROM findings ORDER BY finding_id", JdbcStore::finding));
    }

    @Override
    public Optional<Finding> finding(String id) {
        return read("reading finding " + id, c -> query(c, "SELECT * FROM findings WHERE finding_id = ?", JdbcStore::finding, id))
                .stream().findFirst();
    }

    @Override
    public List<FindingChange> history(String findingId) {
        return read("reading the history of " + findingId, c -> query(c, "SELECT * FROM finding_history WHERE finding_id = ? ORDER BY id",
                rs -> new FindingChange(rs.getString("finding_id"), rs.getLong("scan_id"), instant(rs.getString("at")),
                        status(rs.getString("from_status")), status(rs.getString("to_status")),
                        sev(rs.getString("from_severity")), sev(rs.getString("to_severity")), rs.getString("cause")), findingId));
    }

    @Override
    public List<AuditEntry> audit() {
        return read("reading the audit log", c -> query(c, "SELECT * FROM audit_log ORDER BY id",
                rs -> new AuditEntry(rs.getLong("id"), instant(rs.getString("at")), rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("detail"))));
    }

    @Override
    public List<StoredResource> resources(long scanId) {
        return read("reading the resources of scan " + scanId, c -> query(c,
                "SELECT * FROM scan_resources WHERE scan_id = ? ORDER BY account, region, type, resource_id",
                rs -> new StoredResource(rs.getString("provider"), rs.getString("type"), rs.getString("resource_id"), rs.getString("name"),
                        rs.getString("account"), rs.getString("region"), rs.getString("canonical"), rs.getString("sha256")), scanId));
    }

    @Override
    public List<StoredResult> results(long scanId) {
        return read("reading the results of scan " + scanId, c -> query(c,
                "SELECT * FROM scan_results WHERE scan_id = ? ORDER BY finding_id, status",
                rs -> new StoredResult(rs.getString("finding_id"), rs.getString("rule_id"), sev(rs.getString("severity")),
                        Status.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("resource_type"),
                        rs.getString("resource_id"), rs.getString("resource_name"), rs.getString("account"), rs.getString("region")), scanId));
    }

    @Override
    public List<Remediation> remediations(Instant since, Instant until) {
        // times are fixed-width ISO-8601 text: they compare as text on both databases
        String from = since == null ? "0000" : time(truncate(since));
        String to = until == null ? "9999" : time(truncate(until));
        record Row(String findingId, String ruleId, Instant at, FindingStatus from, FindingStatus to, Severity severity) {
        }
        List<Row> rows = read("reading remediations", c -> query(c, "SELECT h.finding_id, f.rule_id, h.at, h.from_status, h.to_status,"
                        + " h.to_severity FROM finding_history h JOIN findings f ON f.finding_id = h.finding_id WHERE h.finding_id IN"
                        + " (SELECT finding_id FROM finding_history WHERE to_status = 'RESOLVED' AND at >= ? AND at <= ?)"
                        + " ORDER BY h.finding_id, h.id",
                rs -> new Row(rs.getString(1), rs.getString(2), instant(rs.getString(3)), status(rs.getString(4)), status(rs.getString(5)),
                        sev(rs.getString(6))), from, to));
        List<Remediation> out = new ArrayList<>();
        String current = null;
        Instant opened = null;
        for (Row r : rows) {
            if (!r.findingId().equals(current)) {
                current = r.findingId();
                opened = null;
            }
            if (r.to() == FindingStatus.RESOLVED) {
                if (opened != null && r.from() != FindingStatus.RESOLVED && !r.at().isBefore(since == null ? Instant.MIN : truncate(since))
                        && !r.at().isAfter(until == null ? Instant.MAX : truncate(until))) {
                    out.add(new Remediation(r.findingId(), r.ruleId(), r.severity(), opened, r.at()));
                }
                opened = null;
            } else if (opened == null) {
                opened = r.at(); // found failing: first, or again after a resolution
            }
        }
        return out;
    }

    @Override
    public long query(String sql, QuerySink sink) {
        return queryReadOnly(ReadOnlySql.check(sql), sink);
    }

    /** Runs {@code statement} without {@link ReadOnlySql}'s check: the database alone keeps it from writing. */
    long queryReadOnly(String statement, QuerySink sink) {
        Connection c;
        try {
            c = connectReadOnly();
        } catch (SQLException | RuntimeException e) {
            throw dialect.translate(url, "opening the store to query", e);
        }
        try (c) {
            if (dialect == Dialect.POSTGRESQL) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION READ ONLY");
                }
            }
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000); // PostgreSQL streams rows in a transaction instead of reading them all first
                try (ResultSet rs = s.executeQuery(statement)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int n = meta.getColumnCount();
                    List<String> names = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) names.add(meta.getColumnLabel(i));
                    sink.columns(names);
                    long rows = 0;
                    while (rs.next()) {
                        List<Object> values = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) values.add(value(rs.getObject(i)));
                        sink.row(values);
                        rows++;
                    }
                    return rows;
                }
            } finally {
                if (dialect == Dialect.POSTGRESQL) c.rollback();
            }
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            int nl = message.indexOf('\n');
            throw new StoreException("the query failed: " + (nl < 0 ? message : message.substring(0, nl).strip()), e);
        }
    }

    /** A connection that cannot write: SQLite opened read-only; PostgreSQL marked read-only (the caller also opens a READ ONLY transaction). */
    private Connection connectReadOnly() throws SQLException {
        if (dialect == Dialect.SQLITE) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(Integer.parseInt(properties.getProperty("busy_timeout", "10000")));
            return DriverManager.getConnection(url, config.toProperties());
        }
        Connection c = DriverManager.getConnection(url, properties);
        c.setReadOnly(true);
        return c;
    }

    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double
                || v instanceof java.math.BigDecimal || v instanceof java.math.BigInteger) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof byte[] bytes) return HexFormat.of().formatHex(bytes);
        return v.toString();
    }

    @Override
    public void close() {
        // a connection per operation: nothing held open
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> T read(String doing, Work<T> work) {
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException | RuntimeException e) {
            throw dialect.translate(url, doing, e);
        }
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        }
    }

    private static ScanRecord scan(ResultSet rs) throws SQLException {
        return new ScanRecord(rs.getLong("id"), instant(rs.getString("started")), instant(rs.getString("finished")),
                instant(rs.getString("recorded")), rs.getString("status"), list(rs.getString("inputs")), list(rs.getString("accounts")),
                list(rs.getString("regions")), rs.getString("parameters"), rs.getString("catalog_version"), rs.getLong("resource_count"),
                rs.getLong("result_count"), rs.getLong("pass_count"), rs.getLong("fail_count"), rs.getLong("error_count"),
                rs.getLong("unknown_count"), rs.getLong("gap_count"), list(rs.getString("notes")));
    }

    static Finding finding(ResultSet rs) throws SQLException {
        return new Finding(rs.getString("finding_id"), rs.getString("rule_id"), rs.getString("provider"), rs.getString("resource_type"),
                rs.getString("resource_id"), rs.getString("resource_name"), rs.getString("account"), rs.getString("region"),
                status(rs.getString("status")), sev(rs.getString("severity")), rs.getString("reason"), instant(rs.getString("first_seen")),
                instant(rs.getString("last_seen")), instant(rs.getString("resolved_at")), rs.getLong("first_scan_id"),
                rs.getLong("last_scan_id"), nullableLong(rs, "exception_id"));
    }

    // ---------------------------------------------------------------------------------------- values

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** The canonical JSON of a resource (keys sorted, the input it came from left out): what its hash and drift compare. */
    static String canonicalJson(Resource r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("provider", r.provider());
        doc.put("type", r.type());
        doc.put("id", r.id());
        doc.put("name", r.name());
        doc.put("account", r.account());
        doc.put("region", r.region());
        doc.put("tags", r.tags());
        doc.put("properties", r.properties());
        doc.put("unknowns", r.unknowns());
        doc.put("failures", r.failures());
        doc.put("relations", r.relations());
        return json(doc);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> list(String json) {
        try {
            return json == null ? List.of() : List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new StoreException("malformed JSON list in the store: " + json, e);
        }
    }

    static Instant truncate(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }

    static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static FindingStatus status(String s) {
        return s == null ? null : FindingStatus.valueOf(s);
    }

    private static Severity sev(String s) {
        return s == null ? null : Severity.valueOf(s);
    }

    private static Severity severity(Severity s) {
        return s == null ? Severity.INFO : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A minimal DataSource over DriverManager with this store's URL and properties, for Flyway. */
    private final class Connections implements DataSource {
        @Override public Connection getConnection() throws SQLException { return connect(); }
        @Override public Connection getConnection(String user, String password) throws SQLException { return connect(); }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
