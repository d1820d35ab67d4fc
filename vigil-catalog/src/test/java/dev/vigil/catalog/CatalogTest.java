package dev.vigil.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.ResourceTypes;
import dev.vigil.model.Status;
import dev.vigil.model.framework.Framework;
import dev.vigil.rules.Catalog;
import dev.vigil.rules.CompiledRule;
import dev.vigil.rules.Rule;
import dev.vigil.rules.RuleCompiler;
import dev.vigil.rules.RuleTester;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in catalog: every rule proves itself with its examples, and the frameworks map to real rules. */
class CatalogTest {
    private static final Set<String> CATEGORIES = Set.of("internet-exposed", "identity-access", "encryption", "logging", "network",
            "resilience", "threat-detection", "data-protection", "workload-isolation", "supply-chain");
    /** The service folders under rules/<provider>/. */
    private static final Map<String, Set<String>> SERVICES = Map.of(
            "aws", Set.of("account", "region", "s3", "iam", "ec2", "rds", "kms", "cloudtrail", "logs", "cloudwatch", "sns", "lambda", "elbv2",
                    "eks", "cloudfront", "secretsmanager"),
            "k8s", Set.of("workload", "rbac"));
    /** Providers whose rules no framework of the catalog maps yet (a CIS Kubernetes Benchmark file would). */
    private static final Set<String> PROVIDERS_WITHOUT_FRAMEWORKS = Set.of("k8s");
    /** Good practice that no framework of the catalog has a requirement for. */
    private static final Set<String> UNMAPPED = Set.of();

    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = Catalog.load(ResourceTypes.standard(), true, List.of());
    }

    private static Framework framework(String id) {
        return catalog.framework(id).orElseThrow(() -> new AssertionError("framework " + id + " is not in the catalog"));
    }

    private static Map<String, Framework.Requirement> requirements(String frameworkId) {
        Map<String, Framework.Requirement> byId = new TreeMap<>();
        for (Framework.Requirement r : framework(frameworkId).requirements()) {
            assertThat(byId.put(r.id(), r)).as("requirement %s of %s is listed twice", r.id(), frameworkId).isNull();
        }
        return byId;
    }

    @Test
    void everyBuiltInRuleProvesItCanPassAndFail() {
        RuleTester tester = new RuleTester(new RuleCompiler(ResourceTypes.standard()));
        List<String> failures = new ArrayList<>();
        int examples = 0;
        for (CompiledRule rule : catalog.rules()) {
            RuleTester.Outcome outcome = tester.test(rule);
            examples += outcome.examples();
            for (String f : outcome.failures()) failures.add(rule.id() + " (" + rule.rule().source() + "): " + f);
        }
        assertThat(failures).as("rule example failures").isEmpty();
        assertThat(catalog.rules().size()).as("number of built-in rules").isGreaterThanOrEqualTo(45);
        assertThat(examples).as("number of examples").isGreaterThanOrEqualTo(2 * catalog.rules().size());
    }

    @Test
    void everyRuleThatReadsTheCredentialReportShowsWhatHappensWithoutIt() {
        List<String> missing = new ArrayList<>();
        for (CompiledRule cr : catalog.rules()) {
            Rule rule = cr.rule();
            boolean readsReport = rule.check().contains("resource.root.") || rule.check().contains("resource.passwordPolicy.")
                    || rule.check().contains("resource.passwordEnabled") || rule.check().contains("resource.mfaActive")
                    || rule.check().contains("resource.accessKeys");
            boolean hasUnknown = rule.examples().stream().anyMatch(e -> e.expect() == Status.UNKNOWN && !e.unknowns().isEmpty());
            if (readsReport && !hasUnknown) missing.add(rule.id());
        }
        assertThat(missing).as("rules reading credential-report data without an UNKNOWN example").isEmpty();
    }

    @Test
    void everyRuleHasRemediationAndADescription() {
        List<String> problems = new ArrayList<>();
        for (CompiledRule cr : catalog.rules()) {
            Rule r = cr.rule();
            if (r.description().isBlank()) problems.add(r.id() + ": no description");
            if (r.risk().isBlank()) problems.add(r.id() + ": no risk");
            if (r.message().isBlank()) problems.add(r.id() + ": no message");
            if (r.remediation().text().isBlank()) problems.add(r.id() + ": no remediation text");
            // a manifest has no console: Kubernetes rules give the fix as text, kubectl and Terraform
            if (r.remediation().console().isBlank() && r.id().startsWith("aws-")) problems.add(r.id() + ": no console steps");
            if (r.remediation().cli().isBlank()) problems.add(r.id() + ": no CLI remediation");
            if (r.remediation().terraform().isBlank()) problems.add(r.id() + ": no Terraform remediation");
            if (r.categories().isEmpty()) problems.add(r.id() + ": no category");
            for (String c : r.categories()) {
                if (!CATEGORIES.contains(c)) problems.add(r.id() + ": unknown category " + c);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRuleFileIsNamedAfterItsIdInItsServiceFolder() {
        List<String> problems = new ArrayList<>();
        for (CompiledRule cr : catalog.rules()) {
            String source = cr.rule().source().replace('\\', '/');
            String[] parts = source.split("/");
            String file = parts[parts.length - 1];
            String service = parts[parts.length - 2];
            String provider = parts[parts.length - 3];
            if (!file.equals(cr.id() + ".yaml")) problems.add(source + " holds rule " + cr.id());
            if (!SERVICES.getOrDefault(provider, Set.of()).contains(service)) problems.add(source + " is not under rules/<provider>/<service>/");
            String type = cr.rule().resourceType();
            if (!cr.id().startsWith(provider + "-" + service + "-")) problems.add(cr.id() + " does not start with " + provider + "-" + service + "-");
            if (!type.startsWith(provider + ".")) problems.add(cr.id() + " checks " + type);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void cisFrameworkListsAllSixtyTwoRequirements() {
        Framework cis = framework("cis-aws-3.0");
        assertThat(cis.version()).isEqualTo("3.0.0");
        assertThat(cis.provider()).isEqualTo("aws");
        Map<String, Framework.Requirement> reqs = requirements("cis-aws-3.0");
        assertThat(reqs).hasSize(62);
        assertThat(reqs.values().stream().filter(r -> r.level() == 1)).hasSize(40);
        assertThat(reqs.values().stream().filter(r -> r.level() == 2)).hasSize(22);
        assertThat(reqs.values().stream().filter(Framework.Requirement::automated)).hasSize(35);
        assertThat(reqs.values().stream().filter(r -> !r.automated())).hasSize(27);
        Map<String, Long> bySection = reqs.values().stream().collect(Collectors.groupingBy(Framework.Requirement::section, TreeMap::new,
                Collectors.counting()));
        assertThat(bySection).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1 Identity and Access Management", 22L,
                "2.1 Simple Storage Service (S3)", 4L,
                "2.2 Elastic Compute Cloud (EC2)", 1L,
                "2.3 Relational Database Service (RDS)", 3L,
                "2.4 Elastic File System (EFS)", 1L,
                "3 Logging", 9L,
                "4 Monitoring", 16L,
                "5 Networking", 6L));
        assertThat(reqs.get("1.4").title()).isEqualTo("Ensure no 'root' user account access key exists");
        assertThat(reqs.get("5.6").level()).isEqualTo(1);
        assertThat(reqs.get("1.6").automated()).isFalse();
    }

    @Test
    void everyAutomatedCisRequirementWeCanEvaluateMapsToARule() {
        Map<String, Framework.Requirement> reqs = requirements("cis-aws-3.0");
        List<String> evaluable = List.of("1.4", "1.5", "1.8", "1.9", "1.10", "1.12", "1.13", "1.14", "1.15", "1.16", "1.17", "1.18",
                "1.20", "2.1.1", "2.1.4", "2.2.1", "2.3.1", "2.3.2", "2.3.3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9",
                "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13", "4.14", "4.15",
                "4.16", "5.1", "5.2", "5.3", "5.4", "5.6");
        List<String> unmapped = new ArrayList<>();
        for (String id : evaluable) {
            assertThat(reqs).containsKey(id);
            if (reqs.get(id).rules().isEmpty()) unmapped.add(id);
        }
        assertThat(unmapped).as("CIS requirements with no rule").isEmpty();
        assertThat(reqs.get("1.4").rules()).containsExactly("aws-account-root-no-access-keys");
        assertThat(reqs.get("2.1.4").rules()).contains("aws-s3-bucket-public-access-blocked", "aws-account-s3-public-access-blocked");
        assertThat(reqs.get("5.2").rules()).contains("aws-ec2-security-group-no-ssh-from-internet", "aws-ec2-security-group-no-rdp-from-internet");
    }

    @Test
    void everyRuleEvidencesAtLeastOneFrameworkRequirement() {
        List<String> orphans = catalog.rules().stream().map(CompiledRule::id).filter(id -> catalog.frameworksOf(id).isEmpty())
                .filter(id -> !UNMAPPED.contains(id)).filter(id -> !PROVIDERS_WITHOUT_FRAMEWORKS.contains(id.substring(0, id.indexOf('-'))))
                .sorted(Comparator.naturalOrder()).toList();
        assertThat(orphans).as("rules no framework refers to").isEmpty();
        assertThat(UNMAPPED).allSatisfy(id -> assertThat(catalog.frameworksOf(id)).as(id + " is mapped now: drop it from UNMAPPED").isEmpty());
    }

    @Test
    void fsbpFrameworkOnlyListsControlsWithRules() {
        Framework fsbp = framework("aws-fsbp");
        assertThat(fsbp.name()).isEqualTo("AWS Foundational Security Best Practices");
        Map<String, Framework.Requirement> reqs = requirements("aws-fsbp");
        assertThat(reqs.values()).allSatisfy(r -> {
            assertThat(r.rules()).as(r.id()).isNotEmpty();
            assertThat(r.automated()).as(r.id()).isTrue();
            assertThat(r.level()).as(r.id()).isZero();
            assertThat(r.id()).as(r.id()).startsWith(r.section() + ".");
        });
        assertThat(reqs.get("S3.8").rules()).containsExactly("aws-s3-bucket-public-access-blocked");
        assertThat(reqs.get("IAM.4").rules()).containsExactly("aws-account-root-no-access-keys");
        assertThat(reqs.get("CloudTrail.6").rules()).containsExactly("aws-cloudtrail-bucket-not-public");
        assertThat(reqs.get("CloudWatch.17").rules()).containsExactly("aws-cloudwatch-alarm-actions-enabled");
        assertThat(reqs.get("SNS.1").rules()).containsExactly("aws-sns-topic-kms-encrypted");
    }

    @Test
    void isoAndSoc2ListTheirWholeControlSetsAndMapRulesBySubject() {
        Map<String, Framework.Requirement> iso = requirements("iso-27001-2022");
        assertThat(iso).hasSize(93);
        Map<String, Long> isoSections = iso.values().stream().collect(Collectors.groupingBy(Framework.Requirement::section, TreeMap::new,
                Collectors.counting()));
        assertThat(isoSections).containsExactlyInAnyOrderEntriesOf(Map.of("A.5 Organizational controls", 37L, "A.6 People controls", 8L,
                        "A.7 Physical controls", 14L, "A.8 Technological controls", 34L));
        assertThat(iso.get("A.8.24").title()).isEqualTo("Use of cryptography");
        assertThat(iso.get("A.8.24").rules()).contains("aws-s3-bucket-default-encryption", "aws-logs-log-group-kms-encrypted");
        assertThat(iso.get("A.8.15").rules()).contains("aws-account-cloudtrail-multi-region-logging");
        assertThat(iso.get("A.7.1").manual()).as("physical controls are not evidenced by a cloud scan").isTrue();

        Map<String, Framework.Requirement> soc2 = requirements("soc2");
        assertThat(soc2).hasSize(38).containsKeys("CC1.1", "CC9.2", "A1.1", "A1.3", "C1.1", "C1.2");
        assertThat(soc2.get("CC6.6").rules()).contains("aws-s3-bucket-not-public", "aws-ec2-security-group-no-ssh-from-internet");
        assertThat(soc2.get("A1.2").rules()).contains("aws-rds-instance-backups-enabled");
        assertThat(soc2.get("CC1.1").manual()).isTrue();
    }

    @Test
    void nistAndPciMapRulesThroughSecurityHubRelatedRequirements() {
        Map<String, Framework.Requirement> nist = requirements("nist-800-53-r5");
        assertThat(nist.size()).isBetween(100, 150);
        assertThat(nist.values()).allSatisfy(r -> {
            assertThat(r.section()).as(r.id()).startsWith(r.id().substring(0, 2) + " ");
            assertThat(r.level()).as(r.id()).isZero();
        });
        // S3.1 lists AC-3 and SC-7; EC2.3 lists SC-28; IAM.5 lists IA-2(1).
        assertThat(nist.get("SC-7").rules()).contains("aws-account-s3-public-access-blocked");
        assertThat(nist.get("SC-28").rules()).contains("aws-ec2-volume-encrypted");
        assertThat(nist.get("IA-2(1)").rules()).contains("aws-iam-user-console-mfa");

        Map<String, Framework.Requirement> pci = requirements("pci-dss-4.0");
        assertThat(pci.size()).isBetween(60, 100);
        assertThat(pci.values()).allSatisfy(r -> assertThat(r.section()).as(r.id()).startsWith(r.id().substring(0, r.id().indexOf('.')) + " "));
        // RDS.2 lists PCI DSS v4.0.1/1.4.4; IAM.5 lists 8.4.2; KMS.4 lists 3.7.4.
        assertThat(pci.get("1.4.4").rules()).contains("aws-rds-instance-not-public");
        assertThat(pci.get("8.4.2").rules()).contains("aws-iam-user-console-mfa");
        assertThat(pci.get("3.7.4").rules()).containsExactly("aws-kms-key-rotation-enabled");
    }
}
