package dev.vigil.iac.terraform.aws;

import dev.vigil.iac.Attrs;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.iam.PolicyDocuments;
import java.util.Map;

/** Policy arguments (JSON text from {@code jsonencode} or an {@code aws_iam_policy_document}, or a map) as canonical documents. */
public final class Policies {
    private Policies() {
    }

    /**
     * The policy under {@code key}: {@code absent} when the argument is not set, {@code null} (with
     * {@code target} in the ledger) when it is unresolved or not a policy.
     */
    public static PolicyDocument read(Attrs a, String key, String target, PolicyDocument absent) {
        if (a.unresolved(key)) {
            a.string(key, target); // records the reason
            return null;
        }
        Object v = a.raw(key, target);
        if (v == null || (v instanceof String s && s.isBlank())) return absent;
        try {
            return v instanceof Map<?, ?> m ? PolicyDocuments.ofTree(m) : PolicyDocuments.parse(v.toString());
        } catch (IllegalArgumentException e) {
            a.unknown(target, e.getMessage());
            return null;
        }
    }

    /**
     * The policy of a resource that a separate policy resource may set ({@code aws_kms_key_policy},
     * {@code aws_sns_topic_policy}): the last such resource wins, joined to {@code a}; else the
     * resource's own {@code policy} argument; {@code null} (and unknown) when neither tells.
     */
    public static PolicyDocument ownOrSplit(Attrs a, java.util.List<dev.vigil.iac.terraform.TfResource> policies) {
        if (policies.isEmpty()) return read(a, "policy", "policy", null);
        Attrs p = Canon.attrs(policies.get(policies.size() - 1));
        PolicyDocument policy = read(p, "policy", "policy", null);
        Joins.merge(a, p);
        return policy;
    }
}
