package dev.vigil.store;

import dev.vigil.engine.ScanReport;
import dev.vigil.model.Resource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Vigil's memory: scans, the resources and results of each, and findings followed across scans.
 * One implementation ({@link JdbcStore}) serves SQLite and PostgreSQL.
 */
public interface Store extends AutoCloseable {

    /** {@code jdbc:sqlite:} on {@code ~/.vigil/vigil.db}. */
    static String defaultUrl() {
        return "jdbc:sqlite:" + Path.of(System.getProperty("user.home"), ".vigil", "vigil.db");
    }

    /** Opens (creating or migrating when needed) the store at a JDBC URL. */
    static Store open(String url) {
        return JdbcStore.open(url);
    }

    /**
     * Records a scan atomically: the scan's row is committed first as {@code incomplete}; its
     * resources, results, the findings it changes and the audit entry are then written in one
     * transaction that also marks it {@code complete}. If that fails, or the process dies, the
     * scan stays incomplete and nothing else changed.
     *
     * @param resources every resource the scan saw (a finding whose resource is not among them, in
     *                  an account and region the scan covered, is resolved as gone)
     */
    default Recorded record(ScanReport report, List<Resource> resources) {
        return record(report, resources, null);
    }

    Recorded record(ScanReport report, List<Resource> resources, String catalogVersion);

    /** Every scan, oldest first. */
    List<ScanRecord> scans();

    Optional<ScanRecord> scan(long id);

    /** Every finding, by id. */
    List<Finding> findings();

    Optional<Finding> finding(String id);

    /** A finding's changes of status and severity, oldest first. */
    List<FindingChange> history(String findingId);

    List<AuditEntry> audit();

    /** The resources a scan stored, with their canonical JSON, ordered by account, region, type and id. */
    List<StoredResource> resources(long scanId);

    /** The results a scan stored, ordered by finding id. */
    List<StoredResult> results(long scanId);

    /**
     * Every remediation episode (a finding found failing, then resolved) whose resolution falls in
     * {@code [since, until]}; either bound may be {@code null} for none. Ordered by finding, then time.
     */
    List<Remediation> remediations(Instant since, Instant until);

    /** What changed from one complete scan to another (see {@link Drift}). */
    default Drift drift(long from, long to) {
        Drift.Pair pair = Drift.pick(scans(), from, to);
        return Drift.between(pair.from(), pair.to(), resources(from), resources(to), results(from), results(to));
    }
    /** The exceptions (accepted risks) that suppress findings: add, list, revoke, review. */
    Exceptions exceptions();

    /**
     * Runs one read-only statement ({@code SELECT} or {@code WITH}; anything else is refused by
     * {@link ReadOnlySql#check} before it reaches the database) and hands its rows to {@code sink}.
     * SQLite is opened read-only for it; on PostgreSQL it runs in a {@code READ ONLY} transaction
     * that is rolled back. The views documented in docs/store.md ({@code v_scans}, {@code v_inventory},
     * {@code v_resources}, {@code v_results}, {@code v_findings}, {@code v_finding_history}) are the
     * stable surface to query.
     *
     * @return the number of rows
     * @throws StoreException with the database's one-line message when the statement fails
     */
    long query(String sql, QuerySink sink);

    /** The URL this store was opened on. */
    String url();

    @Override
    void close();
}
