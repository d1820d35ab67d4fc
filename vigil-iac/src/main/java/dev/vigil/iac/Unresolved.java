package dev.vigil.iac;

import java.util.List;
import java.util.Map;

/**
 * A value that infrastructure code does not settle before deploy: a variable with no value, an
 * attribute the cloud computes (an ARN, an id), an output of a module Vigil cannot read. It stands
 * in the attribute tree where the value would be; mappers turn it into an entry of the resource's
 * {@code unknowns}, so every rule that reads it is UNKNOWN, never PASS.
 *
 * @param reason   one line a person understands: {@code var.bucket_name has no value}
 * @param refersTo the address of the resource it comes from ({@code aws_s3_bucket.logs}, a
 *                 CloudFormation logical id), so split resources can still be joined to what they
 *                 configure; {@code null} when it refers to no resource
 */
public record Unresolved(String reason, String refersTo) {

    public static Unresolved because(String reason) {
        return new Unresolved(reason, null);
    }

    /** The first unresolved value anywhere inside {@code tree}, or {@code null}. */
    public static Unresolved find(Object tree) {
        if (tree instanceof Unresolved u) return u;
        if (tree instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                Unresolved u = find(v);
                if (u != null) return u;
            }
        } else if (tree instanceof List<?> l) {
            for (Object v : l) {
                Unresolved u = find(v);
                if (u != null) return u;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "(unresolved: " + reason + ")";
    }
}
