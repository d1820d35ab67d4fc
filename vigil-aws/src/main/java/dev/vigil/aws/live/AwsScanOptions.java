package dev.vigil.aws.live;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How to reach an account and how hard to press its APIs.
 *
 * @param profile          a named profile of the shared config files; {@code null} for the default chain
 * @param roleArn          a role to assume before scanning; {@code null} to scan as the caller
 * @param externalId       the external id the role's trust policy requires, or {@code null}
 * @param sessionName      the assumed role's session name (shows in the account's CloudTrail)
 * @param endpoint         one endpoint for every service (an emulator, a proxy); {@code null} for AWS's own
 * @param regions          regions to scan; empty for every region enabled in the account
 * @param services         services to scan (collector ids); empty for all
 * @param excludedServices services to skip
 * @param concurrency      work units (region x service) running at once
 * @param callsPerSecond   sustained API calls per second per (region, service); bursts up to twice that
 * @param maxAttempts      attempts per API call, first included, before its error counts
 * @param callTimeout      time allowed for one API call, its retries included
 * @param retryBaseDelay   the first retry's delay; later ones back off exponentially, with jitter
 */
public record AwsScanOptions(String profile, String roleArn, String externalId, String sessionName, URI endpoint, List<String> regions,
                             Set<String> services, Set<String> excludedServices, int concurrency, double callsPerSecond, int maxAttempts,
                             Duration callTimeout, Duration retryBaseDelay) {

    public AwsScanOptions {
        regions = regions == null ? List.of() : List.copyOf(regions);
        services = services == null ? Set.of() : Set.copyOf(services);
        excludedServices = excludedServices == null ? Set.of() : Set.copyOf(excludedServices);
        sessionName = sessionName == null || sessionName.isBlank() ? "vigil-scan" : sessionName;
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        if (callsPerSecond <= 0) throw new IllegalArgumentException("calls per second must be positive");
        if (maxAttempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
        retryBaseDelay = retryBaseDelay == null ? Duration.ofMillis(500) : retryBaseDelay;
    }

    /** Defaults fit for a real account: 8 units at once, 10 calls per second per service and region, 5 attempts, 60 s per call. */
    public static AwsScanOptions defaults() {
        return new AwsScanOptions(null, null, null, null, null, List.of(), Set.of(), Set.of(), 8, 10, 5, Duration.ofSeconds(60), Duration.ofMillis(500));
    }

    public AwsScanOptions withEndpoint(URI uri) {
        return new AwsScanOptions(profile, roleArn, externalId, sessionName, uri, regions, services, excludedServices, concurrency, callsPerSecond,
                maxAttempts, callTimeout, retryBaseDelay);
    }

    public AwsScanOptions withRegions(List<String> r) {
        return new AwsScanOptions(profile, roleArn, externalId, sessionName, endpoint, r, services, excludedServices, concurrency, callsPerSecond,
                maxAttempts, callTimeout, retryBaseDelay);
    }

    public AwsScanOptions withServices(Set<String> include, Set<String> exclude) {
        return new AwsScanOptions(profile, roleArn, externalId, sessionName, endpoint, regions, include, exclude, concurrency, callsPerSecond,
                maxAttempts, callTimeout, retryBaseDelay);
    }

    public AwsScanOptions withLimits(int units, double rate, int attempts, Duration timeout) {
        return new AwsScanOptions(profile, roleArn, externalId, sessionName, endpoint, regions, services, excludedServices, units, rate, attempts,
                timeout, retryBaseDelay);
    }

    public AwsScanOptions withRetryDelay(Duration base) {
        return new AwsScanOptions(profile, roleArn, externalId, sessionName, endpoint, regions, services, excludedServices, concurrency, callsPerSecond,
                maxAttempts, callTimeout, base);
    }

    public AwsScanOptions withIdentity(String prof, String role, String external, String session) {
        return new AwsScanOptions(prof, role, external, session, endpoint, regions, services, excludedServices, concurrency, callsPerSecond,
                maxAttempts, callTimeout, retryBaseDelay);
    }
}
