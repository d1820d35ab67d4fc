package dev.vigil.model.k8s;

import dev.vigil.model.ResourceType;
import java.util.List;

/**
 * The canonical Kubernetes resource types, as declared in manifests. Ids are stable: rules and
 * stored history refer to them. One type may cover several kinds ({@code k8s.workload} is every
 * kind that runs pods; {@code k8s.role} is Role and ClusterRole), so one rule covers them all.
 */
public final class K8sTypes {
    private K8sTypes() {
    }

    public static final ResourceType WORKLOAD = k8s("k8s.workload",
            "Pod or pod controller (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob)", Workload.class);
    public static final ResourceType SERVICE = k8s("k8s.service", "Service", Service.class);
    public static final ResourceType INGRESS = k8s("k8s.ingress", "Ingress", Ingress.class);
    public static final ResourceType NETWORK_POLICY = k8s("k8s.network-policy", "NetworkPolicy", NetworkPolicy.class);
    public static final ResourceType NAMESPACE = k8s("k8s.namespace", "Namespace", Namespace.class);
    public static final ResourceType SERVICE_ACCOUNT = k8s("k8s.service-account", "ServiceAccount", ServiceAccount.class);
    public static final ResourceType ROLE = k8s("k8s.role", "RBAC Role or ClusterRole", Role.class);
    public static final ResourceType ROLE_BINDING = k8s("k8s.role-binding", "RBAC RoleBinding or ClusterRoleBinding", RoleBinding.class);
    public static final ResourceType CONFIG_MAP = k8s("k8s.config-map", "ConfigMap (keys only)", ConfigMap.class);
    public static final ResourceType SECRET = k8s("k8s.secret", "Secret (type and keys only, never values)", Secret.class);

    public static final List<ResourceType> ALL = List.of(WORKLOAD, SERVICE, INGRESS, NETWORK_POLICY, NAMESPACE, SERVICE_ACCOUNT, ROLE,
            ROLE_BINDING, CONFIG_MAP, SECRET);

    private static ResourceType k8s(String id, String description, Class<? extends Record> model) {
        return new ResourceType(id, "k8s", description, model);
    }
}
