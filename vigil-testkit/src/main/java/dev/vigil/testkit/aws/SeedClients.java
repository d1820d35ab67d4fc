package dev.vigil.testkit.aws;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

/** SDK clients pointed at the emulator, for seeds. moto serves account 123456789012. */
public final class SeedClients {
    public static final String ACCOUNT = "123456789012";
    /** The two regions every seed plants into and every live test scans. */
    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private final URI endpoint;

    public SeedClients(URI endpoint) {
        this.endpoint = endpoint;
    }

    public URI endpoint() {
        return endpoint;
    }

    public <B extends AwsClientBuilder<B, C>, C extends SdkClient> C client(Supplier<B> builder, String region) {
        B b = builder.get().region(Region.of(region)).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        if (b instanceof S3BaseClientBuilder<?, ?> s3) s3.forcePathStyle(true);
        return b.build();
    }
}
