package dev.vigil.iac.kubernetes;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.model.ResourceType;
import dev.vigil.model.k8s.ConfigMap;
import dev.vigil.model.k8s.Ingress;
import dev.vigil.model.k8s.K8sTypes;
import dev.vigil.model.k8s.LabelSelector;
import dev.vigil.model.k8s.Namespace;
import dev.vigil.model.k8s.NetworkPolicy;
import dev.vigil.model.k8s.Role;
import dev.vigil.model.k8s.RoleBinding;
import dev.vigil.model.k8s.Secret;
import dev.vigil.model.k8s.Service;
import dev.vigil.model.k8s.ServiceAccount;
import dev.vigil.model.schema.Documents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes objects to canonical records: pure functions of one {@link ManifestObject}. Kinds are
 * recognized by API group and kind together, so a custom resource that happens to be called
 * {@code Role} is not taken for RBAC's.
 */
final class KubernetesMapper {
    /**
     * The canonical document of one object, and what about it could not be known. A list some of
     * whose elements are template expressions keeps the elements that could be read, with the list
     * named in {@code unknowns}: a known privileged container still fails a rule, and a PASS over
     * the list is UNKNOWN (the evaluator turns a PASS that read an unknown path into UNKNOWN).
     */
    record Mapped(ResourceType type, Map<String, Object> properties, Map<String, String> unknowns) {
    }

