package dev.vigil.store.bench;

import dev.vigil.engine.ScanReport;
import dev.vigil.model.Resource;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.store.JdbcStore;
import dev.vigil.store.Recorded;
import dev.vigil.store.Store;
import dev.vigil.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's write benchmark (bench/store-write.sh runs it): SCANS scans of RESULTS results each
 * into a fresh database, printing one Markdown row per scan with the time {@link Store#record} took
 * and the database's size after it.
 *
 * <p>Usage: {@code StoreWriteBench sqlite FILE [SCANS] [RESULTS]} or {@code StoreWriteBench postgresql
 * - [SCANS] [RESULTS]} (a fresh database {@code vigil_bench} on the harness's server, or on the one
 * VIGIL_PG_URL names).
 *
 * <p>The data is deterministic: RESULTS / 4 resources in one account and four regions (buckets,
 * security groups, volumes, roles), four rules each; about a third of the results FAIL, and each scan
 * flips about 5% of the outcomes and changes about 5% of the resources' configuration, so every
 * scan opens, resolves and reopens findings as a real account would.
 */
public final class StoreWriteBench {
    static final String ACCOUNT = "111122223333";
    static final String[] REGIONS = {"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"};
    static final String[] TYPES = {"aws.s3.bucket", "aws.ec2.security-group", "aws.ec2.volume", "aws.iam.role"};
    static final Severity[] SEVERITIES = {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW};
    static final int RULES_PER_RESOURCE = 4;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StoreWriteBench sqlite FILE|postgresql - [SCANS] [RESULTS]");
            System.exit(2);
        }
        String kind = args[0];
        int scans = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int results = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        String url;
        Path file = null;
        if (kind.equals("sqlite")) {
            file = Path.of(args[1]).toAbsolutePath();
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(file + suffix));
            url = "jdbc:sqlite:" + file;
        } else if (kind.equals("postgresql")) {
            url = PostgresServer.shared().freshDatabase("vigil_bench");
        } else {
            throw new IllegalArgumentException("unknown database kind " + kind);
        }
        int resourceCount = results / RULES_PER_RESOURCE;
        System.out.println("| Database | Scan | Results | Resources | Write time | Results/s | Opened / resolved / reopened | Database size |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        long totalNanos = 0;
        try (Store store = JdbcStore.open(url)) {
            for (int k = 0; k < scans; k++) {
                List<Resource> resources = new ArrayList<>(resourceCount);
                List<Result> rs = new ArrayList<>(results);
                for (int i = 0; i < resourceCount; i++) {
                    Resource r = resource(i, k);
                    resources.add(r);
                    for (int j = 0; j < RULES_PER_RESOURCE; j++) {
                        boolean fail = mix(i, j, -1) % 3 == 0 ^ mix(i, j, k) % 20 == 0;
                        rs.add(Result.of("bench-rule-" + (i % TYPES.length) + "-" + j, SEVERITIES[j], fail ? Status.FAIL : Status.PASS,
                                fail ? "setting " + j + " of " + r.name() + " is not compliant" : "", r));
                    }
                }
                Instant started = Instant.parse("2026-11-01T00:00:00Z").plus(Duration.ofDays(k));
                ScanReport report = new ScanReport(List.of("bench"), List.of(), resources.size(), Map.of(), Map.of(), List.of(), rs,
                        Map.of(), 1, started, started, Duration.ofMinutes(1), Map.of(), null);
                long t0 = System.nanoTime();
                Recorded rec = store.record(report, resources, "bench");
                long nanos = System.nanoTime() - t0;
                totalNanos += nanos;
                double seconds = nanos / 1e9;
                System.out.printf("| %s | %d | %,d | %,d | %.2f s | %,.0f | %,d / %,d / %,d | %s |%n", kind.equals("sqlite") ? "SQLite" : "PostgreSQL",
                        k + 1, rs.size(), resources.size(), seconds, rs.size() / seconds, rec.opened(), rec.resolved(), rec.reopened(),
                        size(kind, file, url));
                System.out.flush();
            }
        }
        System.err.printf("%s: %d scans of %,d results in %.1f s of writing%n", kind, scans, results, totalNanos / 1e9);
        System.exit(0); // the harness's PostgreSQL stops in a shutdown hook
    }

    static String size(String kind, Path file, String url) throws Exception {
        if (kind.equals("sqlite")) {
            long db = Files.size(file);
            Path wal = Path.of(file + "-wal");
            long w = Files.exists(wal) ? Files.size(wal) : 0;
            return mib(db) + " (+ " + mib(w) + " WAL)";
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_database_size(current_database())")) {
            r.next();
            return mib(r.getLong(1));
        }
    }

    static String mib(long bytes) {
        return String.format("%,.1f MiB", bytes / 1048576.0);
    }

    static Resource resource(int i, int scan) {
        String type = TYPES[i % TYPES.length];
        String region = type.equals("aws.iam.role") ? "global" : REGIONS[(i / TYPES.length) % REGIONS.length];
        String name = type.substring(type.lastIndexOf('.') + 1) + "-" + i;
        String id = "arn:aws:" + type.split("\\.")[1] + ":" + region + ":" + ACCOUNT + ":" + name;
        // about 5% of resources change their configuration in each scan
        int version = (int) (mix(i, 99, scan) % 20 == 0 ? scan : 0);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name);
        properties.put("encrypted", mix(i, 1, -1) % 2 == 0);
        properties.put("versioning", mix(i, 2, -1) % 3 == 0 ? "Enabled" : "Suspended");
        properties.put("publicAccessBlock", Map.of("blockPublicAcls", mix(i, 3, -1) % 4 != 0, "restrictPublicBuckets", true));
        properties.put("createdAt", "2025-0" + (1 + i % 9) + "-1" + (i % 10) + "T08:00:00Z");
        properties.put("configVersion", (long) version);
        properties.put("owner", "team-" + (i % 17));
        return new Resource("aws", type, id, name, ACCOUNT, region, Map.of("team", "team-" + (i % 17), "env", i % 2 == 0 ? "prod" : "dev"),
                properties, Map.of(), null, List.of());
    }

    /** A fixed pseudo-random number for (a, b, c). */
    static long mix(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L ^ (b + 0x632BE59BD9B4E019L) * 0xC2B2AE3D27D4EB4FL ^ (c + 7) * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h & Long.MAX_VALUE;
    }
}
