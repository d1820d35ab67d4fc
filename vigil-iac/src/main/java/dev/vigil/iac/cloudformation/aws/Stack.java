package dev.vigil.iac.cloudformation.aws;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.model.Origin;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceType;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.iam.PolicyDocuments;
import dev.vigil.model.input.InlineSuppression;
import dev.vigil.model.schema.Documents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every template resource of one read, for the mappers: lookups by type, the joins of split
 * resources to what they configure, and the canonical resources and suppressions produced.
 *
 * <h2>References to resources of the template</h2>
 * A value that is a {@code Ref} or {@code Fn::GetAtt} of another resource arrives
 * {@link Unresolved} with {@code refersTo}. Where a canonical property is an id used to compare
 * or to tell "set" from "empty" (a security group id, a VPC id, a KMS key id), the mappers write it
 * as the symbol {@code ${LogicalId}}, and the referenced resource's own id property is the same
 * symbol: the value is not known, but it is certainly set and names that resource, which is all a
 * rule can ask of it. Values that are unresolved for any other reason stay unknown.
 */
public final class Stack {
    private final List<CfnResource> all;
    private final List<Resource> out = new ArrayList<>();
    private final List<InlineSuppression> suppressions = new ArrayList<>();
    private final Set<CfnResource> consumed = new HashSet<>();

    public Stack(List<CfnResource> all) {
        this.all = all;
    }

