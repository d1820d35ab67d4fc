package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.List;
import java.util.Map;

@Doc("An RBAC Role (namespaced) or ClusterRole (cluster-wide) with its rules")
public record Role(
        @Doc("Role or ClusterRole") String kind,
        String name,
        @Doc("The namespace of a Role; empty for a ClusterRole") String namespace,
        @Doc("True for a ClusterRole") Boolean clusterScoped,
        Map<String, String> annotations,
        @Doc("What the role allows. Unknown for an aggregated ClusterRole, whose rules the controller fills in from other roles")
        List<Rule> rules) {

    @Doc("One RBAC policy rule: verbs allowed on resources of API groups, or on non-resource URLs; '*' means all")
    public record Rule(
            @Doc("API groups; '' is the core group, '*' all") List<String> apiGroups,
            @Doc("Resources, e.g. pods, pods/exec, secrets; '*' all") List<String> resources,
            @Doc("get, list, watch, create, update, patch, delete, escalate, bind, impersonate, ...; '*' all") List<String> verbs,
            @Doc("Object names it is limited to; empty means every object") List<String> resourceNames,
            @Doc("Non-resource URLs such as /healthz (ClusterRole only)") List<String> nonResourceURLs) {
    }
}
