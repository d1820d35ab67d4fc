package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.Map;

@Doc("A Namespace, with its Pod Security Admission levels read from its labels")
public record Namespace(
        String name,
        Map<String, String> labels,
        Map<String, String> annotations,
        @Doc("The Pod Security Standard enforced (label pod-security.kubernetes.io/enforce): privileged, baseline or restricted; "
                + "empty when the label is absent (the cluster's default applies)") String podSecurityEnforce,
        @Doc("The level that only warns (pod-security.kubernetes.io/warn); empty when absent") String podSecurityWarn,
        @Doc("The level that only audits (pod-security.kubernetes.io/audit); empty when absent") String podSecurityAudit) {
}