    public List<CfnResource> ofType(String type) {
        return all.stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * The resource of {@code type} that {@code value} names: a reference to its logical id in the
     * same template, or its cloud name (the property {@code Ref} returns) anywhere in the read.
     */
    public CfnResource find(Object value, CfnResource from, String type) {
        if (value instanceof Unresolved u && u.refersTo() != null) {
            for (CfnResource r : all) if (r.type().equals(type) && r.logicalId().equals(u.refersTo()) && r.source().equals(from.source())) return r;
            return null;
        }
        if (value instanceof String s) {
            String prop = CloudFormationAws.refProperty(type);
            for (CfnResource r : all) {
                if (!r.type().equals(type)) continue;
                if (prop != null && s.equals(r.properties().get(prop))) return r;
            }
        }
        return null;
    }

    /** The resources of {@code type} whose {@code key} (a value or a list) names {@code target}; each is marked joined. */
    public List<CfnResource> pointingAt(CfnResource target, String type, String key) {
        List<CfnResource> hits = referencing(target, type, key);
        for (CfnResource r : hits) joined(r, target);
        return hits;
    }

    /** The resources of {@code type} whose {@code key} names {@code target}, without joining them (they are resources of their own). */
    public List<CfnResource> referencing(CfnResource target, String type, String key) {
        List<CfnResource> hits = new ArrayList<>();
        for (CfnResource r : ofType(type)) {
            Object v = r.properties().get(key);
            for (Object o : v instanceof List<?> l ? l : java.util.Collections.singletonList(v)) {
                if (target.equals(find(o, r, target.type()))) {
                    hits.add(r);
                    break;
                }
            }
        }
        return hits;
    }

    /** {@code r} configures {@code target}: it is modelled as part of it, and its marks apply to it. */
    public void joined(CfnResource r, CfnResource target) {
        if (consumed.add(r)) {
            for (InlineSuppression s : r.suppressions()) {
                suppressions.add(new InlineSuppression(target.id(), s.rule(), s.reason(), s.expires(), s.file(), s.line()));
            }
        }
    }

    public boolean consumed(CfnResource r) {
        return consumed.contains(r);
    }

    /** The symbol that stands for a template resource's deploy-time id (see the class comment). */
    public static String symbol(CfnResource r) {
        return "${" + r.logicalId() + "}";
    }

    /**
     * An id-like value: a literal, or the symbol of the template resource it references; {@code null}
     * (and an unknown on {@code target}) when it cannot be known; {@code fallback} when absent.
     */
    public String idOf(Attrs a, String key, String target, String fallback) {
        Object v = a.raw(key);
        if (v == null) return fallback;
        if (v instanceof Unresolved u && u.refersTo() != null && exists(u.refersTo())) return "${" + u.refersTo() + "}";
        return a.string(key, target);
    }

    /** Every element of a list of ids, as {@link #idOf}; {@code null} (and an unknown) when one cannot be known. */
    public List<String> idsOf(Attrs a, String key, String target) {
        Object v = a.raw(key);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        for (Object o : v instanceof List<?> l ? l : List.of(v)) {
            if (o instanceof Unresolved u && u.refersTo() != null && exists(u.refersTo())) out.add("${" + u.refersTo() + "}");
            else if (o instanceof Unresolved u) {
                a.unknown(target, u.reason());
                return null;
            } else if (o != null) out.add(o.toString());
        }
        return out;
    }

    private boolean exists(String logicalId) {
        return all.stream().anyMatch(r -> r.logicalId().equals(logicalId));
    }

    /**
     * A policy written as a tree. References to template resources become their symbols (an ARN of
     * a resource of the stack is specific, whatever its value); any other unresolved value makes
     * the whole document unknown, since a rule cannot judge a statement it cannot read.
     */
    public static PolicyDocument policy(Object tree, Attrs a, String target) {
        if (tree == null) return PolicyDocument.EMPTY;
        Object symbolic = symbolize(tree);
        Unresolved u = Unresolved.find(symbolic);
        if (u != null) {
            a.unknown(target, u.reason());
            return null;
        }
        try {
            return PolicyDocuments.ofTree(symbolic);
        } catch (IllegalArgumentException e) {
            a.unknown(target, e.getMessage());
            return null;
        }
    }

    private static Object symbolize(Object v) {
        if (v instanceof Unresolved u && u.refersTo() != null) return "${" + u.refersTo() + "}";
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, symbolize(x)));
            return out;
        }
        if (v instanceof List<?> l) return l.stream().map(Stack::symbolize).toList();
        return v;
    }

    /** CloudFormation's {@code Tags: [{Key, Value}]}; unresolved keys or values are left out. */
    public static Map<String, String> tags(CfnResource r) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (r.properties().get("Tags") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.get("Key") instanceof String k && m.get("Value") != null && !(m.get("Value") instanceof Unresolved)) {
                    tags.put(k, m.get("Value").toString());
                }
            }
        } else if (r.properties().get("Tags") instanceof Map<?, ?> m) { // some types take a plain map
            m.forEach((k, v) -> {
                if (v != null && !(v instanceof Unresolved)) tags.put(k.toString(), v.toString());
            });
        }
        return tags;
    }

    /**
     * The name property {@code key} (a TrailName, a TopicName): as written, or unknown when the
     * template leaves it out, because CloudFormation then generates one at deploy.
     */
    public static String generatedName(Attrs a, String key) {
        String name = a.string(key, "name");
        if (name == null && !a.unresolved(key)) a.unknown("name", "no " + key + ": CloudFormation generates it at deploy");
        return name;
    }

    /** Readers made by {@link #attrs}, so that {@link #add} finds where each property was written. */
    private final java.util.IdentityHashMap<CfnResource, Attrs> readers = new java.util.IdentityHashMap<>();

    /** A reader of {@code r}'s properties that records the line of each canonical property it reads. */
    public Attrs attrs(CfnResource r) {
        Attrs a = Attrs.declaredIn(r.properties(), r.source(), r.lines());
        readers.put(r, a);
        return a;
    }

    /** Adds the canonical resource made from {@code r}, located at its lines, with its own marks. */
    public Resource add(CfnResource r, ResourceType type, String name, Record properties, Map<String, String> unknowns, List<Relation> relations) {
        Attrs reader = readers.get(r);
        Resource res = new Resource("aws", type.id(), r.id(), Objects.requireNonNullElse(name, r.logicalId()), "", "", tags(r),
                Documents.of(properties), unknowns, new Origin.FileRange(r.source(), r.startLine(), r.endLine(),
                        reader == null ? Map.of() : reader.locations()), relations);
        out.add(res);
        suppressions.addAll(r.suppressions());
        consumed.add(r);
        return res;
    }

    public List<Resource> resources() {
        return out;
    }

    public List<InlineSuppression> suppressions() {
        return suppressions;
    }
}
