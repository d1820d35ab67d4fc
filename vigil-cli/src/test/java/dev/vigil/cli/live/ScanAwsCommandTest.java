package dev.vigil.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.Vigil;
import dev.vigil.testkit.MotoServer;
import dev.vigil.testkit.aws.SeedClients;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** The front of {@code vigil scan aws}: who scans, where, and the errors a user meets before any result. */
class ScanAwsCommandTest {
    static MotoServer moto;

    @BeforeAll
    static void emulator() {
        moto = MotoServer.shared();
        moto.reset();
        try (IamClient iam = new SeedClients(moto.endpoint()).client(IamClient::builder, "us-east-1")) {
            iam.createRole(r -> r.roleName("VigilAudit").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
                    "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"7f3a"}}}]}"""));
        }
    }

    @Test
    void anAssumedRoleIsWhoTheScanSaysItIs() {
        var run = LiveScanTest.LiveRun.scan(moto.endpoint().toString(), "--services", "s3", "--role-arn",
                "arn:aws:iam::123456789012:role/VigilAudit", "--external-id", "7f3a", "--session-name", "audit-2026-11");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Vigil.OK);
        assertThat(run.err()).contains("scanning account 123456789012 as arn:aws:sts::123456789012:assumed-role/VigilAudit/audit-2026-11");
    }

    @Test
    void progressIsOneLinePerUnitWhenNotOnATerminal() {
        var run = LiveScanTest.LiveRun.scan(moto.endpoint().toString(), "--services", "s3,ec2");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Vigil.OK);
        // s3 once for the account, ec2 once per region
        assertThat(run.err()).contains("/3 s3 global done").contains("/3 ec2 us-east-1 done").contains("/3 ec2 eu-west-1 done").contains("3/3 ");
        assertThat(run.out()).contains("Collection: ").contains("API calls");
    }

    @Test
    void anEndpointThatIsNotThereIsOneLineAndExitOne() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var run = LiveScanTest.LiveRun.scan("http://127.0.0.1:" + port, "--call-timeout", "3", "--max-attempts", "1");
        assertThat(run.exitCode()).isEqualTo(Vigil.INPUT_ERROR);
        assertThat(run.err().strip()).startsWith("vigil: aws: cannot identify the caller (sts:GetCallerIdentity)").doesNotContain("\n\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void anUnknownRegionOrServiceIsAUsageError() {
        var region = LiveScanTest.LiveRun.scan(moto.endpoint().toString(), "--regions", "us-east-1,mars-north-1");
        assertThat(region.exitCode()).isEqualTo(Vigil.INPUT_ERROR);
        assertThat(region.err()).contains("'mars-north-1' is not an AWS region");
        var service = LiveScanTest.LiveRun.scan(moto.endpoint().toString(), "--services", "s3,dynamo");
        assertThat(service.exitCode()).isEqualTo(Vigil.INPUT_ERROR);
        assertThat(service.err()).contains("unknown service 'dynamo'").contains("s3");
    }
}
