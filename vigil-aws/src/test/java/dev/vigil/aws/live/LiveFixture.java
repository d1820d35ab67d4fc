package dev.vigil.aws.live;

import dev.vigil.aws.AwsCollectors;
import dev.vigil.model.Resource;
import dev.vigil.model.input.Collected;
import dev.vigil.testkit.MotoServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

/**
 * The emulator for collector tests: SDK clients to seed it, and a live collection against it.
 * moto answers every service on one endpoint, for account 123456789012.
 */
public final class LiveFixture {
    public static final String ACCOUNT = "123456789012";
    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    static {
        // The collectors use the SDK's default credential chain, as a user's scan would.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    private LiveFixture() {
    }

    public static MotoServer moto() {
        return MotoServer.shared();
    }

    /** A client for seeding the emulator. */
    public static <B extends AwsClientBuilder<B, C>, C extends SdkClient> C seed(B builder, String region) {
        builder.region(Region.of(region)).endpointOverride(moto().endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        if (builder instanceof S3BaseClientBuilder<?, ?> s3) s3.forcePathStyle(true);
        return builder.build();
    }

    public static AwsScanOptions options(URI endpoint, Set<String> services) {
        return AwsScanOptions.defaults().withEndpoint(endpoint).withRegions(REGIONS).withServices(services, Set.of())
                .withLimits(8, 1000, 3, Duration.ofSeconds(20)).withRetryDelay(Duration.ofMillis(20));
    }

    /** Collects the emulator's two regions with the given services (all when empty). */
    public static Collected collect(Set<String> services) {
        return new AwsLiveInput(options(moto().endpoint(), services), AwsCollectors.standard(), Progress.none(), Clock.systemUTC()).collect();
    }

    public static Resource only(Collected c, String type, String name) {
        List<Resource> found = c.resources().stream().filter(r -> r.type().equals(type) && r.name().equals(name)).toList();
        if (found.size() != 1) throw new AssertionError("expected one " + type + " named " + name + ", found " + found.size());
        return found.get(0);
    }
}
