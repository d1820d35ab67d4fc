package dev.vigil.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.account.Account;
import dev.vigil.model.aws.iam.AttachedPolicy;
import dev.vigil.model.aws.iam.ManagedPolicy;
import dev.vigil.model.aws.iam.Role;
import dev.vigil.model.aws.iam.User;
import dev.vigil.model.schema.Documents;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.SAMLProviderListEntry;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.UserDetail;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

class IamMapperTest {
    static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
            + "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
            + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
            + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    static final String ROOT = "<root_account>,arn:aws:iam::111122223333:root,2019-01-10T08:00:00+00:00,not_supported,"
            + "2026-10-01T12:00:00+00:00,not_supported,not_supported,false,true,2020-02-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
            + "false,N/A,false,N/A";
    static final String ALICE = "alice,arn:aws:iam::111122223333:user/alice,2024-03-11T09:14:22+00:00,true,no_information,"
            + "2024-03-11T09:20:00+00:00,N/A,false,true,2024-03-11T09:15:00+00:00,2026-11-01T10:00:00+00:00,eu-west-1,s3,true,"
            + "2025-01-02T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A";
    static final String BOB = "bob,arn:aws:iam::111122223333:user/bob,2023-05-17T15:48:03+00:00,false,N/A,N/A,N/A,true,false,N/A,N/A,N/A,N/A,"
            + "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

    static Read<CredentialReport> report(String... rows) {
        String csv = HEADER + "\n" + String.join("\n", rows) + "\n";
        return IamMapper.credentialReport(Read.found(GetCredentialReportResponse.builder().content(SdkBytes.fromUtf8String(csv))
                .reportFormat("text/csv").generatedTime(Instant.parse("2026-11-20T06:00:00Z")).build()));
    }

    static UserDetail user(String name, String... groups) {
        return UserDetail.builder().userName(name).arn("arn:aws:iam::111122223333:user/" + name).path("/")
                .createDate(Instant.parse("2024-03-11T09:14:22Z")).groupList(groups).build();
    }

