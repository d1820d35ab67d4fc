package dev.vigil.aws.live;

import static dev.vigil.aws.live.LiveFixture.only;
import static dev.vigil.aws.live.LiveFixture.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.AwsCollectors;
import dev.vigil.aws.iam.IamCollector;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceType;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.input.Collected;
import dev.vigil.model.schema.RecordSchemas;
import dev.vigil.testkit.aws.IamSeed;
import dev.vigil.testkit.aws.SeedClients;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * IAM collected from moto after {@link IamSeed}, then again once the password policy is deleted.
 * moto's own answers shape some expectations: its credential report has no root row, every server
 * certificate expired in 2012, and GetAccountAuthorizationDetails leaves policy names out.
 */
class IamLiveTest {
    static final String ACCOUNT = LiveFixture.ACCOUNT;
    static Collected collected;
    static Collected withoutPasswordPolicy;
    static Set<String> operations;

    @BeforeAll
    static void seedAndCollect() {
        LiveFixture.moto().reset();
        new IamSeed().plant(new SeedClients(LiveFixture.moto().endpoint()));
        try (IamClient iam = seed(IamClient.builder(), "us-east-1")) {
            iam.putRolePolicy(p -> p.roleName("good-app-role").policyName("write-logs").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"*"}]}"""));
            AwsLiveInput input = new AwsLiveInput(LiveFixture.options(LiveFixture.moto().endpoint(), Set.of("iam")), AwsCollectors.standard(),
                    Progress.none(), Clock.systemUTC());
            collected = input.collect();
            operations = input.operationsCalled();
            iam.deleteAccountPasswordPolicy();
        }
        withoutPasswordPolicy = LiveFixture.collect(Set.of("iam"));
    }

    static Map<String, Object> props(String type, String name) {
        return only(collected, type, name).properties();
    }

    /** The value at a path of map keys and list indexes. */
    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> doc, String... path) {
        Object v = doc;
        for (String p : path) v = p.matches("\\d+") ? ((List<Object>) v).get(Integer.parseInt(p)) : ((Map<String, Object>) v).get(p);
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Map<String, Object> doc, String... path) {
        return (Map<String, Object>) at(doc, path);
    }

    @Test
    void theCollectionIsCompleteWithoutGaps() {
        assertThat(collected.gaps()).as("only the services left out").allMatch(g -> g.reason().startsWith("not scanned"));
        for (Resource r : collected.resources()) {
            if (r.type().startsWith("aws.iam.")) {
                assertThat(r.failures()).as(r.id()).isEmpty();
                assertThat(r.region()).isEqualTo("global");
                assertThat(r.id()).startsWith("arn:aws:iam::" + ACCOUNT + ":");
            }
        }
    }

    @Test
    void everyDocumentMatchesItsTypesSchema() {
        Set<String> types = new TreeSet<>();
        for (Resource r : collected.resources()) {
            ResourceType type = AwsTypes.ALL.stream().filter(t -> t.id().equals(r.type())).findFirst().orElseThrow();
            assertThat(RecordSchemas.of(type.model()).validate(r.properties())).as(r.id()).isEmpty();
            types.add(r.type());
        }
        assertThat(types).contains("aws.iam.user", "aws.iam.group", "aws.iam.role", "aws.iam.policy", "aws.iam.instance-profile",
                "aws.iam.server-certificate", "aws.iam.saml-provider", "aws.account");
    }

    @Test
    void usersCarryTheirCredentialsFromTheReport() {
        Map<String, Object> noMfa = props("aws.iam.user", "bad-user-no-mfa");
        assertThat(noMfa).containsEntry("passwordEnabled", true).containsEntry("mfaActive", false).containsEntry("passwordLastUsed", "")
                .containsEntry("arn", "arn:aws:iam::" + ACCOUNT + ":user/bad-user-no-mfa").containsEntry("groups", List.of("good-group"));

        Map<String, Object> good = props("aws.iam.user", "good-user");
        assertThat(good).containsEntry("passwordEnabled", true).containsEntry("mfaActive", true);
        assertThat(obj(good, "accessKeys", "0")).containsEntry("active", true).containsEntry("lastUsed", "");
        assertThat((String) at(good, "accessKeys", "0", "lastRotated")).isNotEmpty();
        assertThat(obj(good, "accessKeys", "1")).containsEntry("active", false);

        Map<String, Object> twoKeys = props("aws.iam.user", "bad-user-two-keys");
        assertThat(obj(twoKeys, "accessKeys", "0")).containsEntry("active", true);
        assertThat(obj(twoKeys, "accessKeys", "1")).containsEntry("active", true);
        assertThat(props("aws.iam.user", "good-service-user")).containsEntry("passwordEnabled", false);
    }

    @Test
    void directAndInlineUserPoliciesAreKeptWithTheirDocuments() {
        String admin = "arn:aws:iam::" + ACCOUNT + ":policy/bad-admin-policy";
        Resource direct = only(collected, "aws.iam.user", "bad-user-direct-policy");
        assertThat(at(direct.properties(), "attachedPolicies", "0")).isEqualTo(Map.of("name", "bad-admin-policy", "arn", admin));
        assertThat(direct.relations()).contains(new Relation("uses", "aws.iam.policy", admin));

        Map<String, Object> inline = props("aws.iam.user", "bad-user-inline-policy");
        assertThat(at(inline, "inlinePolicies", "0", "name")).isEqualTo("debug-ec2");
        assertThat(at(inline, "inlinePolicies", "0", "document", "statements", "0", "actions")).isEqualTo(List.of("ec2:Describe*"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void groupsListTheirMembersAndPolicies() {
        Resource group = only(collected, "aws.iam.group", "good-group");
        assertThat((List<Object>) at(group.properties(), "members"))
                .containsExactlyInAnyOrder("bad-user-no-mfa", "bad-user-two-keys", "good-user", "good-service-user");
        assertThat(at(group.properties(), "attachedPolicies", "0", "name")).isEqualTo("good-readonly-policy");
        assertThat(only(collected, "aws.iam.user", "good-user").relations())
                .contains(new Relation("member-of", "aws.iam.group", "arn:aws:iam::" + ACCOUNT + ":group/good-group"));
    }

    @Test
    void rolesKeepTheirTrustPoliciesProfilesAndPolicies() {
        Map<String, Object> app = props("aws.iam.role", "good-app-role");
        assertThat(at(app, "assumeRolePolicy", "statements", "0", "principals")).isEqualTo(List.of("ec2.amazonaws.com"));
        assertThat(at(app, "instanceProfiles")).isEqualTo(List.of("arn:aws:iam::" + ACCOUNT + ":instance-profile/good-app-profile"));
        assertThat(at(app, "inlinePolicies", "0", "document", "statements", "0", "actions")).isEqualTo(List.of("logs:PutLogEvents"));
        assertThat(app).containsEntry("lastUsed", "").containsEntry("path", "/");

        Map<String, Object> support = props("aws.iam.role", "good-support-role");
        assertThat(at(support, "assumeRolePolicy", "statements", "0", "principals")).isEqualTo(List.of("arn:aws:iam::" + ACCOUNT + ":root"));
        assertThat(at(support, "assumeRolePolicy", "statements", "0", "conditions", "0", "key")).isEqualTo("aws:multifactorauthpresent");
        assertThat(at(support, "attachedPolicies", "0", "arn")).as("moto loads AWS managed policies when MotoServer starts it")
                .isEqualTo(IamSeed.AWS_SUPPORT_ACCESS);
    }

    @Test
    void onlyCustomerManagedPoliciesAreEmittedWithTheirDefaultDocument() {
        Map<String, Object> admin = props("aws.iam.policy", "bad-admin-policy");
        assertThat(admin).containsEntry("awsManaged", false).containsEntry("attachmentCount", 1L);
        assertThat(at(admin, "document", "statements", "0", "actions")).isEqualTo(List.of("*"));
        assertThat(at(admin, "document", "statements", "0", "resources")).isEqualTo(List.of("*"));
        assertThat(props("aws.iam.policy", "good-readonly-policy")).containsEntry("attachmentCount", 2L);
        assertThat(collected.resources()).filteredOn(r -> r.type().equals("aws.iam.policy")).extracting(Resource::name)
                .containsExactlyInAnyOrder("bad-admin-policy", "good-readonly-policy");
    }

    @Test
    void instanceProfilesCertificatesAndSamlProvidersAreListed() {
        Resource profile = only(collected, "aws.iam.instance-profile", "good-app-profile");
        String role = "arn:aws:iam::" + ACCOUNT + ":role/good-app-role";
        assertThat(at(profile.properties(), "roles")).isEqualTo(List.of(role));
        assertThat(profile.relations()).containsExactly(new Relation("uses", "aws.iam.role", role));

        assertThat(props("aws.iam.server-certificate", "legacy-server-certificate"))
                .containsEntry("arn", "arn:aws:iam::" + ACCOUNT + ":server-certificate/legacy-server-certificate")
                .containsEntry("expiration", "2012-05-08T01:02:03.004Z").containsEntry("uploadDate", "2010-05-08T01:02:03.004Z");

        assertThat(props("aws.iam.saml-provider", "good-idp")).containsEntry("arn", "arn:aws:iam::" + ACCOUNT + ":saml-provider/good-idp")
                .containsEntry("validUntil", "2032-05-09T16:27:11Z").containsKey("createDate");
    }

    @Test
    void theAccountHasItsPasswordPolicySummaryAndRootMfaKind() {
        Resource account = only(collected, "aws.account", ACCOUNT);
        Map<String, Object> p = account.properties();
        assertThat(obj(p, "passwordPolicy")).containsEntry("present", true).containsEntry("minimumLength", 14L)
                .containsEntry("reusePrevention", 24L).containsEntry("maxAgeDays", 90L).containsEntry("requireSymbols", true);
        assertThat(obj(p, "summary")).containsEntry("users", 6L).containsEntry("groups", 1L).containsEntry("policies", 2L)
                .containsEntry("accountMfaEnabled", false);
        assertThat(p).containsEntry("rootHardwareMfa", false);
        assertThat(account.failures()).doesNotContainKeys("passwordPolicy", "root", "summary", "rootHardwareMfa");
        // moto's credential report has no <root_account> row.
        assertThat(account.unknownReason("root")).contains("<root_account>");
    }

    @Test
    void anAccountWithoutAPasswordPolicyHasOneThatIsNotPresent() {
        Resource account = only(withoutPasswordPolicy, "aws.account", ACCOUNT);
        assertThat(obj(account.properties(), "passwordPolicy")).containsEntry("present", false);
        assertThat(account.failures()).isEmpty();
    }

    @Test
    void theCollectorCallsOnlyTheActionsItDeclares() {
        Set<String> declared = new TreeSet<>();
        for (String a : new IamCollector().actions()) declared.add(a.toLowerCase());
        assertThat(operations).isNotEmpty();
        for (String op : operations) {
            if (!op.startsWith("IAM:")) continue;
            assertThat(declared).as(op).contains("iam:" + op.substring(4).toLowerCase());
        }
    }
}
