package dev.vigil.testkit.aws;

import java.util.List;

/** Every seed, planted together for the end-to-end live scan. */
public final class Seeds {
    private Seeds() {
    }

    public static List<Seed> all() {
        return List.of(new S3Seed(), new MonitoringSeed());
    }

    public static void plantAll(SeedClients clients) {
        for (Seed s : all()) {
            try {
                s.plant(clients);
            } catch (RuntimeException e) {
                throw new IllegalStateException("seed " + s.name() + " failed: " + e.getMessage(), e);
            }
        }
    }
}
