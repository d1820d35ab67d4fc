package dev.vigil.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Inventory;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.Result;
import dev.vigil.model.Status;
import dev.vigil.model.input.Collected;
import dev.vigil.rules.Catalog;
import dev.vigil.rules.CompiledRule;
import dev.vigil.rules.Evaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Never a false PASS: what a template expression stands for makes the rules that read it UNKNOWN, with the reason. */
class TemplatedValuesTest {
    private static Catalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadCatalog() {
        catalog = Catalog.load(ResourceTypes.standard(), true, List.of());
    }

    private Result judge(String rule, String manifest) throws IOException {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, manifest);
        Collected c = new KubernetesInput().read(List.of(f));
        assertThat(c.badFiles()).isEmpty();
        assertThat(c.resources()).hasSize(1);
        Resource r = c.resources().get(0);
        CompiledRule cr = catalog.rule(rule).orElseThrow();
        return new Evaluator(new Inventory(c.resources()), Instant.parse("2026-11-23T00:00:00Z"), Map.of()).evaluate(cr, r);
    }

    private static String deployment(String podSpec) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                """ + podSpec.indent(4);
    }

    @Test
    void aTemplatedPrivilegedFlagIsUnknown() throws IOException {
        Result r = judge("k8s-workload-not-privileged", deployment("""
                spec:
                  containers:
                    - {name: web, image: "web:1.0", securityContext: {privileged: "{{ .Values.privileged }}"}}
                """));
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).contains("{{ .Values.privileged }}");
    }

    @Test
    void aKnownPrivilegedContainerFailsWhateverAnotherContainerLeavesUnknown() throws IOException {
        Result r = judge("k8s-workload-not-privileged", deployment("""
                spec:
                  containers:
                    - {name: web, image: "web:1.0", securityContext: {privileged: true}}
                    - {name: side, image: "side:1.0", securityContext: {privileged: "{{ .Values.privileged }}"}}
                """));
        assertThat(r.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aTemplatedImageLeavesItsPinningUnknown() throws IOException {
        Result r = judge("k8s-workload-image-tag-pinned", deployment("""
                spec:
                  containers:
                    - {name: web, image: "registry.example.com/web:{{ .Values.tag }}"}
                """));
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).contains("{{ .Values.tag }}");
    }

    @Test
    void aTemplatedContainerListIsNotAnEmptyOne() throws IOException {
        Result r = judge("k8s-workload-not-privileged", deployment("""
                spec:
                  containers: "{{ toYaml .Values.containers }}"
                """));
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aTemplatedInitContainerMakesTheContainerListIncomplete() throws IOException {
        Result r = judge("k8s-workload-privilege-escalation-disallowed", deployment("""
                spec:
                  initContainers: ["{{ .Values.init }}"]
                  containers:
                    - {name: web, image: "web:1.0", securityContext: {allowPrivilegeEscalation: false}}
                """));
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aKnownFailureAmongContainersStillFailsWhenTheListIsIncomplete() throws IOException {
        Result r = judge("k8s-workload-privilege-escalation-disallowed", deployment("""
                spec:
                  initContainers: ["{{ .Values.init }}"]
                  containers:
                    - {name: web, image: "web:1.0", securityContext: {allowPrivilegeEscalation: true}}
                """));
        assertThat(r.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aTemplatedSecurityContextIsNotTheDefaults() throws IOException {
        Result r = judge("k8s-workload-privilege-escalation-disallowed", deployment("""
                spec:
                  containers:
                    - {name: web, image: "web:1.0", securityContext: "{{ toYaml .Values.securityContext }}"}
                """));
        assertThat(r.status()).as("allowPrivilegeEscalation's default (true) must not stand in for the template").isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).contains("{{ toYaml .Values.securityContext }}");
    }

    @Test
    void aTemplatedPodSecurityContextLeavesWhatContainersInheritUnknown() throws IOException {
        String podSpec = """
                spec:
                  securityContext: "{{ toYaml .Values.podSecurityContext }}"
                  containers:
                    - {name: web, image: "web:1.0", securityContext: %s}
                """;
        Result inherits = judge("k8s-workload-runs-as-non-root", deployment(podSpec.formatted("{allowPrivilegeEscalation: false}")));
        assertThat(inherits.status()).isEqualTo(Status.UNKNOWN);
        assertThat(inherits.reason()).contains("the pod's securityContext is a template expression");
        Result own = judge("k8s-workload-runs-as-non-root", deployment(podSpec.formatted("{runAsNonRoot: false, runAsUser: 0}")));
        assertThat(own.status()).as("the container's own settings do not depend on the pod's").isEqualTo(Status.FAIL);
    }

    @Test
    void aTemplatedPodSpecHidesTheDefaultsToo() throws IOException {
        Result r = judge("k8s-workload-no-host-namespaces", deployment("""
                spec: "{{ toYaml .Values.podSpec }}"
                """));
        assertThat(r.status()).as("hostNetwork's default must not read as false when the pod spec is unknown").isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).contains("{{ toYaml .Values.podSpec }}");
    }

    @Test
    void aTemplatedSelectorIsNotAnEmptyOneThatSelectsEverything() throws IOException {
        Path f = dir.resolve("np.yaml");
        Files.writeString(f, """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: shop}
                spec:
                  podSelector: "{{ toYaml .Values.selector }}"
                  ingress:
                    - from: [{ipBlock: "{{ .Values.cidr }}"}]
                """);
        Resource np = new KubernetesInput().read(List.of(f)).resources().get(0);
        assertThat(np.properties()).doesNotContainKey("podSelector").containsEntry("policyTypes", List.of("Ingress"));
        assertThat(np.unknownReason("podSelector")).contains("{{ toYaml .Values.selector }}");
        assertThat(np.properties().get("ingress")).isEqualTo(List.of(Map.of("peers", List.of(Map.of()), "ports", List.of())));
        assertThat(np.unknownReason("ingress.peers.ipBlock")).contains("{{ .Values.cidr }}");
    }

    @Test
    void aTemplatedRoleBodyIsUnknown() throws IOException {
        Result r = judge("k8s-rbac-role-no-wildcards", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: ops}
                rules: "{{ toYaml .Values.rules }}"
                """);
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).contains("{{ toYaml .Values.rules }}");
    }
}
