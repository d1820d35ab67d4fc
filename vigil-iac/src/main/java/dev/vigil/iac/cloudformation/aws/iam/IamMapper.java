package dev.vigil.iac.cloudformation.aws.iam;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
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
 * IAM users, groups, roles and customer managed policies, with everything that attaches to them
 * from elsewhere in the templates: {@code AWS::IAM::Policy} and managed policies naming them in
 * Roles/Users/Groups, {@code AWS::IAM::RolePolicy}/UserPolicy/GroupPolicy,
 * {@code AWS::IAM::UserToGroupAddition}, {@code AWS::IAM::AccessKey}, instance profiles.
 *
 * <p>What only the life of the account can tell is unknown: creation dates, key rotation dates,
 * whether the user has enabled an MFA device (users enable their own after deploy), when a password
 * or key was last used. A user without a console password has no console sign-in to date.
 */
public final class IamMapper {
    static final String UNTIL_DEPLOY = "known only after deploy";
    static final String USAGE = "when credentials are used is known only after deploy";
    static final String MFA = "MFA devices are enabled by the user after deploy; a template cannot tell";

    private IamMapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::IAM::ManagedPolicy")) managedPolicy(r, stack);
        for (CfnResource r : stack.ofType("AWS::IAM::User")) user(r, stack);
        for (CfnResource r : stack.ofType("AWS::IAM::Group")) group(r, stack);
        for (CfnResource r : stack.ofType("AWS::IAM::Role")) role(r, stack);
        for (CfnResource r : stack.ofType("AWS::IAM::InstanceProfile")) instanceProfile(r, stack);
    }

    private static void instanceProfile(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = name(a, "InstanceProfileName", r);
        List<String> roles = new ArrayList<>();
        if (a.raw("Roles") instanceof List<?> l) {
            for (Object v : l) {
                CfnResource role = stack.find(v, r, "AWS::IAM::Role");
                if (role != null) roles.add(Stack.symbol(role));
                else if (v instanceof String s) roles.add(s);
                else a.unknown("roles", "a role of the profile is " + UNTIL_DEPLOY);
            }
        }
        a.unknown("arn", "the profile's ARN names the account, " + UNTIL_DEPLOY);
        a.unknown("createDate", UNTIL_DEPLOY);
        InstanceProfile profile = new InstanceProfile(name, null, a.string("Path", "path", "/"), null,
                a.unknowns().containsKey("roles") ? null : roles);
        stack.add(r, AwsTypes.IAM_INSTANCE_PROFILE, name, profile, a.unknowns(), List.of());
    }

    private static void user(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = name(a, "UserName", r);
        boolean password = a.has("LoginProfile") && !a.unresolved("LoginProfile");
        if (a.unresolved("LoginProfile")) a.unknown("passwordEnabled", ((Unresolved) a.raw("LoginProfile")).reason());
        List<User.AccessKey> keys = new ArrayList<>();
        for (CfnResource k : stack.pointingAt(r, "AWS::IAM::AccessKey", "UserName")) {
            Attrs ka = new Attrs(k.properties());
            Boolean active = ka.unresolved("Status") ? null : !"Inactive".equals(ka.string("Status", "accessKeys.active", "Active"));
            if (active == null) a.unknown("accessKeys.active", ((Unresolved) ka.raw("Status")).reason());
            keys.add(new User.AccessKey(active, null, null));
            a.unknown("accessKeys.lastRotated", "an access key is created at deploy; its date is " + UNTIL_DEPLOY);
            a.unknown("accessKeys.lastUsed", USAGE);
        }
        Boolean mfa = false;
        if (password || keys.stream().anyMatch(k -> !Boolean.FALSE.equals(k.active()))) {
            mfa = null;
            a.unknown("mfaActive", MFA);
        }
        List<String> groups = new ArrayList<>();
        for (String g : names(a, "Groups", "groups", r, stack, "AWS::IAM::Group")) groups.add(g);
        for (CfnResource add : stack.pointingAt(r, "AWS::IAM::UserToGroupAddition", "Users")) {
            Object g = add.properties().get("GroupName");
            CfnResource group = stack.find(g, add, "AWS::IAM::Group");
            groups.add(group != null ? groupName(group) : g instanceof String s ? s : null);
        }
        if (groups.contains(null)) {
            a.unknown("groups", "a group the user is added to is " + UNTIL_DEPLOY);
            groups = null;
        }
        a.unknown("createDate", UNTIL_DEPLOY);
        // a user without a console password never signs in to the console; one with it may, after deploy
        if (password) a.unknown("passwordLastUsed", USAGE);
        User user = new User(name, null, null, a.unresolved("LoginProfile") ? null : password, password ? null : "", mfa, keys, groups,
                attached(a, r, stack, "Users"), inline(a, r, stack, "Users", "AWS::IAM::UserPolicy", "UserName"));
        a.unknown("arn", "the user's ARN names the account, " + UNTIL_DEPLOY);
        stack.add(r, AwsTypes.IAM_USER, name, user, a.unknowns(), List.of());
    }

    private static void group(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = name(a, "GroupName", r);
        Set<String> members = new LinkedHashSet<>();
        for (CfnResource u : stack.ofType("AWS::IAM::User")) {
            Object groups = u.properties().get("Groups");
            if (groups instanceof List<?> l && l.stream().anyMatch(g -> r.equals(stack.find(g, u, "AWS::IAM::Group")))) members.add(userName(u));
        }
        for (CfnResource add : stack.pointingAt(r, "AWS::IAM::UserToGroupAddition", "GroupName")) {
            if (add.properties().get("Users") instanceof List<?> users) {
                for (Object u : users) {
                    CfnResource user = stack.find(u, add, "AWS::IAM::User");
                    if (user != null) members.add(userName(user));
                    else if (u instanceof String s) members.add(s);
                    else a.unknown("members", "a member added by " + add.logicalId() + " is " + UNTIL_DEPLOY);
                }
            }
        }
        a.unknown("arn", "the group's ARN names the account, " + UNTIL_DEPLOY);
        Group group = new Group(name, null, new ArrayList<>(members), attached(a, r, stack, "Groups"),
                inline(a, r, stack, "Groups", "AWS::IAM::GroupPolicy", "GroupName"));
        stack.add(r, AwsTypes.IAM_GROUP, name, group, a.unknowns(), List.of());
    }

    private static void role(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = name(a, "RoleName", r);
        PolicyDocument trust = Stack.policy(r.properties().get("AssumeRolePolicyDocument"), a, "assumeRolePolicy");
        List<String> profiles = new ArrayList<>();
        for (CfnResource p : stack.referencing(r, "AWS::IAM::InstanceProfile", "Roles")) profiles.add(Stack.symbol(p));
        a.unknown("arn", "the role's ARN names the account, " + UNTIL_DEPLOY);
        a.unknown("createDate", UNTIL_DEPLOY);
        a.unknown("lastUsed", "a role is used only after deploy");
        Role role = new Role(name, null, a.string("Path", "path", "/"), null, trust, attached(a, r, stack, "Roles"),
                inline(a, r, stack, "Roles", "AWS::IAM::RolePolicy", "RoleName"), profiles, null);
        stack.add(r, AwsTypes.IAM_ROLE, name, role, a.unknowns(), List.of());
    }

    private static void managedPolicy(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = name(a, "ManagedPolicyName", r);
        long attachments = 0;
        for (String key : List.of("Roles", "Users", "Groups")) {
            List<String> targets = a.strings(key, "attachmentCount");
            if (targets != null) attachments += targets.size();
            else if (a.raw(key) instanceof List<?> l) attachments += l.size(); // references to principals of the stack count too
        }
        // a principal of the templates listing this policy in its ManagedPolicyArns
        for (String type : List.of("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group")) {
            for (CfnResource p : stack.ofType(type)) {
                if (p.properties().get("ManagedPolicyArns") instanceof List<?> arns
                        && arns.stream().anyMatch(v -> v instanceof Unresolved u && r.logicalId().equals(u.refersTo()) && p.source().equals(r.source()))) {
                    attachments++;
                }
            }
        }
        a.unknowns().remove("attachmentCount");
        PolicyDocument document = Stack.policy(r.properties().get("PolicyDocument"), a, "document");
        a.unknown("arn", "the policy's ARN names the account, " + UNTIL_DEPLOY);
        ManagedPolicy policy = new ManagedPolicy(name, null, false, attachments, document);
        stack.add(r, AwsTypes.IAM_POLICY, name, policy, a.unknowns(), List.of());
    }

    /** ManagedPolicyArns, and the customer managed policies of the templates that name this principal. */
    private static List<AttachedPolicy> attached(Attrs a, CfnResource r, Stack stack, String listKey) {
        List<AttachedPolicy> out = new ArrayList<>();
        if (a.raw("ManagedPolicyArns") instanceof List<?> arns) {
            for (Object v : arns) {
                CfnResource p = v instanceof Unresolved u && u.refersTo() != null ? stack.find(v, r, "AWS::IAM::ManagedPolicy") : null;
                if (p != null) out.add(new AttachedPolicy(policyName(p), Stack.symbol(p)));
                else if (v instanceof String arn) out.add(new AttachedPolicy(arn.substring(arn.lastIndexOf('/') + 1), arn));
                else if (v instanceof Unresolved u) {
                    a.unknown("attachedPolicies", u.reason());
                    return null;
                }
            }
        }
        for (CfnResource p : stack.ofType("AWS::IAM::ManagedPolicy")) {
            if (p.properties().get(listKey) instanceof List<?> l && l.stream().anyMatch(v -> r.equals(stack.find(v, p, r.type())))) {
                if (out.stream().noneMatch(x -> x.arn().equals(Stack.symbol(p)))) out.add(new AttachedPolicy(policyName(p), Stack.symbol(p)));
            }
        }
        return out;
    }

    /** Inline Policies, and AWS::IAM::Policy (listing the principal) or the per-principal policy types (naming it). */
    private static List<InlinePolicy> inline(Attrs a, CfnResource r, Stack stack, String listKey, String singleType, String singleKey) {
        List<InlinePolicy> out = new ArrayList<>();
        for (Attrs p : a.blocks("Policies", "inlinePolicies")) {
            out.add(new InlinePolicy(p.string("PolicyName", "inlinePolicies"), Stack.policy(p.raw("PolicyDocument"), a, "inlinePolicies")));
        }
        List<CfnResource> attached = new ArrayList<>(stack.pointingAt(r, "AWS::IAM::Policy", listKey));
        attached.addAll(stack.pointingAt(r, singleType, singleKey));
        for (CfnResource p : attached) {
            Object n = p.properties().get("PolicyName");
            out.add(new InlinePolicy(n instanceof String s ? s : p.logicalId(), Stack.policy(p.properties().get("PolicyDocument"), a, "inlinePolicies")));
        }
        return a.unknowns().containsKey("inlinePolicies") ? null : out;
    }

    /** Principals listed by name or reference (a user's Groups). */
    private static List<String> names(Attrs a, String key, String target, CfnResource r, Stack stack, String type) {
        List<String> out = new ArrayList<>();
        if (!(a.raw(key) instanceof List<?> l)) return out;
        for (Object v : l) {
            CfnResource named = stack.find(v, r, type);
            if (named != null) out.add(groupName(named));
            else if (v instanceof String s) out.add(s);
            else out.add(null);
        }
        return out;
    }

    /** The cloud name when the template sets it, else the logical id, with the reason the real name is unknown. */
    private static String name(Attrs a, String key, CfnResource r) {
        String n = a.string(key, "name");
        if (n == null && !a.unresolved(key)) a.unknown("name", "no " + key + ": CloudFormation generates the name at deploy");
        return n;
    }

    private static String groupName(CfnResource g) {
        return g.properties().get("GroupName") instanceof String s ? s : g.logicalId();
    }

    private static String userName(CfnResource u) {
        return u.properties().get("UserName") instanceof String s ? s : u.logicalId();
    }

    private static String policyName(CfnResource p) {
        return p.properties().get("ManagedPolicyName") instanceof String s ? s : p.logicalId();
    }
}
