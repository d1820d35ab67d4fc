package dev.vigil.aws.live;

import dev.vigil.model.Origin;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceType;
import dev.vigil.model.schema.Documents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a collector sees of its work unit: the account, the region, SDK clients already set up with
 * credentials, endpoint, retries, timeouts and the rate limiter, and the places to put what it read.
 * One per unit; safe to use from the unit's own helper threads ({@link #forEach}).
 */
public final class CollectContext {
    private final String account;
    private final String partition;
    private final String region;
    private final List<String> regions;
    private final AwsSession session;
    private final Consumer<Resource> sink;
    private final Settings accountSettings;
    private final Map<String, Settings> regionSettings;
    private final Instant now;
    private final List<SdkClient> opened = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SdkClient> clients = new java.util.concurrent.ConcurrentHashMap<>();
    private final String collector;
    private final java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
    private volatile ApiFailure unreachable;
    /** The unit's own API calls, as the SDK publishes them (paginated pages and retries included once per call). */
    private final java.util.concurrent.atomic.LongAdder unitCalls = new java.util.concurrent.atomic.LongAdder();
    private final software.amazon.awssdk.metrics.MetricPublisher apiCalls = new software.amazon.awssdk.metrics.MetricPublisher() {
        @Override
        public void publish(software.amazon.awssdk.metrics.MetricCollection metrics) {
            unitCalls.increment();
        }

        @Override
        public void close() {
        }
    };

    CollectContext(String collector, String account, String partition, String region, List<String> regions, AwsSession session,
                   Consumer<Resource> sink, Settings accountSettings, Map<String, Settings> regionSettings, Instant now) {
        this.collector = collector;
        this.account = account;
        this.partition = partition;
        this.region = region;
        this.regions = regions;
        this.session = session;
        this.sink = sink;
        this.accountSettings = accountSettings;
        this.regionSettings = regionSettings;
        this.now = now;
    }

    public String account() {
        return account;
    }

    /** {@code aws}, {@code aws-cn} or {@code aws-us-gov}: the ARN partition. */
    public String partition() {
        return partition;
    }

    /** The unit's region; for a global collector, the region its API is called in. */
    public String region() {
        return region;
    }

    /** Every region this scan covers (a global collector emits resources into them, S3 buckets for one). */
    public List<String> regions() {
        return regions;
    }

    /** A client of the unit's region. */
    public <B extends AwsClientBuilder<B, C>, C extends SdkClient> C client(Supplier<B> builder) {
        return client(builder, region);
    }

    /** A client of another region (S3 buckets live in theirs); opened once per unit and region, closed with the unit. */
    @SuppressWarnings("unchecked")
    public <B extends AwsClientBuilder<B, C>, C extends SdkClient> C client(Supplier<B> builder, String inRegion) {
        B b = builder.get();
        String key = b.getClass().getName() + "@" + inRegion;
        return (C) clients.computeIfAbsent(key, k -> {
            SdkClient c = session.build(b, inRegion, apiCalls);
            opened.add(c);
            return c;
        });
    }

    /**
     * Makes a call (or drains a paginator) as IAM action {@code action}.
     *
     * @throws ApiFailure when it fails after its retries
     */
    public <T> T call(String action, Supplier<T> call) {
        // Once the endpoint has stopped answering, the unit's remaining calls fail at once with
        // that reason rather than each waiting out its own timeout.
        if (unreachable != null) {
            errors.incrementAndGet();
            throw new ApiFailure(action, unreachable.code(), "not attempted: " + unreachable.getMessage(), true, null);
        }
        try {
            return call.get();
        } catch (SdkException e) {
            errors.incrementAndGet();
            ApiFailure f = ApiFailure.of(action, e);
            if (f.unreachable()) unreachable = f;
            throw f;
        }
    }

