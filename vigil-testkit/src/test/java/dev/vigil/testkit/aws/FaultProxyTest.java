package dev.vigil.testkit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.testkit.MotoServer;
import dev.vigil.testkit.aws.FaultProxy.Call;
import dev.vigil.testkit.aws.FaultProxy.Protocol;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The fault proxy between real SDK clients and moto: it forwards faithfully, and its denials and
 * throttles are parsed by the SDK exactly as AWS's own (error code, status, throttling class).
 */
class FaultProxyTest {
    private static final MotoServer MOTO = MotoServer.shared();
    private FaultProxy proxy;

    /**
     * One read call of a service through the SDK, with the errors AWS answers it with: the denial
     * and throttling codes and statuses of its protocol.
     */
    record Probe(String service, Protocol protocol, String operation, BiConsumer<URI, ClientOverrideConfiguration> read,
                 String deniedCode, int deniedStatus, String throttledCode, int throttledStatus) {
        void call(URI endpoint, ClientOverrideConfiguration o) {
            read.accept(endpoint, o);
        }

        @Override
        public String toString() {
            return service;
        }
    }

    static Stream<Probe> services() {
        return Stream.of(
                new Probe("ec2", Protocol.EC2_QUERY, "DescribeVpcs", (e, o) -> { try (var c = client(Ec2Client.builder(), e, o)) { c.describeVpcs(); } },
                        "UnauthorizedOperation", 403, "RequestLimitExceeded", 503),
                new Probe("iam", Protocol.QUERY, "ListUsers", (e, o) -> { try (var c = client(IamClient.builder(), e, o)) { c.listUsers(); } },
                        "AccessDenied", 403, "Throttling", 400),
                new Probe("sts", Protocol.QUERY, "GetCallerIdentity", (e, o) -> { try (var c = client(StsClient.builder(), e, o)) { c.getCallerIdentity(); } },
                        "AccessDenied", 403, "Throttling", 400),
                new Probe("rds", Protocol.QUERY, "DescribeDBInstances", (e, o) -> { try (var c = client(RdsClient.builder(), e, o)) { c.describeDBInstances(); } },
                        "AccessDenied", 403, "Throttling", 400),
                new Probe("sns", Protocol.QUERY, "ListTopics", (e, o) -> { try (var c = client(SnsClient.builder(), e, o)) { c.listTopics(); } },
                        "AccessDenied", 403, "Throttling", 400),
                new Probe("monitoring", Protocol.QUERY, "DescribeAlarms", (e, o) -> { try (var c = client(CloudWatchClient.builder(), e, o)) { c.describeAlarms(); } },
                        "AccessDenied", 403, "Throttling", 400),
                new Probe("elasticloadbalancing", Protocol.QUERY, "DescribeLoadBalancers",
                        (e, o) -> { try (var c = client(ElasticLoadBalancingV2Client.builder(), e, o)) { c.describeLoadBalancers(); } },
                        "AccessDenied", 403, "Throttling", 400),
                new Probe("s3", Protocol.REST_XML, "GET /", (e, o) -> { try (var c = client(S3Client.builder(), e, o)) { c.listBuckets(); } },
                        "AccessDenied", 403, "SlowDown", 503),
                new Probe("cloudfront", Protocol.REST_XML, "GET /2020-05-31/distribution",
                        (e, o) -> { try (var c = client(CloudFrontClient.builder(), e, o)) { c.listDistributions(); } },
                        "AccessDenied", 403, "Throttling", 400),
                new Probe("kms", Protocol.JSON, "ListKeys", (e, o) -> { try (var c = client(KmsClient.builder(), e, o)) { c.listKeys(); } },
                        "AccessDeniedException", 400, "ThrottlingException", 400),
                new Probe("logs", Protocol.JSON, "DescribeLogGroups", (e, o) -> { try (var c = client(CloudWatchLogsClient.builder(), e, o)) { c.describeLogGroups(); } },
                        "AccessDeniedException", 400, "ThrottlingException", 400),
                new Probe("cloudtrail", Protocol.JSON, "DescribeTrails", (e, o) -> { try (var c = client(CloudTrailClient.builder(), e, o)) { c.describeTrails(); } },
                        "AccessDeniedException", 400, "ThrottlingException", 400),
                new Probe("secretsmanager", Protocol.JSON, "ListSecrets", (e, o) -> { try (var c = client(SecretsManagerClient.builder(), e, o)) { c.listSecrets(); } },
                        "AccessDeniedException", 400, "ThrottlingException", 400),
                new Probe("config", Protocol.JSON, "DescribeConfigurationRecorders",
                        (e, o) -> { try (var c = client(ConfigClient.builder(), e, o)) { c.describeConfigurationRecorders(); } },
                        "AccessDeniedException", 400, "ThrottlingException", 400),
                new Probe("lambda", Protocol.REST_JSON, "GET /2015-03-31/functions", (e, o) -> { try (var c = client(LambdaClient.builder(), e, o)) { c.listFunctions(); } },
                        "AccessDeniedException", 403, "ThrottlingException", 429),
                new Probe("eks", Protocol.REST_JSON, "GET /clusters", (e, o) -> { try (var c = client(EksClient.builder(), e, o)) { c.listClusters(); } },
                        "AccessDeniedException", 403, "ThrottlingException", 429),
                new Probe("guardduty", Protocol.REST_JSON, "GET /detector", (e, o) -> { try (var c = client(GuardDutyClient.builder(), e, o)) { c.listDetectors(); } },
                        "AccessDeniedException", 403, "ThrottlingException", 429),
                new Probe("securityhub", Protocol.REST_JSON, "POST /findings", (e, o) -> { try (var c = client(SecurityHubClient.builder(), e, o)) { c.getFindings(); } },
                        "AccessDeniedException", 403, "ThrottlingException", 429));
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.start(MOTO.endpoint());
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyServicePassesThroughToTheEmulator(Probe p) {
        p.call(proxy.endpoint(), noRetries());

        assertThat(proxy.requests(p.service())).isEqualTo(1);
        assertThat(proxy.forwarded()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aCallIsIdentifiedByItsCredentialScopeAndProtocol(Probe p) {
        List<Call> calls = new CopyOnWriteArrayList<>();
        proxy.deny(c -> !calls.add(c));

        p.call(proxy.endpoint(), noRetries());

        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.service()).isEqualTo(p.service());
            assertThat(c.region()).isEqualTo("us-east-1");
            assertThat(c.protocol()).isEqualTo(p.protocol());
            assertThat(c.operation()).isEqualTo(p.operation());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aDeniedServiceAnswersWithTheAccessDeniedErrorOfItsProtocol(Probe p) {
        proxy.deny(p.service());

        assertThatThrownBy(() -> p.call(proxy.endpoint(), ClientOverrideConfiguration.builder().build()))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(p.deniedCode());
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Access denied by the fault proxy: " + p.service());
                    assertThat(e.statusCode()).isEqualTo(p.deniedStatus());
                    assertThat(e.isThrottlingException()).isFalse();
                });
        assertThat(proxy.denied()).as("the SDK does not retry a denial").isEqualTo(1);
        assertThat(proxy.forwarded()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void withoutRetriesAThrottledCallSurfacesAsThrottling(Probe p) {
        proxy.throttle(1.0, 7);

        assertThatThrownBy(() -> p.call(proxy.endpoint(), noRetries()))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(p.throttledCode());
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded (fault proxy)");
                    assertThat(e.statusCode()).isEqualTo(p.throttledStatus());
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(proxy.throttled()).isEqualTo(1);
        assertThat(proxy.forwarded()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void withRetriesAThrottledCallIsRetriedUntilItSucceeds(Probe p) {
        AtomicInteger attempts = new AtomicInteger();
        ClientOverrideConfiguration retrying = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(10)
                        .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                        .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5))).build())
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        attempts.incrementAndGet();
                    }
                })
                .build();
        proxy.throttle(0.5, 2026);

        for (int i = 0; i < 4; i++) p.call(proxy.endpoint(), retrying);

        assertThat(proxy.forwarded()).isEqualTo(4);
        assertThat(proxy.throttled()).isPositive();
        assertThat(attempts.get()).as("SDK attempts").isEqualTo(proxy.seen()).isEqualTo(4 + proxy.throttled());
    }

    @Test
    void countersAddUpUnderConcurrentClients() throws Exception {
        proxy.throttle(0.3, 11).deny("kms");
        ClientOverrideConfiguration retrying = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(10)
                        .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                        .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5))).build())
                .build();
        List<Thread> clients = new ArrayList<>();
        AtomicInteger succeeded = new AtomicInteger();
        for (int i = 0; i < 8; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                try (StsClient sts = client(StsClient.builder(), proxy.endpoint(), retrying)) {
                    for (int j = 0; j < 10; j++) {
                        sts.getCallerIdentity();
                        succeeded.incrementAndGet();
                    }
                }
            }));
        }
        try (KmsClient kms = client(KmsClient.builder(), proxy.endpoint(), noRetries())) {
            for (int j = 0; j < 5; j++) assertThatThrownBy(kms::listKeys).isInstanceOf(AwsServiceException.class);
        }
        for (Thread t : clients) t.join();

        assertThat(succeeded.get()).isEqualTo(80);
        assertThat(proxy.forwarded()).isEqualTo(80);
        assertThat(proxy.denied()).isEqualTo(5);
        assertThat(proxy.throttled()).isPositive();
        assertThat(proxy.seen()).isEqualTo(proxy.forwarded() + proxy.denied() + proxy.throttled())
                .isEqualTo(proxy.requests("sts") + proxy.requests("kms"));
    }

    @Test
    void theSameSeedThrottlesTheSameRequests() {
        List<Boolean> first = throttlePattern(42);

        assertThat(throttlePattern(42)).isEqualTo(first);
        assertThat(throttlePattern(43)).isNotEqualTo(first);
        assertThat(first).contains(true, false);
    }

    private static List<Boolean> throttlePattern(long seed) {
        List<Boolean> throttled = new ArrayList<>();
        try (FaultProxy p = FaultProxy.start(MOTO.endpoint()).throttle(0.5, seed);
             StsClient sts = client(StsClient.builder(), p.endpoint(), noRetries())) {
            for (int i = 0; i < 20; i++) {
                try {
                    sts.getCallerIdentity();
                    throttled.add(false);
                } catch (AwsServiceException e) {
                    throttled.add(e.isThrottlingException());
                }
            }
            assertThat(p.throttled()).isEqualTo(throttled.stream().filter(t -> t).count());
        }
        return throttled;
    }

    @Test
    void aDenialCanNameOneOperation() {
        proxy.deny("iam", "ListRoles").deny("kms", "ListAliases");

        try (IamClient iam = client(IamClient.builder(), proxy.endpoint(), noRetries());
             KmsClient kms = client(KmsClient.builder(), proxy.endpoint(), noRetries())) {
            iam.listUsers();
            kms.listKeys();
            assertThatThrownBy(iam::listRoles).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            assertThatThrownBy(kms::listAliases).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
        assertThat(proxy.forwarded()).isEqualTo(2);
        assertThat(proxy.denied()).isEqualTo(2);
    }

    @Test
    void aDenialCanNameTheRegionOfTheCredentialScope() {
        proxy.deny(c -> c.region().equals("eu-west-1"));

        try (StsClient home = client(StsClient.builder(), proxy.endpoint(), noRetries());
             StsClient away = StsClient.builder().region(Region.EU_WEST_1).endpointOverride(proxy.endpoint())
                     .credentialsProvider(CREDENTIALS).overrideConfiguration(noRetries()).build()) {
            assertThat(home.getCallerIdentity().account()).isEqualTo(SeedClients.ACCOUNT);
            assertThatThrownBy(away::getCallerIdentity).isInstanceOf(AwsServiceException.class);
        }
    }

    @Test
    void aStalledProxyEndsACallWithATimeoutNotAHang() {
        proxy.stallAfter(1);
        ClientOverrideConfiguration twoSeconds = ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(2)).build();

        try (StsClient sts = client(StsClient.builder(), proxy.endpoint(), twoSeconds)) {
            sts.getCallerIdentity();
            long start = System.nanoTime();
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(ApiCallTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(proxy.forwarded()).isEqualTo(1);
        assertThat(proxy.stalled()).isEqualTo(1);
    }

    @Test
    void closingTheProxyReleasesStalledRequestsAndThePort() throws Exception {
        proxy.stallAfter(0);
        URI endpoint = proxy.endpoint();
        try (Socket s = new Socket(endpoint.getHost(), endpoint.getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 100 && proxy.stalled() == 0; i++) Thread.sleep(20);
            assertThat(proxy.stalled()).isEqualTo(1);

            proxy.close();

            assertThat(s.getInputStream().read()).as("closed unanswered").isEqualTo(-1);
        }
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void s3ObjectsRoundTripThroughTheProxy() {
        byte[] content = "x".repeat(70_000).getBytes(StandardCharsets.UTF_8);
        try (S3Client s3 = client(S3Client.builder(), proxy.endpoint(), ClientOverrideConfiguration.builder().build())) {
            s3.createBucket(b -> b.bucket("fault-proxy-roundtrip"));
            s3.putObject(b -> b.bucket("fault-proxy-roundtrip").key("a/b.txt"), RequestBody.fromBytes(content));

            assertThat(s3.headObject(b -> b.bucket("fault-proxy-roundtrip").key("a/b.txt")).contentLength()).isEqualTo(content.length);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("fault-proxy-roundtrip").key("a/b.txt")).asByteArray()).isEqualTo(content);
        }
    }

    @Test
    void forwardsRequestsVerbatimAndReframesAChunkedResponse() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", ex -> {
            seen.put("method", ex.getRequestMethod());
            seen.put("target", ex.getRequestURI().toString());
            seen.put("host", ex.getRequestHeaders().getFirst("Host"));
            seen.put("authorization", ex.getRequestHeaders().getFirst("Authorization"));
            seen.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.getResponseHeaders().add("x-amz-request-id", "upstream-1");
            ex.sendResponseHeaders(201, 0); // chunked
            try (OutputStream out = ex.getResponseBody()) {
                out.write("hello ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("world".getBytes(StandardCharsets.UTF_8));
            }
        });
        upstream.start();
        String auth = "AWS4-HMAC-SHA256 Credential=testing/20260101/eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=abc";
        try (FaultProxy p = FaultProxy.start(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()));
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(p.endpoint().resolve("/a%20b/c?x=1&y=%2F"))
                    .header("Authorization", auth).PUT(HttpRequest.BodyPublishers.ofString("payload")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("x-amz-request-id")).hasValue("upstream-1");
            assertThat(response.headers().firstValue("Content-Length")).hasValue("11");
            assertThat(response.body()).isEqualTo("hello world");
            assertThat(seen).containsEntry("method", "PUT").containsEntry("target", "/a%20b/c?x=1&y=%2F")
                    .containsEntry("host", "127.0.0.1:" + p.endpoint().getPort()).containsEntry("authorization", auth)
                    .containsEntry("body", "payload");
            assertThat(p.requests("s3")).isEqualTo(1);
        } finally {
            upstream.stop(0);
        }
    }

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private static ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build();
    }

    private static <B extends AwsClientBuilder<B, C>, C extends SdkClient> C client(B builder, URI endpoint, ClientOverrideConfiguration o) {
        builder.region(Region.US_EAST_1).endpointOverride(endpoint).credentialsProvider(CREDENTIALS).overrideConfiguration(o);
        if (builder instanceof S3BaseClientBuilder<?, ?> s3) s3.forcePathStyle(true);
        return builder.build();
    }
}
