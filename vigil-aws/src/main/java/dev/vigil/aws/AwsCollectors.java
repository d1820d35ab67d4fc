package dev.vigil.aws;

import dev.vigil.aws.live.Collector;
import dev.vigil.aws.s3.S3Collector;
import java.util.List;

/** Every live AWS collector, in the order their units are scheduled. */
public final class AwsCollectors {
    private AwsCollectors() {
    }

    public static List<Collector> standard() {
        return List.of(
                // global services
                new S3Collector()
                // regional services
        );
    }
}
