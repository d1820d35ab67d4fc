package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.List;
import java.util.Map;

@Doc("An RBAC RoleBinding (grants within its namespace) or ClusterRoleBinding (grants cluster-wide)")
public record RoleBinding(
        @Doc("RoleBinding or ClusterRoleBinding") String kind,
        String name,
        @Doc("The namespace of a RoleBinding; empty for a ClusterRoleBinding") String namespace,
        @Doc("True for a ClusterRoleBinding") Boolean clusterScoped,
        Map<String, String> annotations,
        RoleRef roleRef,
        List<Subject> subjects) {

    @Doc("The role granted")
    public record RoleRef(@Doc("Role or ClusterRole") String kind, String name, String apiGroup) {
    }

    @Doc("Who is granted the role")
    public record Subject(
            @Doc("User, Group or ServiceAccount") String kind,
            @Doc("e.g. system:authenticated, system:anonymous, a user name, a service account name") String name,
            @Doc("The service account's namespace; empty for users and groups") String namespace) {
    }
}
