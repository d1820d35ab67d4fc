package dev.vigil.aws.live;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3control.S3ControlClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.endpoints.Endpoint;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The credentials, HTTP client and client settings one scan shares: every SDK client of the scan is
 * built here, with the endpoint override, the adaptive retry strategy, the call timeouts, the
 * metrics publisher and the rate limiter.
 */
final class AwsSession implements AutoCloseable {
    private final AwsScanOptions options;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final ApiMetrics metrics;
    private final StsClient roleSts;

    AwsSession(AwsScanOptions options, ApiMetrics metrics, String homeRegion) {
        this.options = options;
        this.metrics = metrics;
        Duration socket = options.callTimeout().compareTo(Duration.ofSeconds(30)) < 0 ? options.callTimeout() : Duration.ofSeconds(30);
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5).compareTo(socket) < 0 ? Duration.ofSeconds(5) : socket)
                .socketTimeout(socket)
                .build();
        AwsCredentialsProvider base = options.profile() != null
                ? ProfileCredentialsProvider.builder().profileName(options.profile()).build()
                : DefaultCredentialsProvider.builder().build();
        if (options.roleArn() != null) {
            this.roleSts = configure(StsClient.builder(), homeRegion).credentialsProvider(base).build();
            this.credentials = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(roleSts)
                    .refreshRequest(r -> {
                        r.roleArn(options.roleArn()).roleSessionName(options.sessionName());
                        if (options.externalId() != null) r.externalId(options.externalId());
                    })
                    .build();
        } else {
            this.roleSts = null;
            this.credentials = base;
        }
    }

    /** A client for {@code region} with the scan's credentials. */
    <B extends AwsClientBuilder<B, C>, C extends SdkClient> C build(B builder, String region) {
        return configure(builder, region).credentialsProvider(credentials).build();
    }

    /** A client whose API calls are also published to {@code unit} (a work unit's own count). */
    <B extends AwsClientBuilder<B, C>, C extends SdkClient> C build(B builder, String region, MetricPublisher unit) {
        B b = configure(builder, region).credentialsProvider(credentials);
        b.overrideConfiguration(b.overrideConfiguration().toBuilder().addMetricPublisher(unit).build());
        return b.build();
    }

    private <B extends AwsClientBuilder<B, C>, C extends SdkClient> B configure(B builder, String region) {
        builder.region(Region.of(region));
        if (builder instanceof SdkSyncClientBuilder<?, ?> sync) sync.httpClient(http);
        Duration attempt = options.callTimeout().dividedBy(Math.max(1, Math.min(options.maxAttempts(), 3)));
        builder.overrideConfiguration(o -> o
                .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        .maxAttempts(options.maxAttempts())
                        .backoffStrategy(BackoffStrategy.exponentialDelay(options.retryBaseDelay(), Duration.ofSeconds(20)))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(options.retryBaseDelay(), Duration.ofSeconds(20)))
                        .build())
                .apiCallTimeout(options.callTimeout())
                .apiCallAttemptTimeout(attempt)
                .addMetricPublisher(metrics)
                .addExecutionInterceptor(metrics)
                // Account-id host prefixes (s3control) cannot resolve on an emulator's or proxy's host.
                .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, options.endpoint() != null));
        if (options.endpoint() != null) {
            builder.endpointOverride(options.endpoint());
            // An emulator or proxy on one host cannot serve virtual-hosted bucket names.
            if (builder instanceof S3BaseClientBuilder<?, ?> s3) s3.forcePathStyle(true);
            // S3 Control's endpoint rules put the account id in front of the host, which an
            // emulator's or proxy's address cannot take: send it to the endpoint as given.
            if (builder instanceof S3ControlClientBuilder control) {
                URI fixed = options.endpoint();
                control.endpointProvider(params -> CompletableFuture.completedFuture(Endpoint.builder().url(fixed).build()));
            }
        }
        return builder;
    }

    @Override
    public void close() {
        if (roleSts != null) roleSts.close();
        if (credentials instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing credentials never loses data
            }
        }
        http.close();
    }
}