    /** Properties that name the object: known even when its body is a template expression. */
    private static final Set<String> IDENTITY = Set.of("kind", "name", "namespace", "clusterScoped", "annotations");
    /** Where the pod spec sits, per kind: a template expression on the way hides the whole pod. */
    private static final Map<String, List<String>> POD_SPEC_PATH = Map.of("Pod", List.of("spec"),
            "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));
    private static final List<String> TEMPLATE_SPEC_PATH = List.of("spec", "template", "spec");

    private static final Set<String> WORKLOADS = Set.of("/Pod", "/ReplicationController", "apps/Deployment", "apps/StatefulSet",
            "apps/DaemonSet", "apps/ReplicaSet", "extensions/Deployment", "extensions/DaemonSet", "extensions/ReplicaSet",
            "batch/Job", "batch/CronJob");
    private static final Set<String> OTHERS = Set.of("/Service", "networking.k8s.io/Ingress", "extensions/Ingress",
            "networking.k8s.io/NetworkPolicy", "extensions/NetworkPolicy", "/Namespace", "/ServiceAccount", "rbac.authorization.k8s.io/Role",
            "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding",
            "/ConfigMap", "/Secret");
    /** The modelled kinds that have no namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

    private KubernetesMapper() {
    }

    /** True when the kind lives in a namespace (and gets {@code default} when the manifest names none). */
    static boolean namespaced(ManifestObject o) {
        return !CLUSTER_SCOPED.contains(o.kind());
    }

    /** True when Vigil models the object's kind (by API group and kind). */
    static boolean models(ManifestObject o) {
        String key = o.group() + "/" + o.kind();
        return WORKLOADS.contains(key) || OTHERS.contains(key);
    }

    /** The canonical record of {@code o}, or {@code null} when Vigil does not model its kind. */
    static Mapped map(ManifestObject o) {
        Attrs root = new Attrs(o.tree());
        String key = o.group() + "/" + o.kind();
        Record model;
        ResourceType type;
        if (WORKLOADS.contains(key)) {
            type = K8sTypes.WORKLOAD;
            model = PodSpecs.workload(o, root);
        } else {
            Attrs metadata = root.block("metadata", "annotations");
            Attrs spec = root.block("spec", "spec");
            Map<String, String> annotations = Values.stringMap(metadata, "annotations", "annotations");
            switch (key) {
                case "/Service" -> {
                    type = K8sTypes.SERVICE;
                    model = service(o, spec, annotations);
                }
                case "networking.k8s.io/Ingress", "extensions/Ingress" -> {
                    type = K8sTypes.INGRESS;
                    model = ingress(o, spec, annotations);
                }
                case "networking.k8s.io/NetworkPolicy", "extensions/NetworkPolicy" -> {
                    type = K8sTypes.NETWORK_POLICY;
                    model = networkPolicy(o, spec, annotations);
                }
                case "/Namespace" -> {
                    type = K8sTypes.NAMESPACE;
                    Map<String, String> labels = Values.stringMap(metadata, "labels", "labels");
                    model = new Namespace(o.name(), labels, annotations, psa(labels, "enforce"), psa(labels, "warn"), psa(labels, "audit"));
                }
                case "/ServiceAccount" -> {
                    type = K8sTypes.SERVICE_ACCOUNT;
                    List<String> pullSecrets = new ArrayList<>();
                    for (Attrs s : root.blocks("imagePullSecrets", "imagePullSecrets")) pullSecrets.add(s.string("name", "imagePullSecrets"));
                    model = new ServiceAccount(o.name(), o.namespace(), annotations,
                            root.bool("automountServiceAccountToken", "automountServiceAccountToken", true), pullSecrets);
                }
                case "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole" -> {
                    type = K8sTypes.ROLE;
                    model = role(o, root, annotations);
                }
                case "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding" -> {
                    type = K8sTypes.ROLE_BINDING;
                    model = roleBinding(o, root, annotations);
                }
                case "/ConfigMap" -> {
                    type = K8sTypes.CONFIG_MAP;
                    model = new ConfigMap(o.name(), o.namespace(), annotations, Values.keysOf(root, "keys", "data", "binaryData"),
                            root.bool("immutable", "immutable", false));
                }
                case "/Secret" -> {
                    // metadata only: no values, no annotations (kubectl's last-applied-configuration copies the data there)
                    type = K8sTypes.SECRET;
                    model = new Secret(o.name(), o.namespace(), root.string("type", "type", "Opaque"),
                            Values.keysOf(root, "keys", "data", "stringData"), root.bool("immutable", "immutable", false));
                }
                default -> {
                    return null;
                }
            }
        }
        Map<String, Object> properties = Documents.of(model);
        Map<String, String> unknowns = new LinkedHashMap<>(root.unknowns());
        Unresolved body = unresolvedBody(o, WORKLOADS.contains(key));
        if (body != null) {
            // the object's body is a template expression: nothing but its identity can be told, defaults included
            for (String field : type.schema().fields().keySet()) {
                if (IDENTITY.contains(field)) continue;
                properties.remove(field);
                unknowns.putIfAbsent(field, body.reason());
            }
        }
        return new Mapped(type, properties, unknowns);
    }

    /** A template expression standing for the object's body (spec, rules, data, ...) or, for a workload, for its pod spec. */
    private static Unresolved unresolvedBody(ManifestObject o, boolean workload) {
        for (var e : o.tree().entrySet()) {
            if (!e.getKey().equals("metadata") && e.getValue() instanceof Unresolved u) return u;
        }
        if (!workload) return null;
        Object node = o.tree();
        for (String step : POD_SPEC_PATH.getOrDefault(o.kind(), TEMPLATE_SPEC_PATH)) {
            node = node instanceof Map<?, ?> m ? m.get(step) : null;
            if (node instanceof Unresolved u) return u;
        }
        return null;
    }

    private static String psa(Map<String, String> labels, String mode) {
        return labels == null ? null : labels.getOrDefault("pod-security.kubernetes.io/" + mode, "");
    }

    private static Service service(ManifestObject o, Attrs spec, Map<String, String> annotations) {
        List<Service.Port> ports = new ArrayList<>();
        for (Attrs p : spec.blocks("ports", "ports")) {
            Long port = p.number("port", "ports.port");
            ports.add(new Service.Port(p.string("name", "ports.name", ""), p.string("protocol", "ports.protocol", "TCP"), port,
                    p.string("targetPort", "ports.targetPort", port == null ? null : Long.toString(port)),
                    p.has("nodePort") || p.unresolved("nodePort") ? p.number("nodePort", "ports.nodePort") : Long.valueOf(0)));
        }
        return new Service(o.name(), o.namespace(), spec.string("type", "type", "ClusterIP"), annotations,
                Values.stringMap(spec, "selector", "selector"), ports, Values.strings(spec, "externalIPs", "externalIPs"),
                Values.strings(spec, "loadBalancerSourceRanges", "loadBalancerSourceRanges"), spec.string("externalName", "externalName", ""));
    }

    private static Ingress ingress(ManifestObject o, Attrs spec, Map<String, String> annotations) {
        List<Ingress.Tls> tls = new ArrayList<>();
        for (Attrs t : spec.blocks("tls", "tls")) {
            tls.add(new Ingress.Tls(Values.strings(t, "hosts", "tls.hosts"), t.string("secretName", "tls.secretName", "")));
        }
        List<Ingress.Rule> rules = new ArrayList<>();
        for (Attrs r : spec.blocks("rules", "rules")) {
            List<Ingress.Path> paths = new ArrayList<>();
            Attrs http = Values.block(r, "http", "rules.paths");
            for (Attrs p : http == null ? List.<Attrs>of() : http.blocks("paths", "rules.paths")) {
                Attrs backend = Values.block(p, "backend", "rules.paths.serviceName");
                paths.add(new Ingress.Path(p.string("path", "rules.paths.path", "/"), p.string("pathType", "rules.paths.pathType",
                        "ImplementationSpecific"), backend == null ? null : backendService(backend, "rules.paths.serviceName"),
                        backend == null ? null : backendPort(backend, "rules.paths.servicePort")));
            }
            rules.add(new Ingress.Rule(r.string("host", "rules.host", ""), http == null ? null : paths));
        }
        String className = spec.string("ingressClassName", "ingressClassName",
                annotations == null ? "" : annotations.getOrDefault("kubernetes.io/ingress.class", ""));
        Attrs defaultBackend = spec.has("defaultBackend") ? Values.block(spec, "defaultBackend", "defaultBackendService")
                : Values.block(spec, "backend", "defaultBackendService");
        return new Ingress(o.name(), o.namespace(), annotations, className, tls, rules,
                defaultBackend == null ? null : backendService(defaultBackend, "defaultBackendService"));
    }

    /** networking.k8s.io/v1 writes backend.service.name; the older APIs backend.serviceName. */
    private static String backendService(Attrs backend, String target) {
        if (backend.has("service")) return backend.block("service", target).string("name", target, "");
        return backend.string("serviceName", target, "");
    }

    private static String backendPort(Attrs backend, String target) {
        if (backend.has("service")) {
            Attrs port = backend.block("service", target).block("port", target);
            return port.has("number") ? port.string("number", target) : port.string("name", target, "");
        }
        return backend.string("servicePort", target, "");
    }

    private static NetworkPolicy networkPolicy(ManifestObject o, Attrs spec, Map<String, String> annotations) {
        List<String> types = spec.has("policyTypes") || spec.unresolved("policyTypes") ? spec.strings("policyTypes", "policyTypes")
                : spec.has("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
        return new NetworkPolicy(o.name(), o.namespace(), annotations, selector(Values.block(spec, "podSelector", "podSelector"), "podSelector"), types,
                policyRules(spec, "ingress", "from"), policyRules(spec, "egress", "to"));
    }

    private static List<NetworkPolicy.Rule> policyRules(Attrs spec, String key, String peersKey) {
        List<NetworkPolicy.Rule> out = new ArrayList<>();
        for (Attrs r : spec.blocks(key, key)) {
            List<NetworkPolicy.Peer> peers = new ArrayList<>();
            for (Attrs p : r.blocks(peersKey, key + ".peers")) {
                Attrs ip = Values.block(p, "ipBlock", key + ".peers.ipBlock");
                peers.add(new NetworkPolicy.Peer(
                        p.has("podSelector") ? selector(Values.block(p, "podSelector", key + ".peers.podSelector"), key + ".peers.podSelector") : null,
                        p.has("namespaceSelector") ? selector(Values.block(p, "namespaceSelector", key + ".peers.namespaceSelector"),
                                key + ".peers.namespaceSelector") : null,
                        ip == null ? null : ip.string("cidr", key + ".peers.ipBlock", ""),
                        ip == null ? null : Values.strings(ip, "except", key + ".peers.except")));
            }
            List<NetworkPolicy.Port> ports = new ArrayList<>();
            for (Attrs p : r.blocks("ports", key + ".ports")) {
                ports.add(new NetworkPolicy.Port(p.string("protocol", key + ".ports.protocol", "TCP"), p.string("port", key + ".ports.port", ""),
                        p.has("endPort") || p.unresolved("endPort") ? p.number("endPort", key + ".ports.endPort") : Long.valueOf(0)));
            }
            out.add(new NetworkPolicy.Rule(peers, ports));
        }
        return out;
    }

    /** A label selector; {@code null} when {@code s} is (a template expression). */
    private static LabelSelector selector(Attrs s, String target) {
        if (s == null) return null;
        String exprs = target + ".matchExpressions";
        List<LabelSelector.Requirement> expressions = new ArrayList<>();
        for (Attrs e : s.blocks("matchExpressions", exprs)) {
            expressions.add(new LabelSelector.Requirement(e.string("key", exprs + ".key", ""), e.string("operator", exprs + ".operator", ""),
                    Values.strings(e, "values", exprs + ".values")));
        }
        return new LabelSelector(Values.stringMap(s, "matchLabels", target + ".matchLabels"), expressions);
    }

    private static Role role(ManifestObject o, Attrs root, Map<String, String> annotations) {
        boolean cluster = o.kind().equals("ClusterRole");
        List<Role.Rule> rules = new ArrayList<>();
        for (Attrs r : root.blocks("rules", "rules")) {
            rules.add(new Role.Rule(Values.strings(r, "apiGroups", "rules.apiGroups"), Values.strings(r, "resources", "rules.resources"),
                    Values.strings(r, "verbs", "rules.verbs"), Values.strings(r, "resourceNames", "rules.resourceNames"),
                    Values.strings(r, "nonResourceURLs", "rules.nonResourceURLs")));
        }
        if (cluster && root.has("aggregationRule")) {
            root.unknown("rules", "an aggregated ClusterRole: the controller fills its rules in from the ClusterRoles its selectors match");
            rules = null;
        }
        return new Role(o.kind(), o.name(), cluster ? "" : o.namespace(), cluster, annotations, rules);
    }

    private static RoleBinding roleBinding(ManifestObject o, Attrs root, Map<String, String> annotations) {
        boolean cluster = o.kind().equals("ClusterRoleBinding");
        Attrs ref = Values.block(root, "roleRef", "roleRef");
        List<RoleBinding.Subject> subjects = new ArrayList<>();
        for (Attrs s : root.blocks("subjects", "subjects")) {
            subjects.add(new RoleBinding.Subject(s.string("kind", "subjects.kind", ""), s.string("name", "subjects.name", ""),
                    s.string("namespace", "subjects.namespace", "")));
        }
        return new RoleBinding(o.kind(), o.name(), cluster ? "" : o.namespace(), cluster, annotations,
                ref == null ? null : new RoleBinding.RoleRef(ref.string("kind", "roleRef.kind", ""), ref.string("name", "roleRef.name", ""),
                        ref.string("apiGroup", "roleRef.apiGroup", "")), subjects);
    }
}
