package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exception added through the CLI suppresses exactly the findings it scopes when a scan is recorded; suppressed is not resolved. */
class ExceptionsScanTest {
    @TempDir
    Path dir;

    @Test
    void aScopedExceptionSuppressesItsFindingOnTheNextRecordedScan() {
        String db = "jdbc:sqlite:" + dir.resolve("vigil.db");
        CliRun add = CliRun.of("exceptions", "add", "--db", db, "--rule", "aws-s3-bucket-default-encryption", "--resource", "*public-assets*",
                "--reason", "static site assets, no customer data", "--owner", "web-team", "--approver", "ciso", "--expires", "2099-06-30");
        assertThat(add.exitCode()).as(add.err()).isZero();
        CliRun scan = CliRun.of("scan", CliRun.EXAMPLE.toString(), "--db", db);
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.err()).contains("recorded scan 1");

        CliRun suppressed = CliRun.of("findings", "--db", db, "--status", "suppressed");
        assertThat(suppressed.out()).contains("1 suppressed finding").contains("aws-s3-bucket-default-encryption").contains("acme-staging-public-assets");
        CliRun open = CliRun.of("findings", "--db", db, "--status", "open");
        assertThat(open.out()).doesNotContain("aws-s3-bucket-default-encryption  acme-staging-public-assets")
                // the other planted failure of the same bucket is not in the exception's scope
                .contains("aws-s3-bucket-public-access-blocked");
        CliRun resolved = CliRun.of("findings", "--db", db, "--status", "resolved");
        assertThat(resolved.out()).doesNotContain("acme-staging-public-assets");
    }
}
