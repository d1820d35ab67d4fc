package dev.vigil.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Resource;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.input.Collected;
import dev.vigil.model.k8s.K8sTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every modelled kind, read from one stream: schema-valid documents with Kubernetes' defaults written out. */
class KubernetesMapperTest {
    @TempDir
    static Path dir;
    static Map<String, Resource> byAddress;

    @BeforeAll
    static void readEveryKind() throws IOException {
        Path f = dir.resolve("all.yaml");
        Files.writeString(f, """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels: {pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/warn: restricted}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: pg, image: "postgres:16.4"}]
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {generateName: migrate-, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: m, image: "migrate:3"}]
                ---
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: old, namespace: shop}
                spec:
                  template:
                    spec:
                      containers: [{name: o, image: "old:1"}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  ingressClassName: nginx
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                  rules:
                    - host: shop.example.com
                      http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend: {service: {name: web, port: {number: 80}}}
                ---
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: legacy
                  namespace: shop
                  annotations: {kubernetes.io/ingress.class: traefik}
                spec:
                  backend: {serviceName: fallback, servicePort: http}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                    - from:
                        - namespaceSelector: {matchLabels: {team: edge}}
                          podSelector: {matchExpressions: [{key: tier, operator: In, values: [proxy]}]}
                        - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
                      ports: [{port: 8080}, {protocol: UDP, port: 53, endPort: 60}]
                  egress: []
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  type: NodePort
                  selector: {app: web}
                  ports: [{name: http, port: 80, targetPort: http, nodePort: 30080}]
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: tls
                  namespace: shop
                  annotations: {kubectl.kubernetes.io/last-applied-configuration: '{"data":{"tls.key":"c2VjcmV0"}}'}
                type: kubernetes.io/tls
                data: {tls.crt: Y2VydA==, tls.key: c2VjcmV0}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg, namespace: shop}
                data: {a: "1"}
                binaryData: {b: AAE=}
                immutable: true
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: web, namespace: shop}
                automountServiceAccountToken: false
                imagePullSecrets: [{name: registry}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: reader, namespace: shop}
                rules: [{apiGroups: [""], resources: [configmaps], resourceNames: [cfg], verbs: [get]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: reader, namespace: shop}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
                subjects: [{kind: ServiceAccount, name: web, namespace: shop}]
                """);
        Collected c = new KubernetesInput().read(List.of(f));
        assertThat(c.badFiles()).isEmpty();
        byAddress = c.resources().stream().collect(Collectors.toMap(r -> r.id().substring(r.id().indexOf('#') + 1), r -> r));
    }

    @Test
    void everyResourceFitsItsTypesSchema() {
        ResourceTypes types = ResourceTypes.standard();
        assertThat(byAddress).hasSize(13);
        for (Resource r : byAddress.values()) {
            assertThat(types.find(r.type())).as(r.type()).isPresent();
            assertThat(types.find(r.type()).get().schema().validate(r.properties())).as(r.id()).isEmpty();
        }
        assertThat(byAddress.values().stream().map(Resource::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(K8sTypes.ALL.stream().map(t -> t.id()).toList());
    }

    @Test
    void everyKindThatRunsPodsIsAWorkload() {
        assertThat(byAddress.get("StatefulSet/shop/db").type()).isEqualTo("k8s.workload");
        assertThat(byAddress.get("Job/shop/migrate-*").properties()).containsEntry("kind", "Job");
        assertThat(byAddress.get("ReplicationController/shop/old").type()).isEqualTo("k8s.workload");
    }

    @Test
    void namespacesCarryTheirPodSecurityLevels() {
        assertThat(byAddress.get("Namespace/shop").properties()).containsEntry("podSecurityEnforce", "restricted")
                .containsEntry("podSecurityWarn", "restricted").containsEntry("podSecurityAudit", "");
    }

    @Test
    void ingressesOfBothApiGenerationsNameTheirBackends() {
        Map<String, Object> web = byAddress.get("Ingress/shop/web").properties();
        assertThat(web).containsEntry("ingressClassName", "nginx")
                .containsEntry("tls", List.of(Map.of("hosts", List.of("shop.example.com"), "secretName", "shop-tls")))
                .containsEntry("rules", List.of(Map.of("host", "shop.example.com", "paths",
                        List.of(Map.of("path", "/", "pathType", "Prefix", "serviceName", "web", "servicePort", "80")))))
                .containsEntry("defaultBackendService", "");
        Map<String, Object> legacy = byAddress.get("Ingress/shop/legacy").properties();
        assertThat(legacy).containsEntry("ingressClassName", "traefik").containsEntry("tls", List.of()).containsEntry("defaultBackendService", "fallback");
    }

    @Test
    void networkPoliciesKeepPeersPortsAndTheirDefaultTypes() {
        Map<String, Object> np = byAddress.get("NetworkPolicy/shop/web-in").properties();
        assertThat(np).as("egress present: Kubernetes infers both policy types").containsEntry("policyTypes", List.of("Ingress", "Egress"))
                .containsEntry("egress", List.of())
                .containsEntry("podSelector", Map.of("matchLabels", Map.of("app", "web"), "matchExpressions", List.of()));
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = ((List<Map<String, Object>>) np.get("ingress")).get(0);
        assertThat(rule.get("peers")).isEqualTo(List.of(
                Map.of("podSelector", Map.of("matchLabels", Map.of(), "matchExpressions",
                                List.of(Map.of("key", "tier", "operator", "In", "values", List.of("proxy")))),
                        "namespaceSelector", Map.of("matchLabels", Map.of("team", "edge"), "matchExpressions", List.of()),
                        "ipBlock", "", "except", List.of()),
                Map.of("ipBlock", "10.0.0.0/8", "except", List.of("10.1.0.0/16"))));
        assertThat(rule.get("ports")).isEqualTo(List.of(Map.of("protocol", "TCP", "port", "8080", "endPort", 0L),
                Map.of("protocol", "UDP", "port", "53", "endPort", 60L)));
    }

    @Test
    void servicesAccountsAndConfigKeepWhatRulesNeedAndSecretsKeepNoValue() {
        assertThat(byAddress.get("Service/shop/web").properties()).containsEntry("type", "NodePort")
                .containsEntry("ports", List.of(Map.of("name", "http", "protocol", "TCP", "port", 80L, "targetPort", "http", "nodePort", 30080L)));
        assertThat(byAddress.get("ServiceAccount/shop/web").properties()).containsEntry("automountServiceAccountToken", false)
                .containsEntry("imagePullSecrets", List.of("registry"));
        assertThat(byAddress.get("ConfigMap/shop/cfg").properties()).containsEntry("keys", List.of("a", "b")).containsEntry("immutable", true);
        Resource secret = byAddress.get("Secret/shop/tls");
        assertThat(secret.properties()).containsEntry("type", "kubernetes.io/tls").containsEntry("keys", List.of("tls.crt", "tls.key"));
        assertThat(secret.toString()).doesNotContain("c2VjcmV0").doesNotContain("Y2VydA==");
    }
}
