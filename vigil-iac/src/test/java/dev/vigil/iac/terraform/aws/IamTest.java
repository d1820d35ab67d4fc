package dev.vigil.iac.terraform.aws;

import static dev.vigil.iac.terraform.aws.Tf.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.terraform.TerraformAws;
import dev.vigil.model.Resource;
import dev.vigil.model.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IAM users, groups, roles, policies and instance profiles with the resources that attach, embed and enrol. */
class IamTest {
    private static final String ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String EC2_DEBUG = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}]}";
    private static final String EC2_TRUST = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
            + "\"Action\":\"sts:AssumeRole\"}]}";

    private static TerraformAws.Mapped account() {
        return mapAll(
                tf("aws_iam_user", "aws_iam_user.bob", "name", "bob"),
                tf("aws_iam_user_login_profile", "aws_iam_user_login_profile.bob", "user", ref("aws_iam_user.bob")),
                tf("aws_iam_user_policy", "aws_iam_user_policy.bob_debug", "name", "bob-debug-ec2", "user", "bob", "policy", EC2_DEBUG),
                tf("aws_iam_user_policy_attachment", "aws_iam_user_policy_attachment.bob_admin", "user", ref("aws_iam_user.bob"),
                        "policy_arn", ref("aws_iam_policy.admin")),
                tf("aws_iam_policy", "aws_iam_policy.admin", "name", "acme-admin-everything", "policy", ADMIN),
                tf("aws_iam_policy", "aws_iam_policy.unused", "name", "acme-unused", "policy", ADMIN),
                tf("aws_iam_user", "aws_iam_user.ci", "name", "ci-deploy"),
                tf("aws_iam_access_key", "aws_iam_access_key.ci1", "user", ref("aws_iam_user.ci")),
                tf("aws_iam_access_key", "aws_iam_access_key.ci2", "user", "ci-deploy", "status", "Inactive"),
                tf("aws_iam_user", "aws_iam_user.alice", "name", "alice"),
                tf("aws_iam_group", "aws_iam_group.engineers", "name", "engineers"),
                tf("aws_iam_group_membership", "aws_iam_group_membership.engineers", "name", "engineers-members",
                        "group", ref("aws_iam_group.engineers"), "users", list(ref("aws_iam_user.alice"))),
                tf("aws_iam_group_policy_attachment", "aws_iam_group_policy_attachment.engineers_power", "group", "engineers",
                        "policy_arn", "arn:aws:iam::aws:policy/PowerUserAccess"),
                tf("aws_iam_role", "aws_iam_role.support", "name", "AWSSupportRole", "assume_role_policy",
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"sts:AssumeRole\"}]}"),
                tf("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.support", "role", ref("aws_iam_role.support"),
                        "policy_arn", "arn:aws:iam::aws:policy/AWSSupportAccess"),
                tf("aws_iam_role", "aws_iam_role.app", "name", "app-instance-role", "assume_role_policy", EC2_TRUST),
                tf("aws_iam_instance_profile", "aws_iam_instance_profile.app", "name", "app-instance-role", "role", ref("aws_iam_role.app")));
    }

    @Test
    void aUserGetsHisPasswordKeysGroupsAndPolicies() {
        TerraformAws.Mapped m = account();
        Resource bob = byId(m, "infra#aws_iam_user.bob");
        Resource ci = byId(m, "infra#aws_iam_user.ci");
        Resource alice = byId(m, "infra#aws_iam_user.alice");

        assertThat(prop(bob, "passwordEnabled")).isEqualTo(true);
        assertThat(items(bob, "attachedPolicies")).containsExactly(Map.of("name", "acme-admin-everything", "arn", "infra#aws_iam_policy.admin"));
        assertThat(items(bob, "inlinePolicies")).hasSize(1);
        assertThat(bob.unknowns()).containsKey("mfaActive");
        assertThat(prop(ci, "passwordEnabled")).isEqualTo(false);
        assertThat(items(ci, "accessKeys")).containsExactly(Map.of("active", true), Map.of("active", false));
        assertThat(ci.unknowns()).containsEntry("accessKeys.lastRotated", "not known before deploy");
        assertThat(items(alice, "groups")).containsExactly("engineers");
        assertThat(m.unmodelled()).isEmpty();

        assertThat(status("aws-iam-user-no-direct-policies", bob, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-iam-user-no-direct-policies", alice, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-iam-user-console-mfa", bob, m)).as("MFA is enrolled after deploy").isEqualTo(Status.UNKNOWN);
        assertThat(status("aws-iam-user-console-mfa", alice, m)).as("no console password, no key").isEqualTo(Status.PASS);
        assertThat(status("aws-iam-user-access-keys-rotated", ci, m)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void groupsHaveTheirMembersAndPolicies() {
        TerraformAws.Mapped m = account();
        Resource engineers = only(m, "aws.iam.group");

        assertThat(items(engineers, "members")).containsExactly("alice");
        assertThat(items(engineers, "attachedPolicies")).containsExactly(Map.of("name", "PowerUserAccess", "arn", "arn:aws:iam::aws:policy/PowerUserAccess"));
        assertThat(status("aws-iam-group-has-members", engineers, m)).isEqualTo(Status.PASS);
    }

    @Test
    void aManagedPolicyCountsItsAttachments() {
        TerraformAws.Mapped m = account();
        Resource admin = byId(m, "infra#aws_iam_policy.admin");
        Resource unused = byId(m, "infra#aws_iam_policy.unused");

        assertThat(prop(admin, "attachmentCount")).isEqualTo(1L);
        assertThat(prop(unused, "attachmentCount")).isEqualTo(0L);
        assertThat(prop(admin, "awsManaged")).isEqualTo(false);
        assertThat(status("aws-iam-policy-no-full-admin", admin, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-iam-policy-no-full-admin", unused, m)).isEqualTo(Status.PASS);
    }

    @Test
    void rolesHaveTheirTrustPoliciesAttachmentsAndInstanceProfiles() {
        TerraformAws.Mapped m = account();
        Resource support = byId(m, "infra#aws_iam_role.support");
        Resource app = byId(m, "infra#aws_iam_role.app");
        Resource profile = only(m, "aws.iam.instance-profile");

        assertThat(items(support, "attachedPolicies")).containsExactly(Map.of("name", "AWSSupportAccess", "arn", "arn:aws:iam::aws:policy/AWSSupportAccess"));
        assertThat(items(app, "instanceProfiles")).containsExactly("infra#aws_iam_instance_profile.app");
        assertThat(items(profile, "roles")).containsExactly("infra#aws_iam_role.app");
        assertThat(status("aws-iam-role-trust-not-public", app, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-iam-instance-profile-has-role", profile, m)).isEqualTo(Status.PASS);
    }

    @Test
    void anUnresolvedInlinePolicyMakesTheInlinePoliciesUnknown() {
        TerraformAws.Mapped m = mapAll(tf("aws_iam_role", "aws_iam_role.r", "name", "r", "assume_role_policy", EC2_TRUST),
                tf("aws_iam_role_policy", "aws_iam_role_policy.r", "name", "p", "role", ref("aws_iam_role.r"), "policy", noValue("doc")));
        Resource r = only(m, "aws.iam.role");

        assertThat(r.unknowns()).containsEntry("inlinePolicies", "var.doc has no value");
        assertThat(status("aws-iam-role-inline-no-kms-decrypt-all-keys", r, m)).isEqualTo(Status.UNKNOWN);
        assertThat(List.copyOf(r.unknowns().keySet())).contains("arn", "createDate");
    }
}
