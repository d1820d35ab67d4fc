package dev.vigil.testkit.aws;

/**
 * Plants resources into the AWS emulator through the AWS SDK, as a user's account would hold them:
 * misconfigured resources named {@code bad-...} and compliant twins named {@code good-...}, in the
 * two test regions. The live-scan specifications scan the emulator and hold the results to this
 * naming: every {@code bad-} resource fails a rule, no {@code good-} resource fails any.
 */
public interface Seed {

    /** A short name for messages, e.g. {@code ec2}. */
    String name();

    void plant(SeedClients clients);
}
