package dev.vigil.aws.live;

import dev.vigil.model.Origin;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.account.Account;
import dev.vigil.model.aws.account.Region;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.CollectionStats;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.model.input.InputException;
import dev.vigil.model.input.LiveInput;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * A live AWS account as a scan input. It identifies the caller, discovers the enabled regions,
 * then runs one work unit per (region, service), or one per account for global services, on
 * virtual threads, at most {@link AwsScanOptions#concurrency()} at once. A unit that fails becomes
 * a coverage gap over the types it would have listed; the scan carries on.
 */
public final class AwsLiveInput implements LiveInput {
    private final AwsScanOptions options;
    private final List<Collector> collectors;
    private final Progress progress;
    private final Clock clock;
    private volatile Set<String> operations = Set.of();

    public AwsLiveInput(AwsScanOptions options, List<Collector> collectors, Progress progress, Clock clock) {
        this.options = options;
        this.collectors = List.copyOf(collectors);
        this.progress = progress;
        this.clock = clock;
        Set<String> known = new java.util.TreeSet<>();
        for (Collector c : collectors) known.add(c.service());
        for (String s : union(options.services(), options.excludedServices())) {
            if (!known.contains(s)) {
                throw new IllegalArgumentException("unknown service '" + s + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }

    @Override
    public String id() {
        return "aws-live";
    }

    /** {@code ServiceId:Operation} of every API call the last collection made (for the permissions check). */
    public Set<String> operationsCalled() {
        return operations;
    }

    @Override
    public Collected collect() {
        ApiMetrics metrics = new ApiMetrics(options.callsPerSecond());
        String home = homeRegion();
        try (AwsSession session = new AwsSession(options, metrics, home)) {
            return collect(session, metrics, home);
        } finally {
            operations = metrics.operations();
        }
    }

    private Collected collect(AwsSession session, ApiMetrics metrics, String home) {
        Instant started = clock.instant();
        GetCallerIdentityResponse who;
        try (StsClient sts = session.build(StsClient.builder(), home)) {
            who = sts.getCallerIdentity();
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new InputException("aws", 0, "cannot identify the caller (sts:GetCallerIdentity): " + ApiFailure.of("sts:GetCallerIdentity", e).getMessage()
                    .replace("sts:GetCallerIdentity failed: ", ""));
        }
        String account = who.account();
        String partition = who.arn().split(":")[1];
        List<CoverageGap> gaps = Collections.synchronizedList(new ArrayList<>());
        List<String> regions = regions(session, home, account, gaps);
        progress.identified(account, who.arn(), regions);

        Settings accountSettings = new Settings();
        Map<String, Settings> regionSettings = new ConcurrentHashMap<>();
        for (String r : regions) regionSettings.put(r, new Settings());

        List<Collector> selected = new ArrayList<>();
        for (Collector c : collectors) {
            boolean in = options.services().isEmpty() || options.services().contains(c.service());
            if (in && !options.excludedServices().contains(c.service())) {
                selected.add(c);
            } else {
                gaps.add(new CoverageGap(account + " " + c.service(), "not scanned: left out by --services or --exclude-services", account, "",
                        c.types(), false));
                for (String field : c.settings()) {
                    String why = "not scanned: the " + c.service() + " service was left out of this scan";
                    if (field.startsWith("account.")) accountSettings.unknown(field.substring(8), why);
                    else for (Settings s : regionSettings.values()) s.unknown(field.substring(7), why);
                }
            }
        }

        record Unit(Collector collector, String region) {
        }
        List<Unit> units = new ArrayList<>();
        for (Collector c : selected) {
            if (c.global()) units.add(new Unit(c, home));
            else for (String r : regions) units.add(new Unit(c, r));
        }
        progress.planned(units.size());

        ConcurrentLinkedQueue<Resource> resources = new ConcurrentLinkedQueue<>();
        Map<String, long[]> perService = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(options.concurrency());
        AtomicLong done = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Unit u : units) {
                pool.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        run(u.collector(), u.region(), account, partition, regions, session, resources, accountSettings, regionSettings,
                                gaps, perService, metrics);
                    } finally {
                        slots.release();
                        done.incrementAndGet();
                    }
                });
            }
        }

        resources.add(accountResource(account, accountSettings, started));
        for (String r : regions) resources.add(regionResource(account, r, regionSettings.get(r), started));

        Map<String, CollectionStats.ServiceStats> services = new TreeMap<>();
        perService.forEach((k, v) -> services.put(k, new CollectionStats.ServiceStats(v[0], v[1], v[2], v[3])));
        CollectionStats stats = new CollectionStats(account, who.arn(), regions, metrics.calls(), metrics.throttles(), metrics.retries(), services);
        List<Resource> out = new ArrayList<>(resources);
        out.sort(java.util.Comparator.comparing(Resource::type).thenComparing(Resource::id));
        List<CoverageGap> sortedGaps = new ArrayList<>(gaps);
        sortedGaps.sort(java.util.Comparator.comparing(CoverageGap::scope));
        return new Collected(out, sortedGaps, Map.of(), null, List.of(), stats);
    }

    private void run(Collector c, String region, String account, String partition, List<String> regions, AwsSession session,
                     ConcurrentLinkedQueue<Resource> resources, Settings accountSettings, Map<String, Settings> regionSettings,
                     List<CoverageGap> gaps, Map<String, long[]> perService, ApiMetrics metrics) {
        progress.started(c.service(), c.global() ? "global" : region);
        long t0 = System.nanoTime();
        CollectContext ctx = new CollectContext(c.service(), account, partition, region, regions, session, resources::add, accountSettings,
                regionSettings, clock.instant());
        String failure = null;
        try {
            c.collect(ctx);
        } catch (ApiFailure f) {
            failure = f.getMessage();
        } catch (RuntimeException e) {
            // A defect in a collector or mapper must not end the scan, nor pass for "nothing there".
            failure = c.service() + " collector failed: " + e;
            if (System.getenv("VIGIL_DEBUG") != null) e.printStackTrace();
        } finally {
            ctx.close();
        }
        if (failure != null) {
            String scopeRegion = c.global() ? "" : region;
            gaps.add(new CoverageGap(account + " " + (c.global() ? "global" : region) + " " + c.service(), failure, account, scopeRegion, c.types(), true));
            for (String field : c.settings()) {
                if (field.startsWith("account.")) {
                    if (!accountSettings.touched(field.substring(8))) accountSettings.fail(field.substring(8), failure);
                } else {
                    Settings s = regionSettings.get(region);
                    if (c.global()) {
                        for (Settings each : regionSettings.values()) if (!each.touched(field.substring(7))) each.fail(field.substring(7), failure);
                    } else if (s != null && !s.touched(field.substring(7))) {
                        s.fail(field.substring(7), failure);
                    }
                }
            }
        }
        if (failure == null && ctx.unreachable() != null) {
            // The collector kept going past per-resource timeouts (each is an ERROR on its resource);
            // the summary still says the endpoint stopped answering.
            failure = ctx.unreachable().getMessage();
            gaps.add(new CoverageGap(account + " " + (c.global() ? "global" : region) + " " + c.service(),
                    "the endpoint stopped answering; details read after that are ERROR: " + failure, account, c.global() ? "" : region, Set.of(), true));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long[] row = perService.computeIfAbsent(c.service(), k -> new long[4]);
        synchronized (row) {
            row[0]++;
            row[1] += ctx.calls();
            row[2] += ctx.errors();
            row[3] += millis;
        }
        progress.finished(c.service(), c.global() ? "global" : region, failure, metrics.calls());
    }

    /**
     * The regions to scan: the requested ones, checked against the account's; else every region
     * the account has enabled. A requested region the account has not opted in to is a gap.
     */
    private List<String> regions(AwsSession session, String home, String account, List<CoverageGap> gaps) {
        DescribeRegionsResponse described;
        try (Ec2Client ec2 = session.build(Ec2Client.builder(), home)) {
            described = ec2.describeRegions(r -> r.allRegions(true));
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            ApiFailure f = ApiFailure.of("ec2:DescribeRegions", e);
            if (options.regions().isEmpty()) {
                throw new InputException("aws", 0, "cannot discover the account's regions (" + f.getMessage() + "); name them with --regions");
            }
            gaps.add(new CoverageGap(account + " regions", "the requested regions were not checked against the account's: " + f.getMessage()));
            return options.regions();
        }
        Set<String> enabled = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        for (var r : described.regions()) {
            all.add(r.regionName());
            if (r.optInStatus() == null || !r.optInStatus().equals("not-opted-in")) enabled.add(r.regionName());
        }
        if (options.regions().isEmpty()) return enabled.stream().sorted().toList();
        List<String> out = new ArrayList<>();
        for (String r : options.regions()) {
            if (!all.contains(r)) throw new InputException("aws", 0, "--regions: '" + r + "' is not an AWS region of this partition");
            if (enabled.contains(r)) {
                out.add(r);
            } else {
                Set<String> types = new LinkedHashSet<>();
                for (Collector c : collectors) if (!c.global()) types.addAll(c.types());
                gaps.add(new CoverageGap(account + " " + r, "the account has not opted in to region " + r + "; nothing there was scanned",
                        account, r, types, true));
            }
        }
        return out;
    }

    private String homeRegion() {
        if (!options.regions().isEmpty()) {
            String first = options.regions().get(0);
            if (first.startsWith("cn-")) return "cn-north-1";
            if (first.startsWith("us-gov-")) return "us-gov-west-1";
        }
        return "us-east-1";
    }

    private Resource accountResource(String account, Settings s, Instant at) {
        Map<String, Object> props = s.values();
        props.put("accountId", account);
        return settingsResource(AwsTypes.ACCOUNT.id(), account, account, account, "global", Account.class, props, s, at);
    }

    private Resource regionResource(String account, String region, Settings s, Instant at) {
        Map<String, Object> props = s.values();
        props.put("region", region);
        return settingsResource(AwsTypes.REGION.id(), account + "/" + region, region, account, region, Region.class, props, s, at);
    }

    private static Resource settingsResource(String type, String id, String name, String account, String region, Class<? extends Record> model,
                                             Map<String, Object> props, Settings s, Instant at) {
        Map<String, String> unknowns = new TreeMap<>(s.unknowns());
        Map<String, String> failures = s.failures();
        for (RecordComponent rc : model.getRecordComponents()) {
            String f = rc.getName();
            if (!props.containsKey(f) && !unknowns.containsKey(f) && !failures.containsKey(f)) {
                unknowns.put(f, "no collector of this scan reads it");
            }
        }
        return new Resource("aws", type, id, name, account, region, Map.of(), props, unknowns,
                new Origin.Live("the scan's collectors for " + id, at), List.of(), failures);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }
}
