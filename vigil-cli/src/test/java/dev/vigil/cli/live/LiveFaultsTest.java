package dev.vigil.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.Vigil;
import dev.vigil.testkit.MotoServer;
import dev.vigil.testkit.aws.FaultProxy;
import dev.vigil.testkit.aws.SeedClients;
import dev.vigil.testkit.aws.Seeds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan against an emulator that misbehaves, through a loopback proxy: a denied service, a
 * denied detail call, throttling, an endpoint that stops answering. Each is compared with an
 * undisturbed scan of the same seeded emulator.
 */
class LiveFaultsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final dev.vigil.rules.Catalog CATALOG = dev.vigil.rules.Catalog.load(dev.vigil.model.ResourceTypes.standard(), true, List.of());
    static MotoServer moto;
    static Map<String, JsonNode> baseline;
    @TempDir
    Path dir;
    FaultProxy proxy;

    @BeforeAll
    static void seedAndScanUndisturbed(@TempDir Path tmp) throws IOException {
        moto = MotoServer.shared();
        moto.reset();
        Seeds.plantAll(new SeedClients(moto.endpoint()));
        baseline = byKey(scan(moto.endpoint().toString(), tmp.resolve("baseline.json")));
    }

    @AfterEach
    void closeProxy() {
        if (proxy != null) proxy.close();
    }

    @Test
    void aDeniedServiceTurnsExactlyItsRulesIntoErrorsAndTheRestCompletes() throws IOException {
        proxy = FaultProxy.start(moto.endpoint());
        proxy.deny("s3");
        Map<String, JsonNode> denied = byKey(scan(proxy.endpoint().toString(), dir.resolve("denied.json")));

        List<JsonNode> bucketRules = denied.values().stream().filter(r -> r.at("/resource/type").asText().equals("aws.s3.bucket")).toList();
        assertThat(bucketRules).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("status").asText()).isEqualTo("ERROR");
            assertThat(r.get("reason").asText()).contains("s3:ListAllMyBuckets").contains("AccessDenied");
        });
        assertThat(denied.get("aws-account-s3-public-access-blocked 123456789012").get("status").asText()).isEqualTo("ERROR");
        // Everything S3 did not hide comes out as it did without the fault.
        for (var e : baseline.entrySet()) {
            if (e.getValue().at("/resource/type").asText().equals("aws.s3.bucket")) continue;
            JsonNode now = denied.get(e.getKey());
            assertThat(now).as(e.getKey()).isNotNull();
            if (!now.get("status").equals(e.getValue().get("status"))) {
                assertThat(now.get("status").asText()).as(e.getKey() + " " + now).isEqualTo("ERROR");
                assertThat(now.get("reason").asText()).as(e.getKey() + " " + now).contains("AccessDenied");
            }
        }
    }

    @Test
    void aDeniedDetailCallFailsOnlyTheRulesThatReadIt() throws IOException {
        proxy = FaultProxy.start(moto.endpoint());
        // GetBucketPolicy is GET /<bucket>?policy on the wire.
        proxy.deny(c -> c.service().equals("s3") && c.method().equals("GET") && c.target().matches("[^?]*\\?policy(=|&|$).*"));
        Map<String, JsonNode> denied = byKey(scan(proxy.endpoint().toString(), dir.resolve("detail.json")));
        int errors = 0;
        for (var e : baseline.entrySet()) {
            JsonNode now = denied.get(e.getKey());
            assertThat(now).as(e.getKey()).isNotNull();
            String rule = e.getKey().substring(0, e.getKey().indexOf(' '));
            boolean readsPolicy = CATALOG.rule(rule).orElseThrow().reads("aws.s3.bucket", "policy");
            if (readsPolicy && e.getValue().at("/resource/type").asText().equals("aws.s3.bucket")) {
                errors++;
                assertThat(now.get("status").asText()).as(e.getKey() + " " + now).isEqualTo("ERROR");
                assertThat(now.get("reason").asText()).contains("s3:GetBucketPolicy").contains("AccessDenied");
            } else if (!readsPolicy) {
                assertThat(now.get("status")).as(e.getKey()).isEqualTo(e.getValue().get("status"));
            }
        }
        assertThat(errors).isPositive();
    }

    @Test
    void throttlingIsAbsorbedAndChangesNoResult() throws IOException {
        proxy = FaultProxy.start(moto.endpoint());
        proxy.throttle(0.1, 7);
        JsonNode report = scan(proxy.endpoint().toString(), dir.resolve("throttled.json"), "--max-attempts", "10");
        Map<String, String> expected = new HashMap<>();
        baseline.forEach((k, v) -> expected.put(k, v.get("status").asText()));
        Map<String, String> got = new HashMap<>();
        byKey(report).forEach((k, v) -> got.put(k, v.get("status").asText()));
        assertThat(got).isEqualTo(expected);
        assertThat(proxy.throttled()).isPositive();
        assertThat(report.at("/scan/collection/throttles").asLong()).isPositive();
        assertThat(report.at("/scan/collection/retries").asLong()).isGreaterThanOrEqualTo(report.at("/scan/collection/throttles").asLong());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a guard against a hang, not a performance figure
    void anEndpointThatStopsAnsweringEndsTheScanWithErrorsNotAHang() throws IOException {
        proxy = FaultProxy.start(moto.endpoint());
        proxy.stallAfter(15);
        JsonNode report = scan(proxy.endpoint().toString(), dir.resolve("stalled.json"), "--call-timeout", "2", "--max-attempts", "2");
        assertThat(report.at("/summary/ERROR").asLong()).isPositive();
        assertThat(report.get("coverageGaps")).isNotEmpty();
        assertThat(report.get("coverageGaps").toString()).as(report.get("coverageGaps").toString()).contains("Timeout");
        for (JsonNode r : report.get("results")) {
            // Nothing the stall hid passes: whatever is PASS was read before it, as in the undisturbed scan.
            if (r.get("status").asText().equals("PASS")) {
                assertThat(baseline.get(key(r)).get("status").asText()).isEqualTo("PASS");
            }
        }
    }

    private static JsonNode scan(String endpoint, Path out, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--format", "json", "-o", out.toString(), "--no-progress"));
        args.addAll(List.of(more));
        LiveScanTest.LiveRun run = LiveScanTest.LiveRun.scan(endpoint, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Vigil.OK);
        return JSON.readTree(out.toFile());
    }

    private static Map<String, JsonNode> byKey(JsonNode report) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode r : report.get("results")) out.put(key(r), r);
        return out;
    }

    private static String key(JsonNode r) {
        return r.get("ruleId").asText() + " " + r.at("/resource/id").asText();
    }
}
