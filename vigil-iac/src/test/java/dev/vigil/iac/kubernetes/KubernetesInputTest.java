package dev.vigil.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.IacPaths;
import dev.vigil.model.Origin;
import dev.vigil.model.Resource;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.InlineSuppression;
import dev.vigil.model.k8s.K8sTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesInputTest {
    private final KubernetesInput input = new KubernetesInput();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private Collected read(Path... files) {
        return input.read(List.of(files));
    }

    private static Resource only(Collected c, String idSuffix) {
        List<Resource> found = c.resources().stream().filter(r -> r.id().endsWith("#" + idSuffix)).toList();
        assertThat(found).as("resources ending in #" + idSuffix + " among " + c.resources().stream().map(Resource::id).toList()).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    // ---- which files are manifests ----

    @Test
    void claimsYamlAndJsonManifestsButNotOtherYamlOrTemplates() throws IOException {
        assertThat(input.claims(write("app.yaml", "# app\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n"))).isTrue();
        assertThat(input.claims(write("list.yml", "kind: List\napiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n"))).isTrue();
        assertThat(input.claims(write("playbook.yml", "- name: deploy\n  kubernetes.core.k8s:\n    definition:\n      apiVersion: v1\n"
                + "      kind: Pod\n"))).as("a manifest nested in an Ansible task is not a manifest file").isFalse();
        assertThat(input.claims(write("pod.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}"))).isTrue();
        assertThat(input.claims(write("values.yaml", "image: nginx\nreplicas: 2\n"))).isFalse();
        assertThat(input.claims(write("stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n"
                + "    Properties:\n      Tags: [{Key: kind, Value: x}]\n# apiVersion: v1\n"))).isFalse();
        assertThat(input.claims(write("plan.json", "{\"format_version\": \"1.2\", \"terraform_version\": \"1.9.0\", \"apiVersion\": 1, \"kind\": 2}")))
                .isFalse();
        assertThat(input.claims(write("pod.txt", "apiVersion: v1\nkind: Pod\n"))).isFalse();
    }

    // ---- objects, ids, lines ----

    @Test
    void everyDocumentOfAStreamIsOneResourceWithItsOwnLines() throws IOException {
        Path f = write("app.yaml", """
                # leading comment
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels: {team: shop}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: shop
                spec:
                  ports:
                    - port: 80

                # trailing comment, not part of the service
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  motd: |
                    hello
                    world
                """);
        Collected c = read(f);
        String file = IacPaths.display(f);
        assertThat(c.badFiles()).isEmpty();
        assertThat(c.resources()).extracting(Resource::id)
                .containsExactly(file + "#Namespace/shop", file + "#Service/shop/web", file + "#ConfigMap/default/settings");

        Resource ns = c.resources().get(0);
        assertThat(ns.type()).isEqualTo(K8sTypes.NAMESPACE.id());
        assertThat(ns.provider()).isEqualTo("k8s");
        assertThat(ns.region()).as("a cluster-scoped object has no namespace").isEmpty();
        assertThat(ns.account()).isEmpty();
        assertThat(ns.tags()).containsEntry("team", "shop");
        assertThat(ns.origin()).isEqualTo(new Origin.FileRange(file, 2, 6));

        Resource svc = c.resources().get(1);
        assertThat(svc.region()).isEqualTo("shop");
        assertThat(svc.origin()).isEqualTo(new Origin.FileRange(file, 8, 15));
        assertThat(svc.properties()).containsEntry("type", "ClusterIP");
        assertThat(list(svc.properties().get("ports")).get(0)).containsEntry("targetPort", "80").containsEntry("protocol", "TCP");

        Resource cm = c.resources().get(2);
        assertThat(cm.region()).as("a namespaced object without a namespace lands in default").isEqualTo("default");
        assertThat(cm.origin()).as("a block scalar ends on its last line").isEqualTo(new Origin.FileRange(file, 19, 26));
        assertThat(cm.properties()).containsEntry("keys", List.of("motd"));
    }

    @Test
    void itemsOfAListAreResourcesEachWithItsLines() throws IOException {
        Path f = write("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ServiceAccount
                    metadata:
                      name: builder
                      namespace: ci
                  - apiVersion: rbac.authorization.k8s.io/v1
                    kind: ClusterRole
                    metadata:
                      name: reader
                    rules:
                      - apiGroups: [""]
                        resources: [pods]
                        verbs: [get]
                """);
        Collected c = read(f);
        String file = IacPaths.display(f);
        Resource sa = only(c, "ServiceAccount/ci/builder");
        assertThat(sa.origin()).isEqualTo(new Origin.FileRange(file, 4, 8));
        assertThat(sa.properties()).containsEntry("automountServiceAccountToken", true);
        Resource role = only(c, "ClusterRole/reader");
        assertThat(role.origin()).isEqualTo(new Origin.FileRange(file, 9, 16));
        assertThat(role.type()).isEqualTo("k8s.role");
        assertThat(role.properties()).containsEntry("clusterScoped", true).containsEntry("namespace", "");
        assertThat(list(role.properties().get("rules")).get(0)).containsEntry("verbs", List.of("get"))
                .containsEntry("apiGroups", List.of("")).containsEntry("resourceNames", List.of());
    }

    @Test
    void jsonManifestsAndJsonListsCarryLines() throws IOException {
        Path f = write("objects.json", """
                {
                  "apiVersion": "v1",
                  "kind": "List",
                  "items": [
                    {
                      "apiVersion": "v1",
                      "kind": "Pod",
                      "metadata": {"name": "one", "namespace": "a"},
                      "spec": {"containers": [{"name": "c", "image": "nginx:1.27"}]}
                    },
                    {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "creds"}, "data": {"password": "aHVudGVyMg=="}}
                  ]
                }
                """);
        Collected c = read(f);
        String file = IacPaths.display(f);
        assertThat(only(c, "Pod/a/one").origin()).isEqualTo(new Origin.FileRange(file, 5, 10));
        Resource secret = only(c, "Secret/default/creds");
        assertThat(secret.origin()).isEqualTo(new Origin.FileRange(file, 11, 11));
        assertThat(secret.properties()).containsEntry("keys", List.of("password")).containsEntry("type", "Opaque");
        assertThat(secret.toString()).as("a secret's value is never read into Vigil").doesNotContain("aHVudGVyMg==");
    }

    @Test
    void kindsVigilDoesNotModelAreCountedNotDropped() throws IOException {
        Path f = write("crds.yaml", """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: a}
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: b}
                ---
                apiVersion: example.com/v1
                kind: Role
                metadata: {name: not-rbac}
                ---
                apiVersion: v1
                kind: Config
                clusters: []
                """);
        Collected c = read(f);
        assertThat(c.resources()).isEmpty();
        assertThat(c.unmodelled()).containsExactlyInAnyOrderEntriesOf(Map.of("cert-manager.io/v1/Certificate", 2L, "example.com/v1/Role", 1L,
                "v1/Config", 1L));
        assertThat(c.badFiles()).as("a kubeconfig has no name, and need not have one").isEmpty();
    }

    // ---- the workload model ----

    @Test
    void aContainerThatSaysNothingGetsKubernetesDefaults() throws IOException {
        Path f = write("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: bare}
                spec:
                  containers:
                    - name: app
                      image: nginx
                """);
        Resource pod = only(read(f), "Pod/default/bare");
        assertThat(pod.type()).isEqualTo("k8s.workload");
        Map<String, Object> c = list(pod.properties().get("containers")).get(0);
        assertThat(map(c.get("securityContext"))).containsEntry("privileged", false).containsEntry("allowPrivilegeEscalation", true)
                .containsEntry("runAsNonRoot", false).containsEntry("readOnlyRootFilesystem", false).containsEntry("seccompProfile", "")
                .doesNotContainKey("runAsUser");
        assertThat(c).containsEntry("kind", "container").containsEntry("imageTag", "").containsEntry("imageDigest", "")
                .containsEntry("imagePullPolicy", "Always");
        assertThat(pod.properties()).containsEntry("hostNetwork", false).containsEntry("hostPID", false).containsEntry("hostIPC", false)
                .containsEntry("serviceAccountName", "default").doesNotContainKey("automountServiceAccountToken");
        assertThat(pod.unknownReason("automountServiceAccountToken")).contains("service account 'default' decides");
    }

    @Test
    void containersInheritThePodsSecurityContextAndInitContainersCount() throws IOException {
        Path f = write("job.yaml", """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly, namespace: ops}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}
                          initContainers:
                            - name: fetch
                              image: registry.example.com:5000/tools/fetch:2.1@sha256:abc
                              securityContext: {runAsUser: 0, capabilities: {add: [SYS_ADMIN]}}
                          containers:
                            - name: report
                              image: registry.example.com:5000/tools/report
                              securityContext: {allowPrivilegeEscalation: false, seccompProfile: {type: Unconfined}}
                              ports: [{containerPort: 9090, hostPort: 9090}]
                              resources: {limits: {cpu: 1, memory: 64Mi}}
                          volumes:
                            - name: host
                              hostPath: {path: /etc}
                            - name: creds
                              secret: {secretName: report-creds}
                """);
        Resource job = only(read(f), "CronJob/ops/nightly");
        List<Map<String, Object>> containers = list(job.properties().get("containers"));
        assertThat(containers).extracting(c -> c.get("name") + ":" + c.get("kind")).containsExactly("report:container", "fetch:init");

        Map<String, Object> report = containers.get(0);
        assertThat(map(report.get("securityContext"))).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 1000L)
                .containsEntry("allowPrivilegeEscalation", false).containsEntry("seccompProfile", "Unconfined");
        assertThat(report).as("a registry port is not a tag").containsEntry("imageTag", "").containsEntry("imageDigest", "");
        assertThat(list(report.get("ports")).get(0)).containsEntry("hostPort", 9090L);
        assertThat(map(report.get("resources"))).isEqualTo(Map.of("requests", Map.of(), "limits", Map.of("cpu", "1", "memory", "64Mi")));

        Map<String, Object> fetch = containers.get(1);
        assertThat(map(fetch.get("securityContext"))).as("the container's own runAsUser wins; CAP_SYS_ADMIN always may escalate")
                .containsEntry("runAsUser", 0L).containsEntry("allowPrivilegeEscalation", true).containsEntry("seccompProfile", "RuntimeDefault");
        assertThat(fetch).containsEntry("imageTag", "2.1").containsEntry("imageDigest", "sha256:abc").containsEntry("imagePullPolicy", "IfNotPresent");

        assertThat(list(job.properties().get("volumes"))).containsExactly(
                Map.of("name", "host", "type", "hostPath", "hostPath", "/etc", "source", ""),
                Map.of("name", "creds", "type", "secret", "hostPath", "", "source", "report-creds"));
    }

    @Test
    void anAggregatedClusterRoleHasUnknownRules() throws IOException {
        Path f = write("agg.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: monitoring}
                aggregationRule:
                  clusterRoleSelectors: [{matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}}]
                rules: []
                """);
        Resource role = only(read(f), "ClusterRole/monitoring");
        assertThat(role.properties()).doesNotContainKey("rules");
        assertThat(role.unknownReason("rules")).contains("aggregated");
    }

    // ---- templates ----

    @Test
    void aTemplatedValueIsUnknownNotGuessed() throws IOException {
        Path f = write("deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: "registry.example.com/web:{{ .Values.tag }}"
                          securityContext:
                            privileged: "{{ .Values.privileged }}"
                """);
        Collected c = read(f);
        assertThat(c.badFiles()).isEmpty();
        Resource web = only(c, "Deployment/default/web");
        Map<String, Object> container = list(web.properties().get("containers")).get(0);
        assertThat(map(container.get("securityContext"))).doesNotContainKey("privileged");
        assertThat(container).doesNotContainKey("image");
        assertThat(web.unknownReason("containers.securityContext.privileged")).contains("{{ .Values.privileged }}", "line 11", "template");
        assertThat(web.unknownReason("containers.image")).contains("{{ .Values.tag }}");
    }

    @Test
    void aHelmTemplateThatIsNotYamlIsBadInputWithAHint() throws IOException {
        Path f = write("chart.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-config
                data:
                  a: b
                """);
        Collected c = read(f);
        assertThat(c.resources()).isEmpty();
        assertThat(c.badFiles()).hasSize(1);
        BadFile bad = c.badFiles().get(0);
        assertThat(bad.file()).isEqualTo(IacPaths.display(f));
        assertThat(bad.line()).isEqualTo(4);
        assertThat(bad.message()).contains("helm template").doesNotContain("\n");
    }

    @Test
    void aTemplatedNameIsBadInputForThatObjectOnly() throws IOException {
        Path f = write("named.yaml", """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: "{{ .Release.Name }}"
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: fixed
                """);
        Collected c = read(f);
        assertThat(c.badFiles()).extracting(BadFile::line).containsExactly(4);
        assertThat(c.badFiles().get(0).problem()).contains("metadata.name", "template");
        assertThat(c.resources()).extracting(Resource::name).containsExactly("fixed");
    }

    // ---- bad input ----

    @Test
    void invalidYamlSpoilsOnlyItsDocumentAndOtherFilesAreStillRead() throws IOException {
        Path broken = write("broken.yaml", """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: first}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: second
                   labels: x
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: third}
                """);
        Path good = write("good.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: other}\n");
        Collected c = read(broken, good);
        assertThat(c.resources()).extracting(Resource::name).containsExactly("first", "third", "other");
        assertThat(c.badFiles()).hasSize(1);
        BadFile bad = c.badFiles().get(0);
        assertThat(bad.file()).isEqualTo(IacPaths.display(broken));
        assertThat(bad.line()).isEqualTo(9);
        assertThat(bad.message()).startsWith(IacPaths.display(broken) + ":9: invalid YAML").doesNotContain("\n");
    }

    @Test
    void invalidJsonIsABadFileWithItsLine() throws IOException {
        Path f = write("pod.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"x\"\n}\n");
        Collected c = read(f);
        assertThat(c.resources()).isEmpty();
        assertThat(c.badFiles()).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(6);
            assertThat(b.problem()).startsWith("invalid JSON");
        });
    }

    @Test
    void objectsWithoutKindOrNameOrDeclaredTwiceAreBadInput() throws IOException {
        Path f = write("odd.yaml", """
                apiVersion: v1
                metadata: {name: nokind}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: twice}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: twice, namespace: default}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: dup
                  name: again
                """);
        Collected c = read(f);
        assertThat(c.resources()).extracting(Resource::name).containsExactly("twice");
        assertThat(c.badFiles()).extracting(BadFile::line).containsExactly(1, 4, 12, 20);
        assertThat(c.badFiles().get(0).problem()).contains("no kind");
        assertThat(c.badFiles().get(1).problem()).contains("no metadata.name");
        assertThat(c.badFiles().get(2).problem()).contains("declared again (first at line 8)");
        assertThat(c.badFiles().get(3).problem()).contains("'name' is repeated (first at line 19)");
    }

    // ---- inline suppressions ----

    @Test
    void theIgnoreAnnotationHoldsOneMarkPerLine() throws IOException {
        Path f = write("ds.yaml", """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: agent
                  namespace: ops
                  annotations:
                    team: ops
                    vigil.dev/ignore: |
                      k8s-workload-no-host-path-volumes reads node logs exp:2027-01-31
                      k8s-workload-no-host-namespaces needs the node's network
                spec:
                  template:
                    spec:
                      containers: [{name: a, image: "agent:1"}]
                """);
        Collected c = read(f);
        String file = IacPaths.display(f);
        String id = file + "#DaemonSet/ops/agent";
        assertThat(c.badFiles()).isEmpty();
        assertThat(c.suppressions()).containsExactly(
                new InlineSuppression(id, "k8s-workload-no-host-path-volumes", "reads node logs", LocalDate.of(2027, 1, 31), file, 8),
                new InlineSuppression(id, "k8s-workload-no-host-namespaces", "needs the node's network", null, file, 8));
    }

    @Test
    void commentsInsideOrDirectlyAboveAnObjectSuppressOnIt() throws IOException {
        Path f = write("rbac.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: first
                rules: []
                # vigil:ignore=k8s-rbac-role-no-wildcards a trailing comment belongs to nobody
                ---
                # unrelated comment
                # vigil:ignore=k8s-rbac-binding-not-cluster-admin break-glass access
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: admins   # vigil:ignore=k8s-rbac-* reviewed monthly
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                """);
        Collected c = read(f);
        String file = IacPaths.display(f);
        String binding = file + "#ClusterRoleBinding/admins";
        assertThat(c.suppressions()).extracting(InlineSuppression::resourceId, InlineSuppression::rule, InlineSuppression::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(binding, "k8s-rbac-binding-not-cluster-admin", 9),
                        org.assertj.core.groups.Tuple.tuple(binding, "k8s-rbac-*", 13));
    }

    @Test
    void aMalformedMarkIsBadInputAndTheObjectIsStillScanned() throws IOException {
        Path f = write("sa.yaml", """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: ci
                  annotations:
                    vigil.dev/ignore: k8s-rbac-binding-not-cluster-admin
                """);
        Collected c = read(f);
        assertThat(c.resources()).extracting(Resource::name).containsExactly("ci");
        assertThat(c.suppressions()).isEmpty();
        assertThat(c.badFiles()).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(6);
            assertThat(b.problem()).contains("gives no reason");
        });
    }

    @Test
    void anchorsMergeKeysDirectivesAndWindowsLineEndingsReadAsKubernetesWould() throws IOException {
        Path f = write("anchors.yaml", "\uFEFF%YAML 1.1\r\n---\r\n"
                + "apiVersion: v1\r\n"
                + "kind: Pod\r\n"
                + "metadata: {name: anchored, namespace: shop}\r\n"
                + "spec:\r\n"
                + "  securityContext: &hardened {runAsNonRoot: true}\r\n"
                + "  containers:\r\n"
                + "    - name: a\r\n"
                + "      image: app:1.0\r\n"
                + "      securityContext:\r\n"
                + "        <<: *hardened\r\n"
                + "        readOnlyRootFilesystem: yes\r\n"
                + "---\r\n"
                + "# an empty document\r\n");
        Collected c = read(f);
        assertThat(c.badFiles()).isEmpty();
        Resource pod = only(c, "Pod/shop/anchored");
        assertThat(pod.origin()).isEqualTo(new Origin.FileRange(IacPaths.display(f), 3, 13));
        Map<String, Object> sc = map(list(pod.properties().get("containers")).get(0).get("securityContext"));
        assertThat(sc).as("YAML 1.1 'yes' is true, as for kubectl").containsEntry("readOnlyRootFilesystem", true).containsEntry("runAsNonRoot", true);
    }

    @Test
    void namespacedRbacKeepsItsNamespaceAndClusterRbacHasNone() throws IOException {
        Path f = write("rb.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: view, namespace: shop}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
                subjects: [{kind: Group, name: developers}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: view-all, namespace: ignored}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
                """);
        Collected c = read(f);
        Resource rb = only(c, "RoleBinding/shop/view");
        assertThat(rb.properties()).containsEntry("namespace", "shop").containsEntry("clusterScoped", false)
                .containsEntry("roleRef", Map.of("kind", "ClusterRole", "name", "view", "apiGroup", "rbac.authorization.k8s.io"))
                .containsEntry("subjects", List.of(Map.of("kind", "Group", "name", "developers", "namespace", "")));
        Resource crb = only(c, "ClusterRoleBinding/view-all");
        assertThat(crb.region()).isEmpty();
        assertThat(crb.properties()).containsEntry("namespace", "").containsEntry("subjects", List.of());
    }

    @Test
    void aKustomizationIsNotBuiltAndTheScanSaysSo() throws IOException {
        Path f = write("kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deploy.yaml]\n");
        assertThat(input.claims(f)).isTrue();
        Collected c = read(f);
        assertThat(c.resources()).isEmpty();
        assertThat(c.badFiles()).isEmpty();
        assertThat(c.gaps()).singleElement().satisfies(g -> assertThat(g.reason()).contains("kustomize build"));
    }

    @Test
    void aTemplatedIgnoreAnnotationSuppressesNothingAndSaysWhy() throws IOException {
        Path f = write("sa.yaml", """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: ci
                  annotations:
                    vigil.dev/ignore: "{{ .Values.ignore }}"
                """);
        Collected c = read(f);
        assertThat(c.suppressions()).isEmpty();
        assertThat(c.badFiles()).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(6);
            assertThat(b.problem()).contains("template expression");
        });
    }

    @Test
    void aPodThatLeavesTokenMountingToItsServiceAccountGetsTheAccountsAnswer() throws IOException {
        String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: %s, namespace: shop}\nspec:\n  serviceAccountName: %s\n"
                + "  containers: [{name: a, image: 'a:1'}]\n";
        Path pods = write("pods.yaml", pod.formatted("quiet", "quiet") + "---\n" + pod.formatted("twice", "twice") + "---\n"
                + pod.formatted("nobody", "nobody"));
        Path accounts = write("accounts.yaml", """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: quiet, namespace: shop}
                automountServiceAccountToken: false
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: twice, namespace: shop}
                """);
        Path again = write("again.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: twice, namespace: shop}\n");
        Collected c = read(pods, accounts, again);
        Resource quiet = only(c, "Pod/shop/quiet");
        assertThat(quiet.properties()).containsEntry("automountServiceAccountToken", false);
        assertThat(quiet.unknowns()).doesNotContainKey("automountServiceAccountToken");
        assertThat(quiet.relations()).extracting(r -> r.targetId()).containsExactly(IacPaths.display(accounts) + "#ServiceAccount/shop/quiet");
        Resource twice = only(c, "Pod/shop/twice");
        assertThat(twice.properties()).as("two declarations: which one the cluster has is unknown").doesNotContainKey("automountServiceAccountToken");
        assertThat(twice.relations()).hasSize(2);
        Resource nobody = only(c, "Pod/shop/nobody");
        assertThat(nobody.unknownReason("automountServiceAccountToken")).contains("service account 'nobody' decides");
        assertThat(nobody.relations()).extracting(r -> r.targetId()).containsExactly("cluster#ServiceAccount/shop/nobody");
    }
}
