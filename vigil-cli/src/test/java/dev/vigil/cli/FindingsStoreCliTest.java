package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings store through the CLI: scans of the bundled example and of modified copies of it
 * recorded with {@code --db}, then {@code vigil findings} and {@code vigil drift} over them.
 */
class FindingsStoreCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "acme-staging-eu-legacy-downloads";
    private static final String ENCRYPTION_RULE = "aws-s3-bucket-default-encryption";
    private static final String GROUP = "sg-02a4c6e8f0b3d5a71"; // ops-jump

    @TempDir
    Path dir;
    String db;
    int copies;

    @BeforeEach
    void database() {
        db = "jdbc:sqlite:" + dir.resolve("store/vigil.db");
    }

    /** A copy of the example with its configuration items changed by {@code edit} (given each item). */
    Path example(Consumer<ObjectNode> edit) throws IOException {
        Path copy = dir.resolve("example-" + ++copies);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(CliRun.EXAMPLE)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().contains("ConfigSnapshot")) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                    continue;
                }
                JsonNode doc = JSON.readTree(f.toFile());
                ArrayNode items = (ArrayNode) doc.get("configurationItems");
                ArrayNode kept = JSON.createArrayNode();
                for (JsonNode item : items) {
                    edit.accept((ObjectNode) item);
                    if (!item.path("_delete").asBoolean()) kept.add(item);
                }
                ((ObjectNode) doc).set("configurationItems", kept);
                JSON.writeValue(copy.resolve(f.getFileName()).toFile(), doc);
            }
        }
        return copy;
    }

    static Consumer<ObjectNode> unencrypted() {
        return item -> {
            if (BUCKET.equals(item.path("resourceId").asText())) {
                ((ObjectNode) item.get("supplementaryConfiguration")).remove("ServerSideEncryptionConfiguration");
            }
        };
    }

    static Consumer<ObjectNode> withoutGroup() {
        return item -> {
            if (GROUP.equals(item.path("resourceId").asText())) item.put("_delete", true);
        };
    }

    CliRun scan(Path input) {
        CliRun run = CliRun.of("scan", input.toString(), "--db", db, "--format", "json", "--output", dir.resolve("report.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    JsonNode json(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    static JsonNode findingOf(JsonNode findings, String rule, String resourceName) {
        for (JsonNode f : findings.get("findings")) {
            if (f.get("ruleId").asText().equals(rule) && f.at("/resource/name").asText().equals(resourceName)) return f;
        }
        return null;
    }

    @Test
    void a_recorded_scan_says_so_and_its_failures_are_open_findings() throws IOException {
        CliRun run = scan(CliRun.EXAMPLE);
        assertThat(run.err()).containsPattern("vigil: recorded scan 1 in " + java.util.regex.Pattern.quote(db)
                + " \\(findings: [1-9][0-9]* opened, 0 reopened, 0 resolved, 0 suppressed\\)\n");
        JsonNode open = json("findings", "--db", db, "--format", "json");
        assertThat(open.get("status").asText()).isEqualTo("open");
        assertThat(open.get("findings")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.get("status").asText()).isEqualTo("open");
            assertThat(f.get("firstSeen").asText()).isEqualTo(f.get("lastSeen").asText());
        });
        assertThat(findingOf(open, "aws-s3-bucket-not-public", "acme-staging-public-assets")).isNotNull();
        // the second recording finds the same failures: still open, seen again, no new finding
        CliRun again = scan(CliRun.EXAMPLE);
        assertThat(again.err()).contains("vigil: recorded scan 2 in " + db);
        JsonNode after = json("findings", "--db", db, "--format", "json");
        assertThat(after.get("findings")).hasSameSizeAs(open.get("findings"));
        JsonNode f = findingOf(after, "aws-s3-bucket-not-public", "acme-staging-public-assets");
        assertThat(f.get("firstSeen").asText()).isLessThan(f.get("lastSeen").asText());

        CliRun table = CliRun.of("findings", "--db", db);
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("SEVERITY", "FIRST SEEN", "LAST SEEN", "AGE", "SLA", "due in", "acme-staging-public-assets",
                "Open findings by severity and age:", "Mean time to remediate:");
    }

    @Test
    void sla_breaches_follow_the_targets_as_of_a_time() throws IOException {
        scan(CliRun.EXAMPLE);
        JsonNode all = json("findings", "--db", db, "--format", "json");
        long critical = 0, high = 0;
        for (JsonNode f : all.get("findings")) {
            if (f.get("severity").asText().equals("critical")) critical++;
            if (f.get("severity").asText().equals("high")) high++;
        }
        assertThat(critical).as("the example has critical failures").isPositive();
        assertThat(high).as("the example has high failures").isPositive();
        String in2days = Instant.now().plus(Duration.ofDays(2)).toString();
        String in8days = Instant.now().plus(Duration.ofDays(8)).toString();

        JsonNode breached = json("findings", "--db", db, "--format", "json", "--sla-breached", "--as-of", in2days);
        assertThat(breached.get("findings")).hasSize((int) critical)
                .allSatisfy(f -> assertThat(f.get("sla").asText()).isEqualTo("breached"));
        assertThat(breached.at("/summary/openByAge/critical/breached").asLong()).isEqualTo(critical);
        assertThat(breached.at("/summary/openByAge/critical/1-7d").asLong()).isEqualTo(critical);
        assertThat(breached.at("/summary/openByAge/high/breached").asLong()).isZero();

        assertThat(json("findings", "--db", db, "--format", "json", "--sla-breached", "--as-of", in8days).get("findings"))
                .hasSize((int) (critical + high));
        assertThat(json("findings", "--db", db, "--format", "json", "--sla-breached", "--as-of", in2days, "--sla", "critical=3d")
                .get("findings")).isEmpty();
        assertThat(json("findings", "--db", db, "--format", "json", "--sla-breached", "--as-of", in8days, "--severity", "high")
                .get("findings")).hasSize((int) high);

        CliRun table = CliRun.of("findings", "--db", db, "--sla-breached", "--as-of", in2days);
        assertThat(table.out()).contains(critical + " open findings past their SLA").contains("breached 1d");
    }

    @Test
    void a_finding_opens_resolves_and_reopens_across_scans_of_modified_copies_and_drift_names_the_changed_field() throws IOException {
        Path encrypted = example(item -> { });
        Path unencrypted = example(unencrypted().andThen(withoutGroup()));
        scan(encrypted);
        assertThat(findingOf(json("findings", "--db", db, "--format", "json", "--status", "all"), ENCRYPTION_RULE, BUCKET)).isNull();

        scan(unencrypted);
        JsonNode f = findingOf(json("findings", "--db", db, "--format", "json"), ENCRYPTION_RULE, BUCKET);
        assertThat(f).isNotNull();
        assertThat(f.get("status").asText()).isEqualTo("open");

        CliRun drift = CliRun.of("drift", "--db", db);
        assertThat(drift.exitCode()).as(drift.err()).isZero();
        assertThat(drift.out())
                .contains("Drift from scan 1 (")
                .contains("to scan 2 (")
                .contains("0 added, 1 removed, 1 changed")
                .containsPattern("  - aws.ec2.security-group  \\S*" + GROUP + " \\(ops-jump \\(" + GROUP + "\\)\\)  111122223333 eu-west-1")
                .contains("  ~ aws.s3.bucket  arn:aws:s3:::" + BUCKET)
                .contains("properties.encryption.enabled: true → false")
                .contains("Findings: ")
                .contains("  + medium  " + ENCRYPTION_RULE + "  " + BUCKET);
        JsonNode dj = json("drift", "--db", db, "--format", "json");
        assertThat(dj.at("/from/id").asLong()).isEqualTo(1);
        assertThat(dj.at("/to/id").asLong()).isEqualTo(2);
        assertThat(dj.get("changed")).singleElement().satisfies(c -> {
            assertThat(c.get("name").asText()).isEqualTo(BUCKET);
            List<String> paths = new ArrayList<>();
            c.get("fields").forEach(x -> paths.add(x.get("path").asText()));
            assertThat(paths).contains("properties.encryption.enabled");
            for (JsonNode x : c.get("fields")) {
                if (x.get("path").asText().equals("properties.encryption.enabled")) {
                    assertThat(x.get("old").asBoolean()).isTrue();
                    assertThat(x.get("new").asBoolean()).isFalse();
                }
            }
        });
        assertThat(dj.at("/findings/appeared")).anySatisfy(x -> assertThat(x.get("ruleId").asText()).isEqualTo(ENCRYPTION_RULE));
        assertThat(dj.at("/findings/resolved")).isEmpty();

        scan(encrypted);
        JsonNode resolved = json("findings", "--db", db, "--format", "json", "--status", "resolved");
        f = findingOf(resolved, ENCRYPTION_RULE, BUCKET);
        assertThat(f.get("status").asText()).isEqualTo("resolved");
        assertThat(f.get("sla").asText()).isEqualTo("met");
        assertThat(f.get("resolvedAt").asText()).isGreaterThan(f.get("firstSeen").asText());
        assertThat(resolved.at("/summary/meanTimeToRemediate/bySeverity/medium/resolved").asInt()).isEqualTo(1);
        JsonNode back = json("drift", "--db", db, "--format", "json");
        assertThat(back.get("added")).singleElement().satisfies(x -> assertThat(x.get("id").asText()).endsWith(GROUP));
        assertThat(back.at("/findings/resolved")).anySatisfy(x -> assertThat(x.get("ruleId").asText()).isEqualTo(ENCRYPTION_RULE));
        // an explicit pair: the first and the third scans are the same configuration
        JsonNode same = json("drift", "--db", db, "--format", "json", "--from", "1", "--to", "3");
        assertThat(same.get("added")).isEmpty();
        assertThat(same.get("removed")).isEmpty();
        assertThat(same.get("changed")).isEmpty();

        scan(unencrypted);
        f = findingOf(json("findings", "--db", db, "--format", "json"), ENCRYPTION_RULE, BUCKET);
        assertThat(f.get("status").asText()).isEqualTo("reopened");
        assertThat(findingOf(json("findings", "--db", db, "--format", "json", "--status", "resolved"), ENCRYPTION_RULE, BUCKET)).isNull();
        assertThat(json("findings", "--db", db, "--format", "json", "--since", Instant.now().plus(Duration.ofDays(1)).toString())
                .at("/summary/meanTimeToRemediate/bySeverity/medium/resolved").asInt()).isZero();
    }

    @Test
    void record_writes_into_the_default_store_under_the_home_directory() {
        String home = System.getProperty("user.home");
        try {
            System.setProperty("user.home", dir.resolve("home").toString());
            CliRun run = CliRun.of("scan", CliRun.EXAMPLE.toString(), "--record", "--format", "json", "--output", dir.resolve("r.json").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("vigil: recorded scan 1 in jdbc:sqlite:" + dir.resolve("home/.vigil/vigil.db"));
            assertThat(dir.resolve("home/.vigil/vigil.db")).exists();
            CliRun findings = CliRun.of("findings");
            assertThat(findings.exitCode()).as(findings.err()).isZero();
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void bad_input_gets_one_line_and_exit_1_and_loses_nothing() throws IOException {
        Path report = dir.resolve("never.json");
        CliRun wrongUrl = CliRun.of("scan", CliRun.EXAMPLE.toString(), "--db", "jdbc:mysql://localhost/vigil", "--output", report.toString());
        assertThat(wrongUrl.exitCode()).isEqualTo(1);
        assertThat(wrongUrl.err()).isEqualTo("vigil: unsupported database URL 'jdbc:mysql://localhost/vigil'"
                + " (expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)\n");
        assertThat(report).doesNotExist();

        CliRun missing = CliRun.of("findings", "--db", "jdbc:sqlite:" + dir.resolve("nothing.db"));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("vigil: no findings store at " + dir.resolve("nothing.db")).hasLineCount(1);
        assertThat(dir.resolve("nothing.db")).doesNotExist();

        scan(CliRun.EXAMPLE);
        for (String[] args : List.of(
                new String[] {"findings", "--db", db, "--status", "closed"},
                new String[] {"findings", "--db", db, "--sla", "high=7y"},
                new String[] {"findings", "--db", db, "--severity", "urgent"},
                new String[] {"findings", "--db", db, "--since", "yesterday"},
                new String[] {"findings", "--db", db, "--format", "xml"},
                new String[] {"drift", "--db", db},
                new String[] {"drift", "--db", db, "--from", "1", "--to", "7"},
                new String[] {"drift", "--db", db, "--from", "1", "--to", "1"})) {
            CliRun r = CliRun.of(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("vigil: ").hasLineCount(1);
        }
        assertThat(CliRun.of("findings", "--db", db, "--status", "closed").err())
                .isEqualTo("vigil: --status 'closed' is not one of open, resolved, suppressed, all\n");
        assertThat(CliRun.of("findings", "--db", db, "--sla", "high=7y").err())
                .isEqualTo("vigil: --sla: 'high=7y': duration must be a number and a unit m, h, d or w (e.g. 7d)\n");
        assertThat(CliRun.of("drift", "--db", db).err())
                .isEqualTo("vigil: no complete scan of the same accounts before scan 1 to compare with\n");
        assertThat(CliRun.of("drift", "--db", db, "--from", "1", "--to", "7").err()).isEqualTo("vigil: no scan 7 in the store\n");
        // nothing lost: the recorded scan is still there
        assertThat(json("findings", "--db", db, "--format", "json").get("findings")).isNotEmpty();
    }
}
