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
}
