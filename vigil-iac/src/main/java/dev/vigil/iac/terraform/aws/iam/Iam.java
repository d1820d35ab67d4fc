package dev.vigil.iac.terraform.aws.iam;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.iac.terraform.aws.Policies;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.iam.AttachedPolicy;
import dev.vigil.model.aws.iam.Group;
import dev.vigil.model.aws.iam.InlinePolicy;
import dev.vigil.model.aws.iam.InstanceProfile;
import dev.vigil.model.aws.iam.ManagedPolicy;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.iam.Role;
import dev.vigil.model.aws.iam.User;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * IAM users, groups, roles, managed policies and instance profiles, with the resources that give
 * them policies, members, console passwords and access keys.
 *
 * <p>A customer policy attached by reference is named by its {@code name} and, until it has an ARN,
 * by its canonical id in this scan; AWS managed policies keep their ARN as written.
 */
public final class Iam {
    public static final List<String> SPLITS = List.of("aws_iam_user_login_profile", "aws_iam_access_key", "aws_iam_user_policy",
            "aws_iam_group_policy", "aws_iam_role_policy", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment",
            "aws_iam_role_policy_attachment", "aws_iam_policy_attachment", "aws_iam_group_membership", "aws_iam_user_group_membership");
    static final String MFA = "MFA devices are enrolled by the user after deploy";

    private Iam() {
    }

    public static Resource user(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "name", "name");
        List<String> keys = Joins.keys(r, "name", "id", "arn");
        boolean password = !joins.splits(r, "aws_iam_user_login_profile", "user", keys).isEmpty();
        List<User.AccessKey> accessKeys = new ArrayList<>();
        boolean created = true;
        for (TfResource k : joins.splits(r, "aws_iam_access_key", "user", keys)) {
            Attrs ka = Canon.attrs(k);
            String status = ka.string("status", "accessKeys", "Active");
            // A state records when the key was created, which is when it was last rotated; a plan or HCL cannot.
            String rotated = ka.string("create_date", "accessKeys.lastRotated");
            created &= rotated != null;
            accessKeys.add(new User.AccessKey(status == null ? null : status.equals("Active"), rotated, null));
            Joins.merge(a, ka);
        }
        if (!accessKeys.isEmpty()) {
            if (!created) a.unknown("accessKeys.lastRotated", Canon.NOT_BEFORE_DEPLOY);
            a.unknown("accessKeys.lastUsed", "when a key was last used is not in the configuration");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (TfResource m : joins.splits(r, "aws_iam_user_group_membership", "user", keys)) {
            groups.addAll(names(a, m.attributes().get("groups"), m, joins, "aws_iam_group", "groups"));
        }
        for (TfResource m : joins.splits(r, "aws_iam_group_membership", "users", keys)) {
            groups.addAll(names(a, m.attributes().get("group"), m, joins, "aws_iam_group", "groups"));
        }
        // MFA devices are enrolled after deploy, so whether one is active is unknown for a user who
        // can sign in (console password or an active key). A user with neither has no device: nobody
        // can sign in as them to enrol one.
        boolean canSignIn = password || accessKeys.stream().anyMatch(k -> !Boolean.FALSE.equals(k.active()));
        if (canSignIn) a.unknown("mfaActive", MFA);
        // A new user has never signed in; but that is a fact of the moment of deploy, not of the user.
        a.unknown("passwordLastUsed", Canon.NOT_BEFORE_DEPLOY);
        User user = new User(name, a.string("arn", "arn"), null, password, null, canSignIn ? null : Boolean.FALSE,
                a.unknowns().containsKey("accessKeys") ? null : accessKeys,
                a.unknowns().containsKey("groups") ? null : new ArrayList<>(groups),
                attached(a, r, joins, "aws_iam_user_policy_attachment", "user", keys, "aws_iam_policy_attachment", "users"),
                inline(a, r, joins, "aws_iam_user_policy", "user", keys));
        return Canon.resource(r, AwsTypes.IAM_USER, name, user, a, List.of());
    }

