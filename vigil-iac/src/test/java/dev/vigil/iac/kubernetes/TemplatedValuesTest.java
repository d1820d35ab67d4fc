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
    void aTemplatedPodSpecHidesTheDefaultsToo() throws IOException {
        Result r = judge("k8s-workload-no-host-namespaces", deployment("""
                spec: "{{ toYaml .Values.podSpec }}"
                """));
        assertThat(r.status()).as("hostNetwork's default must not read as false when the pod spec is unknown").isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).contains("{{ toYaml .Values.podSpec }}");
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