    /**
     * A call whose listed error codes mean "there is none" ({@code NoSuchBucketPolicy},
     * {@code ServerSideEncryptionConfigurationNotFoundError}): those give an empty answer, every
     * other failure is thrown.
     */
    public <T> Optional<T> callOrAbsent(String action, Set<String> absentCodes, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(action, call));
        } catch (ApiFailure f) {
            if (absentCodes.contains(f.code())) {
                errors.decrementAndGet();
                return Optional.empty();
            }
            throw f;
        }
    }

    /**
     * A detail call whose failure belongs to one resource, not to the unit: the answer, the
     * documented absence ({@code absentCodes}), or the failure, for the mapper to place.
     */
    public <T> Read<T> read(String action, Set<String> absentCodes, Supplier<T> call) {
        try {
            return callOrAbsent(action, absentCodes, call).map(Read::found).orElseGet(Read::absent);
        } catch (ApiFailure f) {
            return Read.failed(f);
        }
    }

    /** The account-wide settings ({@code aws.account}) this collector may fill in. */
    public Settings accountSettings() {
        return accountSettings;
    }

    /** The settings of the unit's region ({@code aws.region}). */
    public Settings regionSettings() {
        return regionSettings.get(region);
    }

    /** The time the unit started: the capture time of what it emits. */
    public Instant now() {
        return now;
    }

    /** Starts a resource of this account, in the unit's region unless told otherwise. */
    public ResourceBuilder resource(ResourceType type, String id) {
        return new ResourceBuilder(type, id);
    }

    /** API calls the unit's clients made. */
    long calls() {
        return unitCalls.sum();
    }

    /** The timeout or refused connection that made the unit stop calling, or {@code null}. */
    ApiFailure unreachable() {
        return unreachable;
    }

    long errors() {
        return errors.get();
    }

    /**
     * Runs {@code work} for each item on virtual threads, a few at a time (per-resource detail calls
     * of a service with many resources). Each item's failures are the work's own business.
     */
    public <T> void forEach(List<T> items, java.util.function.Consumer<T> work) {
        if (items.size() <= 1) {
            items.forEach(work);
            return;
        }
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(PER_UNIT_PARALLELISM);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        work.accept(item);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        for (var f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Detail calls of one unit in flight at once; the (region, service) rate limit still paces them. */
    static final int PER_UNIT_PARALLELISM = 4;

    String collector() {
        return collector;
    }

    void close() {
        for (SdkClient c : opened) c.close();
    }

    /** A canonical resource in the making; {@link #emit()} hands it to the scan. */
    public final class ResourceBuilder {
        private final ResourceType type;
        private final String id;
        private String name;
        private String inRegion = region;
        private Map<String, String> tags = Map.of();
        private Record properties;
        private final Map<String, String> unknowns = new HashMap<>();
        private final Map<String, String> failures = new HashMap<>();
        private final List<Relation> relations = new ArrayList<>();
        private String api;

        private ResourceBuilder(ResourceType type, String id) {
            this.type = type;
            this.id = id;
        }

        public ResourceBuilder name(String n) {
            this.name = n;
            return this;
        }

        /** The resource's own region; {@code global} for IAM and other account-wide resources. */
        public ResourceBuilder region(String r) {
            this.inRegion = r;
            return this;
        }

        public ResourceBuilder tags(Map<String, String> t) {
            this.tags = t == null ? Map.of() : t;
            return this;
        }

        public ResourceBuilder properties(Record p) {
            this.properties = p;
            return this;
        }

        /** The call that listed it, for the resource's origin. */
        public ResourceBuilder api(String action) {
            this.api = action;
            return this;
        }

        public ResourceBuilder unknown(String path, String reason) {
            unknowns.put(path, reason);
            return this;
        }

        /** {@code path} could not be read: rules reading it are ERROR with the failure's action and code. */
        public ResourceBuilder failure(String path, ApiFailure f) {
            failures.put(path, f.getMessage());
            return this;
        }

        /** The failed reads a mapper found, property path to reason. */
        public ResourceBuilder failures(Map<String, String> byPath) {
            failures.putAll(byPath);
            return this;
        }

        public ResourceBuilder relation(String kind, ResourceType target, String targetId) {
            if (targetId != null && !targetId.isBlank()) relations.add(new Relation(kind, target.id(), targetId));
            return this;
        }

        public Resource emit() {
            if (properties == null) throw new IllegalStateException("resource " + id + " has no properties");
            if (!type.model().isInstance(properties)) {
                throw new IllegalStateException(type.id() + " takes " + type.model().getSimpleName() + ", not " + properties.getClass().getSimpleName());
            }
            Resource r = new Resource("aws", type.id(), id, name, account, inRegion, tags, Documents.of(properties), unknowns,
                    new Origin.Live(api == null ? collector : api, now), relations, failures);
            sink.accept(r);
            return r;
        }
    }
}
