package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.engine.ScanEngine;
import dev.vigil.engine.ScanReport;
import dev.vigil.engine.ScanRequest;
import dev.vigil.iac.IacOptions;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.Result;
import dev.vigil.model.Status;
import dev.vigil.rules.Catalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One rule set, whatever the input: the Terraform example, the CloudFormation example and the AWS
 * Config example describe the same made-up account, and for every resource they share, every rule
 * gives the same status in all three, with the differences below named and explained.
 *
 * <p>Resources are matched across inputs by their twin key: the Name tag, else the cloud name with
 * the AWS id that Config appends left off ({@code web (sg-0d6f…)} and {@code web} are one group),
 * else for KMS keys their description. Keys that name two resources in one input (the two
 * {@code default} security groups) are compared as a set of statuses.
 */
class OneRuleSetTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    /** The time the Config example was captured: age rules judge every input at the same instant. */
    private static final Instant AS_OF = Instant.parse("2026-11-15T06:00:00Z");

    /**
     * Rules whose facts exist only once deployed: IaC cannot know them, so they are UNKNOWN from
     * Terraform and CloudFormation where Config has a definite answer. Each must be UNKNOWN, never
     * PASS, in IaC: that is the point of the exemption list.
     */
    static final Map<String, String> KNOWN_ONLY_AFTER_DEPLOY = Map.ofEntries(
            Map.entry("aws-iam-user-mfa-enabled", "users enrol MFA devices after the user exists"),
            Map.entry("aws-iam-user-console-mfa", "users enrol MFA devices after the user exists"),
            Map.entry("aws-iam-user-access-keys-rotated", "an access key's creation date is the day it is deployed"),
            Map.entry("aws-iam-user-single-active-access-key", "a user's key list holds dates known only after deploy, and a PASS "
                    + "that reads a list with unknown fields is UNKNOWN"),
            Map.entry("aws-iam-user-console-no-initial-access-key", "whether a key was made with the user is a matter of creation times"),
            Map.entry("aws-iam-user-not-dormant", "when credentials were last used"),
            Map.entry("aws-iam-user-unused-credentials-disabled", "when credentials were last used"),
            Map.entry("aws-ec2-instance-stopped-not-too-long", "an instance's launch time"),
            Map.entry("aws-iam-role-cross-account-trust-external-id", "the account the code is deployed to (the IaC account gap)"),
            Map.entry("aws-s3-bucket-cross-account-actions-restricted", "the account the code is deployed to (the IaC account gap)"));

    /**
     * Where the account the code would create differs from the account Config recorded, as a
     * fact of AWS rather than of Vigil: (rule, resource key) to the status IaC must give, and why.
     */
    static final Map<String, Status> DIFFERENT_FACTS = Map.of(
            // S3 has encrypted every new bucket with SSE-S3 since January 2023; the Config
            // example's public-assets bucket is older than that and was never encrypted.
            "aws-s3-bucket-default-encryption acme-staging-public-assets", Status.PASS);

    private static Map<Twin, Set<Status>> config, terraform, cloudformation;

    record Twin(String rule, String type, String key) implements Comparable<Twin> {
        public int compareTo(Twin o) {
            return toString().compareTo(o.toString());
        }
    }

    @BeforeAll
    static void scanAllThree() {
        Catalog catalog = Catalog.load(ResourceTypes.standard(), true, List.of());
        ScanEngine engine = new ScanEngine(ScanOptions.inputs(IacOptions.none()), catalog, Clock.systemUTC());
        config = twins(engine, EXAMPLES.resolve("aws-config"));
        terraform = twins(engine, EXAMPLES.resolve("terraform"));
        cloudformation = twins(engine, EXAMPLES.resolve("cloudformation"));
    }

    private static Map<Twin, Set<Status>> twins(ScanEngine engine, Path example) {
        List<Resource> inventory = new ArrayList<>();
        ScanReport report = engine.scan(new ScanRequest(List.of(example), Set.of(), List.of(), List.of(), Map.of(), AS_OF), List.of(),
                inventory::addAll);
        assertThat(report.badFiles()).as("%s reads cleanly", example).isEmpty();
        Map<String, String> keyById = new HashMap<>();
        for (Resource r : inventory) keyById.put(r.id(), key(r));
        Map<Twin, Set<Status>> out = new TreeMap<>();
        for (Result r : report.results()) {
            String key = keyById.get(r.resourceId());
            if (key == null) continue; // a coverage-gap result names no resource
            out.computeIfAbsent(new Twin(r.ruleId(), r.resourceType(), key), k -> new TreeSet<>()).add(r.status());
        }
        return out;
    }

    static String key(Resource r) {
        String tagged = r.tags().get("Name");
        if (tagged != null && !tagged.isBlank()) return tagged;
        if (r.type().equals("aws.kms.key") && r.properties().get("description") instanceof String d && !d.isBlank()) return d;
        String name = r.name();
        int paren = name.indexOf(" (");
        return paren > 0 ? name.substring(0, paren) : name;
    }

    @Test
    void terraformAndConfigAgreeOnEverySharedResource() {
        assertAgree("terraform", terraform);
    }

    @Test
    void cloudFormationAndConfigAgreeOnEverySharedResource() {
        assertAgree("cloudformation", cloudformation);
    }

    @Test
    void terraformAndCloudFormationAgreeWithEachOther() {
        List<String> differ = new ArrayList<>();
        for (var e : terraform.entrySet()) {
            Set<Status> other = cloudformation.get(e.getKey());
            if (other != null && !other.equals(e.getValue())) differ.add(e.getKey() + ": terraform " + e.getValue() + ", cloudformation " + other);
        }
        assertThat(differ).isEmpty();
    }

    private static void assertAgree(String name, Map<Twin, Set<Status>> iac) {
        List<String> differ = new ArrayList<>();
        int compared = 0, failsMatched = 0;
        Set<String> resources = new HashSet<>();
        for (var e : iac.entrySet()) {
            Set<Status> fromConfig = config.get(e.getKey());
            if (fromConfig == null) continue;
            compared++;
            resources.add(e.getKey().type() + " " + e.getKey().key());
            if (fromConfig.equals(e.getValue())) {
                if (fromConfig.contains(Status.FAIL)) failsMatched++;
                continue;
            }
            String why = KNOWN_ONLY_AFTER_DEPLOY.get(e.getKey().rule());
            if (why != null && e.getValue().equals(Set.of(Status.UNKNOWN))) continue;
            Status fact = DIFFERENT_FACTS.get(e.getKey().rule() + " " + e.getKey().key());
            if (fact != null && e.getValue().equals(Set.of(fact))) continue;
            differ.add(e.getKey() + ": " + name + " " + e.getValue() + ", config " + fromConfig);
        }
        assertThat(differ).as("(rule, resource) pairs where %s and the Config example disagree", name).isEmpty();
        // the comparison must be about something: the shared resources carry most of the planted findings
        assertThat(resources.size()).as("resources shared with the Config example").isGreaterThanOrEqualTo(25);
        assertThat(failsMatched).as("failures found alike in both").isGreaterThanOrEqualTo(30);
        assertThat(compared).isGreaterThanOrEqualTo(200);
    }
}
