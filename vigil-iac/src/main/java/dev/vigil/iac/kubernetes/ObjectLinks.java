package dev.vigil.iac.kubernetes;

import dev.vigil.iac.IacPaths;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.k8s.K8sTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the objects of one read across its files, by Kubernetes name: a workload runs as a service
 * account ({@code runs-as}), a binding grants a role ({@code grants}) to service accounts
 * ({@code binds}). An object that no scanned file declares (the namespace's {@code default} service
 * account, the built-in {@code edit} ClusterRole) is named {@code cluster#<Kind>/<namespace>/<name>}:
 * the relation to it makes {@code related()} UNKNOWN, since Vigil cannot see the cluster.
 *
 * <p>A pod that does not say whether it mounts its service account token gets the answer of its
 * service account when exactly one scanned file declares that account.
 */
final class ObjectLinks {
    /** The source of objects that no scanned file declares. */
    static final String CLUSTER = "cluster";
    /** Stands for a name that is a template expression. */
    private static final String UNKNOWN_NAME = "(template)";

    private ObjectLinks() {
    }

    static List<Resource> link(List<Resource> resources) {
        Map<String, List<Resource>> byAddress = new HashMap<>();
        for (Resource r : resources) byAddress.computeIfAbsent(address(r), k -> new ArrayList<>()).add(r);
        List<Resource> out = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            if (r.type().equals(K8sTypes.WORKLOAD.id())) out.add(workload(r, byAddress));
            else if (r.type().equals(K8sTypes.ROLE_BINDING.id())) out.add(binding(r, byAddress));
            else out.add(r);
        }
        return out;
    }

    private static Resource workload(Resource r, Map<String, List<Resource>> byAddress) {
        // a service account name that is a template expression is related to an account no scan can see
        String name = r.properties().get("serviceAccountName") instanceof String n ? n : UNKNOWN_NAME;
        String address = "ServiceAccount/" + r.region() + "/" + name;
        List<Resource> accounts = byAddress.getOrDefault(address, List.of());
        List<Relation> relations = new ArrayList<>(r.relations());
        relations.addAll(targets("runs-as", K8sTypes.SERVICE_ACCOUNT.id(), address, accounts));
        Map<String, Object> properties = r.properties();
        Map<String, String> unknowns = r.unknowns();
        String reason = unknowns.get("automountServiceAccountToken");
        if (reason != null && reason.startsWith(PodSpecs.TOKEN_LEFT_TO_ACCOUNT) && accounts.size() == 1
                && accounts.get(0).properties().get("automountServiceAccountToken") instanceof Boolean mounts) {
            properties = new LinkedHashMap<>(properties);
            properties.put("automountServiceAccountToken", mounts);
            unknowns = new LinkedHashMap<>(unknowns);
            unknowns.remove("automountServiceAccountToken");
        }
        return new Resource(r.provider(), r.type(), r.id(), r.name(), r.account(), r.region(), r.tags(), properties, unknowns, r.origin(),
                relations, r.failures());
    }

    private static Resource binding(Resource r, Map<String, List<Resource>> byAddress) {
        List<Relation> relations = new ArrayList<>(r.relations());
        Object ref = r.properties().get("roleRef");
        String role = ref instanceof Map<?, ?> m && m.get("name") instanceof String n ? n : UNKNOWN_NAME;
        String roleAddress = ref instanceof Map<?, ?> m && "Role".equals(m.get("kind")) ? "Role/" + r.region() + "/" + role : "ClusterRole/" + role;
        relations.addAll(targets("grants", K8sTypes.ROLE.id(), roleAddress, byAddress.getOrDefault(roleAddress, List.of())));
        if (!(r.properties().get("subjects") instanceof List<?>)) {
            relations.add(new Relation("binds", K8sTypes.SERVICE_ACCOUNT.id(), IacPaths.resourceId(CLUSTER, "ServiceAccount/" + r.region() + "/"
                    + UNKNOWN_NAME)));
        } else if (r.properties().get("subjects") instanceof List<?> subjects) {
            for (Object s : subjects) {
                if (!(s instanceof Map<?, ?> subject) || !"ServiceAccount".equals(subject.get("kind"))) continue;
                String namespace = subject.get("namespace") instanceof String ns && !ns.isEmpty() ? ns : r.region();
                String address = "ServiceAccount/" + namespace + "/" + subject.get("name");
                relations.addAll(targets("binds", K8sTypes.SERVICE_ACCOUNT.id(), address, byAddress.getOrDefault(address, List.of())));
            }
        }
        return new Resource(r.provider(), r.type(), r.id(), r.name(), r.account(), r.region(), r.tags(), r.properties(), r.unknowns(), r.origin(),
                relations, r.failures());
    }

    private static List<Relation> targets(String kind, String type, String address, List<Resource> found) {
        if (found.isEmpty()) return List.of(new Relation(kind, type, IacPaths.resourceId(CLUSTER, address)));
        return found.stream().map(t -> new Relation(kind, type, t.id())).toList();
    }

    private static String address(Resource r) {
        return r.id().substring(r.id().lastIndexOf('#') + 1);
    }
}
