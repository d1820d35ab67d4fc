package dev.vigil.aws.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;

/**
 * Watches every API call of a scan: paces each attempt through the (region, service) token bucket,
 * and counts calls, throttles and retries from the SDK's own metrics. It also records which
 * operations were called, so that a test can hold the collectors to the documented policy.
 */
final class ApiMetrics implements MetricPublisher, ExecutionInterceptor {
    private final double rate;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongAdder calls = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final Map<String, LongAdder> callsByService = new ConcurrentHashMap<>();
    private final Set<String> operations = ConcurrentHashMap.newKeySet();

    ApiMetrics(double rate) {
        this.rate = rate;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        TokenBucket bucket = buckets.computeIfAbsent(region + "/" + service, k -> new TokenBucket(rate, Math.max(1, rate * 2)));
        try {
            bucket.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rate limiter", e);
        }
    }

    @Override
    public void publish(MetricCollection call) {
        calls.increment();
        String service = first(call, CoreMetric.SERVICE_ID, "?");
        String operation = first(call, CoreMetric.OPERATION_NAME, "?");
        callsByService.computeIfAbsent(service, k -> new LongAdder()).increment();
        operations.add(service + ":" + operation);
        Integer retried = first(call, CoreMetric.RETRY_COUNT, 0);
        retries.add(retried);
        for (MetricCollection attempt : call.children()) {
            for (String type : attempt.metricValues(CoreMetric.ERROR_TYPE)) {
                if ("Throttling".equals(type)) throttles.increment();
            }
        }
    }

    private static <T> T first(MetricCollection c, software.amazon.awssdk.metrics.SdkMetric<T> metric, T otherwise) {
        var values = c.metricValues(metric);
        return values.isEmpty() || values.get(0) == null ? otherwise : values.get(0);
    }

    long calls() {
        return calls.sum();
    }

    long throttles() {
        return throttles.sum();
    }

    long retries() {
        return retries.sum();
    }

    /** {@code ServiceId:Operation} of every call made, e.g. {@code S3:GetBucketEncryption}. */
    Set<String> operations() {
        return Set.copyOf(operations);
    }

    @Override
    public void close() {
    }
}