    static String encoded(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    static IamMapper.Authorization auth(List<UserDetail> users, List<GroupDetail> groups) {
        return new IamMapper.Authorization(users, groups, List.of(), List.of());
    }

    @Test
    void aUserTakesItsCredentialsFromItsReportRowWithNeverAsEmptyDates() {
        var m = IamMapper.users(auth(List.of(user("alice", "engineers")), List.of()), report(ROOT, ALICE, BOB)).get(0);
        User alice = m.properties();
        assertThat(alice.arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(alice.createDate()).isEqualTo("2024-03-11T09:14:22Z");
        assertThat(alice.passwordEnabled()).isTrue();
        assertThat(alice.passwordLastUsed()).isEmpty();
        assertThat(alice.mfaActive()).isFalse();
        assertThat(alice.accessKeys()).containsExactly(
                new User.AccessKey(true, "2024-03-11T09:15:00+00:00", "2026-11-01T10:00:00+00:00"),
                new User.AccessKey(true, "2025-01-02T00:00:00+00:00", ""));
        assertThat(alice.groups()).containsExactly("engineers");
        assertThat(m.failures()).isEmpty();
        assertThat(m.unknowns()).isEmpty();
    }

    @Test
    void theRootRowBecomesTheAccountsRootUser() {
        CredentialReport r = ((Read.Found<CredentialReport>) report(ROOT, ALICE)).value();
        assertThat(r.accountId()).isEqualTo("111122223333");
        assertThat(IamMapper.root(r.root())).isEqualTo(new Account.RootUser(false, 1L, "2026-10-01T12:00:00+00:00"));
        assertThat(r.usersByName()).containsOnlyKeys("alice");
    }

    @Test
    void aFailedReportFailsTheCredentialFieldsAndGuessesNone() {
        ApiFailure denied = new ApiFailure("iam:GetCredentialReport", "AccessDenied", "not authorized", false, null);
        var m = IamMapper.users(auth(List.of(user("alice")), List.of()), IamMapper.credentialReport(Read.failed(denied))).get(0);
        assertThat(m.failures()).containsOnlyKeys("passwordEnabled", "passwordLastUsed", "mfaActive", "accessKeys");
        assertThat(m.failures().get("mfaActive")).contains("iam:GetCredentialReport failed: AccessDenied");
        assertThat(Documents.of(m.properties())).doesNotContainKeys("passwordEnabled", "passwordLastUsed", "mfaActive", "accessKeys")
                .containsEntry("name", "alice");
    }

    @Test
    void textThatIsNotACredentialReportIsAFailedRead() {
        Read<CredentialReport> r = IamMapper.credentialReport(Read.found(GetCredentialReportResponse.builder()
                .content(SdkBytes.fromUtf8String("<html>oops</html>")).build()));
        assertThat(r.failure()).isNotNull();
        assertThat(r.failure().code()).isEqualTo("MalformedReport");
        var m = IamMapper.users(auth(List.of(user("alice")), List.of()), r).get(0);
        assertThat(m.failures()).containsKey("mfaActive");
    }

    @Test
    void aUserNewerThanTheReportHasUnknownCredentials() {
        var m = IamMapper.users(auth(List.of(user("carol")), List.of()), report(ROOT, ALICE)).get(0);
        assertThat(m.unknowns()).containsOnlyKeys("passwordEnabled", "passwordLastUsed", "mfaActive", "accessKeys");
        assertThat(m.unknowns().get("accessKeys")).contains("not in the credential report");
        assertThat(m.failures()).isEmpty();
    }

    @Test
    void usersKeepTheirPoliciesAndLinkToTheirGroupsAndCustomerPolicies() {
        UserDetail bob = user("bob", "ops").toBuilder()
                .attachedManagedPolicies(a -> a.policyName("acme-admin").policyArn("arn:aws:iam::111122223333:policy/acme-admin"),
                        a -> a.policyName("ReadOnlyAccess").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"))
                .userPolicyList(PolicyDetail.builder().policyName("debug").policyDocument(encoded("""
                        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}}""")).build())
                .build();
        GroupDetail ops = GroupDetail.builder().groupName("ops").arn("arn:aws:iam::111122223333:group/ops").build();
        var m = IamMapper.users(auth(List.of(bob), List.of(ops)), report(BOB)).get(0);
        assertThat(m.properties().attachedPolicies()).containsExactly(
                new AttachedPolicy("acme-admin", "arn:aws:iam::111122223333:policy/acme-admin"),
                new AttachedPolicy("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertThat(m.properties().inlinePolicies().get(0).document().statements().get(0).actions()).containsExactly("ec2:Describe*");
        assertThat(m.links()).containsExactly(
                new IamMapper.Link("member-of", AwsTypes.IAM_GROUP, "arn:aws:iam::111122223333:group/ops"),
                new IamMapper.Link("uses", AwsTypes.IAM_POLICY, "arn:aws:iam::111122223333:policy/acme-admin"));
    }

    @Test
    void anInlinePolicyThatDoesNotParseFailsOnlyTheInlinePolicies() {
        UserDetail bob = user("bob").toBuilder()
                .userPolicyList(PolicyDetail.builder().policyName("broken").policyDocument("{not json").build()).build();
        var m = IamMapper.users(auth(List.of(bob), List.of()), report(BOB)).get(0);
        assertThat(m.failures()).containsOnlyKeys("inlinePolicies");
        assertThat(m.properties().mfaActive()).isTrue();
    }

    @Test
    void groupMembersComeFromTheUsersGroupLists() {
        GroupDetail eng = GroupDetail.builder().groupName("engineers").arn("arn:aws:iam::111122223333:group/engineers")
                .attachedManagedPolicies(a -> a.policyName("PowerUserAccess").policyArn("arn:aws:iam::aws:policy/PowerUserAccess")).build();
        GroupDetail empty = GroupDetail.builder().groupName("empty").arn("arn:aws:iam::111122223333:group/empty").build();
        var groups = IamMapper.groups(auth(List.of(user("alice", "engineers"), user("bob"), user("carol", "engineers")), List.of(eng, empty)));
        assertThat(groups.get(0).properties().members()).containsExactly("alice", "carol");
        assertThat(groups.get(0).properties().attachedPolicies()).extracting(AttachedPolicy::name).containsExactly("PowerUserAccess");
        assertThat(groups.get(0).links()).as("AWS managed policies are not emitted, so not linked").isEmpty();
        assertThat(groups.get(1).properties().members()).isEmpty();
    }

    @Test
    void aRoleKeepsItsTrustPolicyInstanceProfilesAndLastUse() {
        RoleDetail d = RoleDetail.builder().roleName("app").arn("arn:aws:iam::111122223333:role/app").path("/")
                .createDate(Instant.parse("2025-08-12T14:26:47Z"))
                .assumeRolePolicyDocument(encoded("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},\
                        "Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"""))
                .instanceProfileList(InstanceProfile.builder().instanceProfileName("app")
                        .arn("arn:aws:iam::111122223333:instance-profile/app").build())
                .roleLastUsed(l -> l.lastUsedDate(Instant.parse("2026-11-19T08:00:00Z")).region("eu-west-1"))
                .tags(t -> t.key("team").value("web"))
                .build();
        var m = IamMapper.role(d);
        Role role = m.properties();
        var trust = role.assumeRolePolicy().statements().get(0);
        assertThat(trust.principals()).containsExactly("ec2.amazonaws.com");
        assertThat(trust.conditions().get(0).key()).isEqualTo("aws:multifactorauthpresent");
        assertThat(role.instanceProfiles()).containsExactly("arn:aws:iam::111122223333:instance-profile/app");
        assertThat(role.lastUsed()).isEqualTo("2026-11-19T08:00:00Z");
        assertThat(role.createDate()).isEqualTo("2025-08-12T14:26:47Z");
        assertThat(m.tags()).isEqualTo(Map.of("team", "web"));
    }

    @Test
    void aRoleNeverUsedHasAnEmptyLastUse() {
        RoleDetail d = RoleDetail.builder().roleName("idle").arn("arn:aws:iam::111122223333:role/idle").path("/")
                .assumeRolePolicyDocument("").roleLastUsed(l -> { }).build();
        assertThat(IamMapper.role(d).properties().lastUsed()).isEmpty();
    }

    @Test
    void aManagedPolicyCarriesItsDefaultVersionsDocument() {
        ManagedPolicyDetail d = ManagedPolicyDetail.builder().policyName("acme-admin").arn("arn:aws:iam::111122223333:policy/acme-admin")
                .defaultVersionId("v2").attachmentCount(1)
                .policyVersionList(
                        PolicyVersion.builder().versionId("v1").isDefaultVersion(false).document(encoded("""
                                {"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""")).build(),
                        PolicyVersion.builder().versionId("v2").isDefaultVersion(true).document(encoded("""
                                {"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")).build())
                .build();
        ManagedPolicy p = IamMapper.policy(d).properties();
        assertThat(p.awsManaged()).isFalse();
        assertThat(p.attachmentCount()).isEqualTo(1L);
        assertThat(p.document().statements()).hasSize(1);
        assertThat(p.document().statements().get(0).actions()).containsExactly("*");
    }

    @Test
    void aPolicyListedWithoutItsNameIsNamedByItsArn() {
        ManagedPolicyDetail d = ManagedPolicyDetail.builder().arn("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess").defaultVersionId("v1")
                .policyVersionList(PolicyVersion.builder().versionId("v1").isDefaultVersion(true).document("{}").build()).build();
        var m = IamMapper.policy(d);
        assertThat(m.name()).isEqualTo("ViewOnlyAccess");
        assertThat(m.properties().awsManaged()).isTrue();
        assertThat(m.properties().attachmentCount()).isZero();
    }

    @Test
    void aPolicyWithoutItsDefaultVersionFailsItsDocument() {
        ManagedPolicyDetail d = ManagedPolicyDetail.builder().policyName("odd").arn("arn:aws:iam::111122223333:policy/odd")
                .defaultVersionId("v3").policyVersionList(List.of()).build();
        var m = IamMapper.policy(d);
        assertThat(m.failures()).containsKey("document");
        assertThat(m.properties().document()).isNull();
    }

    @Test
    void anAccountWithoutAPasswordPolicyHasNoneWithAwsDefaults() {
        Account.PasswordPolicy none = IamMapper.passwordPolicy(null);
        assertThat(none.present()).isFalse();
        assertThat(none.minimumLength()).isEqualTo(8L);
        assertThat(none.reusePrevention()).isZero();
        assertThat(none.maxAgeDays()).isZero();
    }

    @Test
    void aPasswordPolicyMatchesTheConfigAdaptersReading() {
        PasswordPolicy p = PasswordPolicy.builder().minimumPasswordLength(14).requireSymbols(true).requireNumbers(true)
                .requireUppercaseCharacters(true).requireLowercaseCharacters(false).allowUsersToChangePassword(true)
                .expirePasswords(true).maxPasswordAge(90).passwordReusePrevention(24).hardExpiry(false).build();
        assertThat(IamMapper.passwordPolicy(p)).isEqualTo(new Account.PasswordPolicy(true, 14L, true, true, true, false, true, 90L, 24L, false));
        PasswordPolicy noExpiry = p.toBuilder().expirePasswords(false).maxPasswordAge(null).build();
        assertThat(IamMapper.passwordPolicy(noExpiry).maxAgeDays()).isZero();
    }

    static GetAccountSummaryResponse summary(Integer mfa) {
        var m = new java.util.HashMap<String, Integer>(Map.of("Users", 12, "Groups", 3, "Roles", 40, "Policies", 7, "AccountAccessKeysPresent", 0,
                "MFADevicesInUse", 2, "Providers", 1));
        if (mfa != null) m.put("AccountMFAEnabled", mfa);
        return GetAccountSummaryResponse.builder().summaryMapWithStrings(m).build();
    }

    @Test
    void theAccountSummaryLeavesOutWhatIamDoesNotSay() {
        Account.Summary s = IamMapper.summary(summary(1));
        assertThat(s.accountMfaEnabled()).isTrue();
        assertThat(s.accountAccessKeysPresent()).isFalse();
        assertThat(s.users()).isEqualTo(12L);
        assertThat(s.providers()).isEqualTo(1L);
        assertThat(s.serverCertificates()).isNull();
    }

    @Test
    void rootMfaIsHardwareOnlyWhenOnAndNoVirtualDeviceIsTheRoots() {
        VirtualMFADevice rootVirtual = VirtualMFADevice.builder().serialNumber("arn:aws:iam::111122223333:mfa/root-account-mfa-device").build();
        VirtualMFADevice rootByUser = VirtualMFADevice.builder().serialNumber("arn:aws:iam::111122223333:mfa/my-phone")
                .user(u -> u.arn("arn:aws:iam::111122223333:root")).build();
        VirtualMFADevice alices = VirtualMFADevice.builder().serialNumber("arn:aws:iam::111122223333:mfa/alice")
                .user(u -> u.arn("arn:aws:iam::111122223333:user/alice")).build();
        assertThat(IamMapper.rootHardwareMfa(summary(1), List.of(alices), "aws", "111122223333")).isTrue();
        assertThat(IamMapper.rootHardwareMfa(summary(1), List.of(alices, rootVirtual), "aws", "111122223333")).isFalse();
        assertThat(IamMapper.rootHardwareMfa(summary(1), List.of(rootByUser), "aws", "111122223333")).isFalse();
        assertThat(IamMapper.rootHardwareMfa(summary(0), List.of(), "aws", "111122223333")).as("no MFA at all").isFalse();
        assertThat(IamMapper.rootHardwareMfa(summary(null), List.of(), "aws", "111122223333")).as("summary silent").isNull();
    }

    @Test
    void instanceProfilesCertificatesAndSamlProvidersKeepTheirDates() {
        var profile = IamMapper.instanceProfile(InstanceProfile.builder().instanceProfileName("web").path("/")
                .arn("arn:aws:iam::111122223333:instance-profile/web").createDate(Instant.parse("2025-01-01T00:00:00Z"))
                .roles(r -> r.roleName("web").arn("arn:aws:iam::111122223333:role/web")).build());
        assertThat(profile.properties().roles()).containsExactly("arn:aws:iam::111122223333:role/web");
        assertThat(profile.links()).containsExactly(new IamMapper.Link("uses", AwsTypes.IAM_ROLE, "arn:aws:iam::111122223333:role/web"));

        var cert = IamMapper.serverCertificate(ServerCertificateMetadata.builder().serverCertificateName("old-tls").path("/cloudfront/")
                .arn("arn:aws:iam::111122223333:server-certificate/cloudfront/old-tls").serverCertificateId("ASCA")
                .uploadDate(Instant.parse("2019-05-01T00:00:00Z")).expiration(Instant.parse("2020-05-01T00:00:00Z")).build());
        assertThat(cert.properties().expiration()).isEqualTo("2020-05-01T00:00:00Z");
        assertThat(cert.properties().uploadDate()).isEqualTo("2019-05-01T00:00:00Z");

        var saml = IamMapper.samlProvider(SAMLProviderListEntry.builder().arn("arn:aws:iam::111122223333:saml-provider/okta")
                .validUntil(Instant.parse("2032-05-09T16:27:11Z")).createDate(Instant.parse("2024-01-01T00:00:00Z")).build());
        assertThat(saml.name()).isEqualTo("okta");
        assertThat(saml.properties().validUntil()).isEqualTo("2032-05-09T16:27:11Z");
    }
}
