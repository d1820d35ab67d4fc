package dev.vigil.iac.terraform.aws;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.model.input.InlineSuppression;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Collections;

/**
 * The Terraform resources of one mapping, by type, and the joins between a primary resource
 * ({@code aws_s3_bucket}) and the split resources that configure it ({@code aws_s3_bucket_policy}).
 *
 * <p>A split names its primary in one argument ({@code bucket}, {@code security_group_id}, ...). It
 * is joined when that argument is a known string equal to one of the primary's keys (its configured
 * name, or the {@code id}/{@code arn} a state file records), or when it is {@link Unresolved} and
 * refers to the primary's full address in the same source (a reference such as
 * {@code aws_s3_bucket.logs.id}). A joined split is consumed: it is not counted as unmodelled, and
 * its {@code vigil:ignore} marks are re-aimed at the primary.
 */
public final class Joins {
    private final Map<String, List<TfResource>> byType = new LinkedHashMap<>();
    private final Set<TfResource> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<InlineSuppression> reaimed = new ArrayList<>();

    public Joins(List<TfResource> resources) {
        for (TfResource r : resources) byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
    }

    public List<TfResource> ofType(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /**
     * The resources of {@code splitType} whose argument {@code key} points at {@code primary}, each
     * consumed and its suppressions re-aimed at the primary.
     */
    public List<TfResource> splits(TfResource primary, String splitType, String key, List<String> primaryKeys) {
        List<TfResource> out = new ArrayList<>();
        for (TfResource s : ofType(splitType)) {
            if (pointsAt(s.attributes().get(key), s, primary, primaryKeys)) {
                consume(s, primary);
                out.add(s);
            }
        }
        return out;
    }

    /** True when {@code value} (a string, an {@link Unresolved} or a list of them) names {@code primary}. */
    public static boolean pointsAt(Object value, TfResource from, TfResource primary, List<String> primaryKeys) {
        if (value instanceof List<?> l) {
            for (Object o : l) if (pointsAt(o, from, primary, primaryKeys)) return true;
            return false;
        }
        if (value instanceof String s) return !s.isEmpty() && primaryKeys.contains(s);
        if (value instanceof Unresolved u) return refersTo(u, from, primary);
        return false;
    }

    /**
     * A reference to {@code primary}: its full address, from a resource of the same source. A
     * reference without instance key ({@code aws_s3_bucket.b}) to a primary with one
     * ({@code aws_s3_bucket.b[0]}) counts when the referring resource has the same key: the
     * idiom of a split resource made with the same {@code count} or {@code for_each} as its primary.
     */
    public static boolean refersTo(Unresolved u, TfResource from, TfResource primary) {
        if (u.refersTo() == null || !Objects.equals(from.source(), primary.source())) return false;
        if (u.refersTo().equals(primary.address())) return true;
        String key = key(primary.address());
        return !key.isEmpty() && u.refersTo().equals(primary.address().substring(0, primary.address().length() - key.length()))
                && key.equals(key(from.address()));
    }

    /** The instance key at the end of an address, {@code [0]} or {@code ["eu"]}; empty when none. */
    static String key(String address) {
        if (!address.endsWith("]")) return "";
        int open = address.lastIndexOf('[');
        return open < 0 ? "" : address.substring(open);
    }

    /** The resource of {@code types} in {@code from}'s source that {@code value} refers to, by reference or key value. */
    public TfResource target(Object value, TfResource from, KeyFunction keys, String... types) {
        for (String type : types) {
            for (TfResource candidate : ofType(type)) {
                if (pointsAt(value, from, candidate, keys.keys(candidate))) return candidate;
            }
        }
        return null;
    }

    /** The values that name a resource of some type in the arguments of the resources that point at it. */
    @FunctionalInterface
    public interface KeyFunction {
        List<String> keys(TfResource r);
    }

    public void consume(TfResource split, TfResource primary) {
        if (!consumed.add(split)) return;
        for (InlineSuppression s : split.suppressions()) {
            reaimed.add(new InlineSuppression(primary.id(), s.rule(), s.reason(), s.expires(), s.file(), s.line()));
        }
    }

    public boolean isConsumed(TfResource r) {
        return consumed.contains(r);
    }

    public List<InlineSuppression> reaimedSuppressions() {
        return reaimed;
    }

    /** The known string values of {@code keys} among {@code r}'s arguments (names, and the id/arn a state records). */
    public static List<String> keys(TfResource r, String... keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (r.attributes().get(k) instanceof String s && !s.isEmpty()) out.add(s);
        }
        return out;
    }

    /** Copies what a split resource could not tell into the primary's ledger. */
    public static void merge(Attrs primary, Attrs split) {
        split.unknowns().forEach(primary::unknown);
        primary.mergeLocations(split);
    }
}
