package dev.vigil.model.aws.iam;

import dev.vigil.model.schema.Doc;
import java.util.List;

/**
 * An IAM policy in canonical form: every statement normalized so that rules never deal with the
 * string-or-list and principal-shape variants of the JSON grammar. An absent policy is an empty
 * statement list.
 */
@Doc("An IAM policy document, normalized.")
public record PolicyDocument(
        @Doc("Statements in document order") List<Statement> statements) {

    public static final PolicyDocument EMPTY = new PolicyDocument(List.of());

    /**
     * One statement. {@code principals} flattens the Principal element: {@code "*"} for everyone
     * (from {@code "*"} or {@code {"AWS": "*"}}), otherwise ARNs, account ids, service names
     * ({@code cloudtrail.amazonaws.com}) and federated providers as written. Action names keep their
     * case; condition keys are lower-cased because IAM compares them case-insensitively.
     */
    public record Statement(
            @Doc("Statement id, or empty") String sid,
            @Doc("Allow or Deny") String effect,
            @Doc("Flattened principals; '*' means anyone") List<String> principals,
            @Doc("NotPrincipal entries, flattened the same way") List<String> notPrincipals,
            @Doc("Action patterns, e.g. s3:GetObject or *") List<String> actions,
            @Doc("NotAction patterns") List<String> notActions,
            @Doc("Resource patterns") List<String> resources,
            @Doc("NotResource patterns") List<String> notResources,
            @Doc("Conditions, one per (operator, key)") List<Condition> conditions) {
    }

    /** One condition test, e.g. operator {@code Bool}, key {@code aws:securetransport}, values {@code ["false"]}. */
    public record Condition(String operator, String key, List<String> values) {
    }
}
