package dev.vigil.model;

import java.util.Map;
import java.util.List;
import java.util.Objects;

/**
 * One canonical resource, whatever input it came from.
 *
 * @param provider   {@code aws}, {@code k8s}, ...
 * @param type       a registered {@link ResourceType} id such as {@code aws.s3.bucket}
 * @param id         stable id: the ARN for AWS, a path for IaC
 * @param properties the canonical document of its type (JSON-like: maps, lists, strings, longs,
 *                   doubles, booleans); a property that the input does not tell is absent and named
 *                   in {@code unknowns}
 * @param unknowns   property path (dot separated) to the reason it is not known; a rule that reads
 *                   such a path evaluates to {@link Status#UNKNOWN} with that reason
 * @param failures   property path to the error that kept the input from reading it (an API call
 *                   denied or exhausted its retries); a rule that reads such a path evaluates to
 *                   {@link Status#ERROR} with that reason. Unknown means "cannot be told from this
 *                   input"; a failure means "we tried and could not look".
 */
public record Resource(
        String provider,
        String type,
        String id,
        String name,
        String account,
        String region,
        Map<String, String> tags,
        Map<String, Object> properties,
        Map<String, String> unknowns,
        Origin origin,
        List<Relation> relations,
        Map<String, String> failures) {

    /** A resource whose input read every property it tried to. */
    public Resource(String provider, String type, String id, String name, String account, String region, Map<String, String> tags,
                    Map<String, Object> properties, Map<String, String> unknowns, Origin origin, List<Relation> relations) {
        this(provider, type, id, name, account, region, tags, properties, unknowns, origin, relations, Map.of());
    }

    public Resource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        properties = properties == null ? Map.of() : properties;
        unknowns = unknowns == null ? Map.of() : Map.copyOf(unknowns);
        relations = relations == null ? List.of() : List.copyOf(relations);
        failures = failures == null ? Map.of() : Map.copyOf(failures);
        account = account == null ? "" : account;
        region = region == null ? "" : region;
        name = name == null ? id : name;
    }

    /** The reason a property path is unknown: its own entry or that of an enclosing object. */
    public String unknownReason(String path) {
        return lookup(unknowns, path);
    }

    /** The error that kept a property path (or an enclosing object) from being read, if any. */
    public String failureReason(String path) {
        return failures.isEmpty() ? null : lookup(failures, path);
    }

    private static String lookup(Map<String, String> reasons, String path) {
        for (var e : reasons.entrySet()) {
            String k = e.getKey();
            if (path.equals(k) || path.startsWith(k + ".") || k.startsWith(path + ".")) {
                return e.getValue();
            }
        }
        return null;
    }
}
