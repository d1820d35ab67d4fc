package dev.vigil.iac.terraform.aws;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.IacPaths;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.model.Origin;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceType;
import dev.vigil.model.schema.Documents;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds canonical resources from mapped Terraform resources, the same way for every service. */
public final class Canon {
    /** The reason for a property the cloud assigns at deploy (ARNs, ids, creation dates, ...). */
    public static final String NOT_BEFORE_DEPLOY = "not known before deploy";

    private Canon() {
    }

    /**
     * The canonical resource of {@code r}: provider {@code aws}, id {@link TfResource#id()}, no account
     * or region (IaC does not say where it deploys), origin the declaring block.
     *
     * <p>Mappers leave {@code null} exactly the properties that only exist after deploy, or that an
     * {@link Unresolved} value hid (already in the ledger with its own reason). Every {@code null}
     * record component left without a reason is given {@link #NOT_BEFORE_DEPLOY}, down through nested
     * records (not into lists), so a rule reading it is UNKNOWN and never ERROR.
     */
    public static Resource resource(TfResource r, ResourceType type, String name, Record props, Attrs a, List<Relation> relations) {
        return resource(r, r.id(), type, name, props, a, relations);
    }

    public static Resource resource(TfResource r, String id, ResourceType type, String name, Record props, Attrs a, List<Relation> relations) {
        Map<String, String> unknowns = new LinkedHashMap<>(a.unknowns());
        fillUnknowns(props, "", unknowns);
        Map<String, Object> doc = Documents.of(props);
        return new Resource("aws", type.id(), id, name == null || name.isEmpty() ? r.address() : name, "", "", tags(r), doc, unknowns,
                new Origin.FileRange(r.file(), r.startLine(), r.endLine(), a.locations()), relations);
    }

    /**
     * A reader of {@code r}'s arguments that records where each canonical property it reads was
     * written, so a result can point at that line ({@link TfResource#lines}).
     */
    public static Attrs attrs(TfResource r) {
        return Attrs.declaredIn(r.attributes(), r.file(), r.lines());
    }

    private static void fillUnknowns(Record rec, String prefix, Map<String, String> unknowns) {
        for (RecordComponent c : rec.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(rec);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String path = prefix + c.getName();
            if (v == null) {
                if (!covered(unknowns, path)) unknowns.put(path, NOT_BEFORE_DEPLOY);
            } else if (v instanceof Record nested) {
                fillUnknowns(nested, path + ".", unknowns);
            }
        }
    }

    /** True when {@code path} or an enclosing object already has a reason. */
    private static boolean covered(Map<String, String> unknowns, String path) {
        for (String k : unknowns.keySet()) {
            if (path.equals(k) || path.startsWith(k + ".")) return true;
        }
        return false;
    }

    /** The resource's {@code tags}, known string values only. */
    public static Map<String, String> tags(TfResource r) {
        Map<String, String> out = new LinkedHashMap<>();
        if (r.attributes().get("tags") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (k != null && (v instanceof String || v instanceof Number || v instanceof Boolean)) out.put(k.toString(), v.toString());
            });
        }
        return out;
    }

    /**
     * How a value that names another resource reads in a canonical property: a known string as it
     * is; a reference to a Terraform resource as that resource's canonical id in this scan
     * ({@code infra#aws_security_group.web}), which is the id relations point at; otherwise
     * {@code null}.
     */
    public static String reference(Object value, TfResource from) {
        if (value instanceof String s) return s;
        if (value instanceof Unresolved u && u.refersTo() != null) return IacPaths.resourceId(from.source(), u.refersTo());
        return null;
    }

    /**
     * An argument that names another resource (a KMS key, a log group): as written, or as the
     * canonical id of the resource it refers to; {@code fallback} when absent; {@code null} (and
     * unknown) when it is unresolved without a reference.
     */
    public static String referenceOr(Attrs a, TfResource from, String key, String target, String fallback) {
        Object v = a.raw(key);
        if (v == null) return fallback;
        String ref = reference(v, from);
        if (ref == null) return a.string(key, target);
        return ref;
    }

    /**
     * The id AWS assigns the resource itself ({@code sg-…}, {@code vpc-…}): the argument when a plan
     * or state knows it, else the resource's canonical IaC id. References to the resource read as
     * that same id ({@link #reference}), so "which instances use this group" and "is this
     * instance's VPC the default one" are answered within the scan, as they are on a live account.
     */
    public static String selfId(Attrs a, TfResource r, String target) {
        String known = a.string("id", target);
        return known != null ? known : r.id();
    }

    /** The VPC of a subnet in the scan that {@code subnetRef} names, as its canonical id; {@code null} when it is not in the scan. */
    public static String vpcOfSubnet(Object subnetRef, TfResource from, Joins joins) {
        if (subnetRef == null) return null;
        TfResource s = joins.target(subnetRef, from, t -> Joins.keys(t, "id", "arn"), "aws_subnet");
        return s == null ? null : reference(s.attributes().get("vpc_id"), s);
    }

    /** The name Terraform will give the resource: the argument when known; {@code null} when unresolved or generated. */
    public static String name(Attrs a, String key, String target) {
        if (!a.has(key)) {
            a.unknown(target, "no " + key + " configured: Terraform generates it at apply");
            return null;
        }
        return a.string(key, target);
    }
}