    public static Resource group(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "name", "name");
        List<String> keys = Joins.keys(r, "name", "id", "arn");
        Set<String> members = new LinkedHashSet<>();
        for (TfResource m : joins.splits(r, "aws_iam_group_membership", "group", keys)) {
            members.addAll(names(a, m.attributes().get("users"), m, joins, "aws_iam_user", "members"));
        }
        for (TfResource m : joins.splits(r, "aws_iam_user_group_membership", "groups", keys)) {
            members.addAll(names(a, m.attributes().get("user"), m, joins, "aws_iam_user", "members"));
        }
        Group group = new Group(name, a.string("arn", "arn"), a.unknowns().containsKey("members") ? null : new ArrayList<>(members),
                attached(a, r, joins, "aws_iam_group_policy_attachment", "group", keys, "aws_iam_policy_attachment", "groups"),
                inline(a, r, joins, "aws_iam_group_policy", "group", keys));
        return Canon.resource(r, AwsTypes.IAM_GROUP, name, group, a, List.of());
    }

    public static Resource role(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "name", "name");
        List<String> keys = Joins.keys(r, "name", "id", "arn");
        PolicyDocument trust = Policies.read(a, "assume_role_policy", "assumeRolePolicy", PolicyDocument.EMPTY);
        List<AttachedPolicy> attached = attached(a, r, joins, "aws_iam_role_policy_attachment", "role", keys, "aws_iam_policy_attachment", "roles");
        if (attached != null) {
            Object managed = a.raw("managed_policy_arns");
            if (managed instanceof Unresolved u) {
                a.unknown("attachedPolicies", u.reason());
                attached = null;
            } else if (managed instanceof List<?> l) {
                for (Object arn : l) {
                    AttachedPolicy p = policyRef(a, arn, r, joins);
                    if (p == null) {
                        attached = null;
                        break;
                    }
                    attached.add(p);
                }
            }
        }
        List<InlinePolicy> inline = inline(a, r, joins, "aws_iam_role_policy", "role", keys);
        if (inline != null) {
            for (Attrs b : a.blocks("inline_policy", "inlinePolicies")) {
                String pname = b.string("name", "inlinePolicies");
                PolicyDocument doc = Policies.read(b, "policy", "inlinePolicies", PolicyDocument.EMPTY);
                if (pname == null && doc == null) continue;
                if (doc == null) {
                    inline = null;
                    break;
                }
                if (pname != null) inline.add(new InlinePolicy(pname, doc));
            }
            if (a.unknowns().containsKey("inlinePolicies")) inline = null;
        }
        List<String> profiles = new ArrayList<>();
        for (TfResource p : joins.ofType("aws_iam_instance_profile")) {
            if (Joins.pointsAt(p.attributes().get("role"), p, r, keys)) {
                profiles.add(p.attributes().get("arn") instanceof String arn ? arn : p.id());
            }
        }
        Role role = new Role(name, a.string("arn", "arn"), a.string("path", "path", "/"), null, trust, attached, inline, profiles, null);
        return Canon.resource(r, AwsTypes.IAM_ROLE, name, role, a, List.of());
    }

    /** A customer managed policy; {@code attachmentCount} counts the principals the scan attaches it to. */
    public static Resource policy(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "name", "name");
        List<String> keys = Joins.keys(r, "arn", "id");
        long count = 0;
        for (String type : List.of("aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_role_policy_attachment")) {
            for (TfResource p : joins.ofType(type)) if (Joins.pointsAt(p.attributes().get("policy_arn"), p, r, keys)) count++;
        }
        for (TfResource p : joins.ofType("aws_iam_policy_attachment")) {
            if (!Joins.pointsAt(p.attributes().get("policy_arn"), p, r, keys)) continue;
            for (String k : List.of("users", "roles", "groups")) {
                Object v = p.attributes().get(k);
                if (v instanceof List<?> l) count += l.size();
                else if (v instanceof Unresolved u) a.unknown("attachmentCount", u.reason());
            }
        }
        for (TfResource role : joins.ofType("aws_iam_role")) {
            if (role.attributes().get("managed_policy_arns") instanceof List<?> l) {
                for (Object o : l) if (Joins.pointsAt(o, role, r, keys)) count++;
            }
        }
        ManagedPolicy p = new ManagedPolicy(name, a.string("arn", "arn"), false,
                a.unknowns().containsKey("attachmentCount") ? null : count, Policies.read(a, "policy", "document", null));
        return Canon.resource(r, AwsTypes.IAM_POLICY, name, p, a, List.of());
    }

    public static Resource instanceProfile(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "name", "name");
        List<String> roles = new ArrayList<>();
        Object role = a.raw("role");
        if (role instanceof String s && !s.isEmpty()) {
            TfResource target = joins.target(s, r, t -> Joins.keys(t, "name", "id"), "aws_iam_role");
            roles.add(target != null && target.attributes().get("arn") instanceof String arn ? arn : target != null ? target.id() : s);
        } else if (role instanceof Unresolved u) {
            String ref = Canon.reference(u, r);
            if (ref == null) a.unknown("roles", u.reason());
            else roles.add(ref);
        }
        InstanceProfile p = new InstanceProfile(name, a.string("arn", "arn"), a.string("path", "path", "/"), null,
                a.unknowns().containsKey("roles") ? null : roles);
        return Canon.resource(r, AwsTypes.IAM_INSTANCE_PROFILE, name, p, a, List.of());
    }

    /** Names in {@code value}: strings as written, references to {@code type} by that resource's {@code name}. */
    private static List<String> names(Attrs a, Object value, TfResource from, Joins joins, String type, String target) {
        List<String> out = new ArrayList<>();
        for (Object o : value instanceof List<?> l ? l : value == null ? List.of() : List.of(value)) {
            if (o instanceof String s) {
                out.add(s);
            } else if (o instanceof Unresolved u) {
                TfResource t = joins.target(u, from, x -> List.of(), type);
                if (t != null && t.attributes().get("name") instanceof String n) out.add(n);
                else a.unknown(target, u.reason());
            }
        }
        return out;
    }

    private static List<AttachedPolicy> attached(Attrs a, TfResource r, Joins joins, String attachmentType, String key, List<String> keys,
                                                 String sharedType, String sharedKey) {
        List<AttachedPolicy> out = new ArrayList<>();
        List<TfResource> found = new ArrayList<>(joins.splits(r, attachmentType, key, keys));
        found.addAll(joins.splits(r, sharedType, sharedKey, keys));
        for (TfResource p : found) {
            AttachedPolicy ap = policyRef(a, p.attributes().get("policy_arn"), p, joins);
            if (ap == null) return null;
            out.add(ap);
        }
        return out;
    }

    /** A policy ARN as written, or a reference to an {@code aws_iam_policy} of the scan; {@code null} (and unknown) otherwise. */
    private static AttachedPolicy policyRef(Attrs a, Object arn, TfResource from, Joins joins) {
        if (arn instanceof String s) {
            TfResource t = joins.target(s, from, x -> Joins.keys(x, "arn"), "aws_iam_policy");
            String name = t != null && t.attributes().get("name") instanceof String n ? n : s.substring(s.lastIndexOf('/') + 1);
            return new AttachedPolicy(name, s);
        }
        if (arn instanceof Unresolved u) {
            TfResource t = joins.target(u, from, x -> List.of(), "aws_iam_policy");
            if (t != null && t.attributes().get("name") instanceof String n) return new AttachedPolicy(n, t.id());
            a.unknown("attachedPolicies", u.reason());
        }
        return null;
    }

    private static List<InlinePolicy> inline(Attrs a, TfResource r, Joins joins, String type, String key, List<String> keys) {
        List<InlinePolicy> out = new ArrayList<>();
        for (TfResource p : joins.splits(r, type, key, keys)) {
            Attrs pa = Canon.attrs(p);
            String name = pa.string("name", "inlinePolicies");
            if (name == null && !pa.unresolved("name")) pa.unknown("inlinePolicies", "no name configured: Terraform generates it at apply");
            PolicyDocument doc = Policies.read(pa, "policy", "inlinePolicies", PolicyDocument.EMPTY);
            Joins.merge(a, pa);
            if (name == null || doc == null) return null;
            out.add(new InlinePolicy(name, doc));
        }
        return out;
    }
}
