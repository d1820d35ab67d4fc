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
        List<Relation> relations) {

    public Resource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        properties = properties == null ? Map.of() : properties;
        unknowns = unknowns == null ? Map.of() : Map.copyOf(unknowns);
        relations = relations == null ? List.of() : List.copyOf(relations);
        account = account == null ? "" : account;
        region = region == null ? "" : region;
        name = name == null ? id : name;
    }

    /** The reason a property path is unknown: its own entry or that of an enclosing object. */
    public String unknownReason(String path) {
        for (var e : unknowns.entrySet()) {
            String k = e.getKey();
            if (path.equals(k) || path.startsWith(k + ".") || k.startsWith(path + ".")) {
                return e.getValue();
            }
        }
        return null;
    }
}
