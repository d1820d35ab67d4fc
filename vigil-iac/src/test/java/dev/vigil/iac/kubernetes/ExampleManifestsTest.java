package dev.vigil.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Inventory;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.Result;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.InlineSuppression;
import dev.vigil.rules.Catalog;
import dev.vigil.rules.CompiledRule;
import dev.vigil.rules.Evaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** examples/kubernetes as its README describes it: every planted misconfiguration fails, every twin passes. */
class ExampleManifestsTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "kubernetes");
    private static Collected collected;
    /** "rule resource-address" to status, for every built-in Kubernetes rule on every resource of its type. */
    private static final Map<String, String> results = new TreeMap<>();

    @BeforeAll
    static void scanTheExample() throws IOException {
        KubernetesInput input = new KubernetesInput();
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLE)) {
            files = s.filter(input::claims).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("network.json", "rbac.yaml", "workloads.yaml");
        collected = input.read(files);
        Catalog catalog = Catalog.load(ResourceTypes.standard(), true, List.of());
        Evaluator evaluator = new Evaluator(new Inventory(collected.resources()), Instant.parse("2026-11-23T00:00:00Z"), Map.of());
        for (CompiledRule rule : catalog.rules()) {
            if (!rule.id().startsWith("k8s-")) continue;
            for (Resource r : collected.resources()) {
                if (!r.type().equals(rule.rule().resourceType())) continue;
                Result result = evaluator.evaluate(rule, r);
                results.put(rule.id() + " " + r.id().substring(r.id().indexOf('#') + 1), result.status().name());
            }
        }
    }

    @Test
    void theExampleReadsCleanly() {
        assertThat(collected.badFiles()).isEmpty();
        assertThat(collected.unmodelled()).containsExactlyEntriesOf(Map.of("cert-manager.io/v1/Certificate", 1L));
        assertThat(collected.resources()).hasSize(13);
    }

    @Test
    void resultsPointToTheLinesTheReadmeNames() {
        Map<String, String> ranges = new TreeMap<>();
        for (Resource r : collected.resources()) {
            var range = (dev.vigil.model.Origin.FileRange) r.origin();
            ranges.put(r.id().substring(r.id().indexOf('#') + 1), Path.of(range.file()).getFileName() + ":" + range.startLine() + "-" + range.endLine());
        }
        assertThat(ranges).containsEntry("Deployment/shop/legacy-agent", "workloads.yaml:12-41")
                .containsEntry("Deployment/shop/storefront", "workloads.yaml:44-93")
                .containsEntry("DaemonSet/logging/log-shipper", "workloads.yaml:96-129")
                .containsEntry("Pod/default/debug", "workloads.yaml:132-141")
                .containsEntry("ClusterRole/ops-everything", "rbac.yaml:2-9")
                .containsEntry("ClusterRole/deployment-reader", "rbac.yaml:11-18")
                .containsEntry("ClusterRoleBinding/ci-cluster-admin", "rbac.yaml:20-31")
                .containsEntry("RoleBinding/shop/ci-deployer", "rbac.yaml:33-45")
                .containsEntry("ClusterRoleBinding/break-glass", "rbac.yaml:48-59")
                .containsEntry("Service/shop/storefront", "network.json:11-21");
    }

    @Test
    void everyPlantedMisconfigurationFailsAndEveryTwinPasses() {
        Map<String, String> expected = new TreeMap<>();
        workload(expected, "Deployment/shop/legacy-agent", "FAIL", "FAIL", "FAIL", "FAIL", "FAIL", "FAIL");
        workload(expected, "Deployment/shop/storefront", "PASS", "PASS", "PASS", "PASS", "PASS", "PASS");
        workload(expected, "DaemonSet/logging/log-shipper", "PASS", "PASS", "PASS", "PASS", "FAIL", "PASS");
        workload(expected, "Pod/default/debug", "PASS", "FAIL", "FAIL", "FAIL", "PASS", "FAIL");
        expected.put("k8s-rbac-role-no-wildcards ClusterRole/ops-everything", "FAIL");
        expected.put("k8s-rbac-role-no-wildcards ClusterRole/deployment-reader", "PASS");
        expected.put("k8s-rbac-binding-not-cluster-admin ClusterRoleBinding/ci-cluster-admin", "FAIL");
        expected.put("k8s-rbac-binding-not-cluster-admin RoleBinding/shop/ci-deployer", "PASS");
        expected.put("k8s-rbac-binding-not-cluster-admin ClusterRoleBinding/break-glass", "FAIL");
        assertThat(results).containsExactlyEntriesOf(expected);
    }

    @Test
    void theDeliberateExceptionsAreWrittenNextToTheirObjects() {
        assertThat(collected.suppressions()).extracting(s -> s.resourceId().substring(s.resourceId().indexOf('#') + 1), InlineSuppression::rule,
                InlineSuppression::expires).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ClusterRoleBinding/break-glass", "k8s-rbac-binding-not-cluster-admin", null),
                org.assertj.core.groups.Tuple.tuple("DaemonSet/logging/log-shipper", "k8s-workload-no-host-path-volumes", LocalDate.of(2027, 6, 30)));
    }

    @Test
    void objectsAreJoinedAcrossFilesAndWhatNoFileDeclaresIsNamedInTheCluster() {
        Map<String, List<String>> relations = new TreeMap<>();
        for (Resource r : collected.resources()) {
            if (r.relations().isEmpty()) continue;
            relations.put(r.id().substring(r.id().indexOf('#') + 1), r.relations().stream()
                    .map(x -> x.kind() + " " + (x.targetId().startsWith("cluster#") ? x.targetId() : x.targetId().substring(x.targetId().lastIndexOf('/', x.targetId().indexOf('#')) + 1)))
                    .toList());
        }
        assertThat(relations).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "Deployment/shop/legacy-agent", List.of("runs-as cluster#ServiceAccount/shop/default"),
                "Deployment/shop/storefront", List.of("runs-as network.json#ServiceAccount/shop/storefront"),
                "DaemonSet/logging/log-shipper", List.of("runs-as cluster#ServiceAccount/logging/default"),
                "Pod/default/debug", List.of("runs-as cluster#ServiceAccount/default/default"),
                "ClusterRoleBinding/ci-cluster-admin", List.of("grants cluster#ClusterRole/cluster-admin", "binds cluster#ServiceAccount/ci/ci"),
                "RoleBinding/shop/ci-deployer", List.of("grants cluster#ClusterRole/edit", "binds cluster#ServiceAccount/ci/ci"),
                "ClusterRoleBinding/break-glass", List.of("grants cluster#ClusterRole/cluster-admin"))));
    }

    private static void workload(Map<String, String> expected, String address, String privileged, String escalation, String root,
                                 String hostNamespaces, String hostPath, String pinned) {
        expected.put("k8s-workload-not-privileged " + address, privileged);
        expected.put("k8s-workload-privilege-escalation-disallowed " + address, escalation);
        expected.put("k8s-workload-runs-as-non-root " + address, root);
        expected.put("k8s-workload-no-host-namespaces " + address, hostNamespaces);
        expected.put("k8s-workload-no-host-path-volumes " + address, hostPath);
        expected.put("k8s-workload-image-tag-pinned " + address, pinned);
    }
}
