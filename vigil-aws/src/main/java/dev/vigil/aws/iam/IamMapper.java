package dev.vigil.aws.iam;

import dev.vigil.model.aws.iam.PolicyDocuments;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import dev.vigil.model.ResourceType;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.account.Account;
import dev.vigil.model.aws.iam.AttachedPolicy;
import dev.vigil.model.aws.iam.Group;
import dev.vigil.model.aws.iam.InlinePolicy;
import dev.vigil.model.aws.iam.InstanceProfile;
import dev.vigil.model.aws.iam.ManagedPolicy;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.iam.Role;
import dev.vigil.model.aws.iam.SamlProvider;
import dev.vigil.model.aws.iam.ServerCertificate;
import dev.vigil.model.aws.iam.User;
import dev.vigil.model.input.InputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.SAMLProviderListEntry;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * IAM API responses to canonical users, groups, roles, managed policies, instance profiles, server
 * certificates, SAML providers and the account's IAM settings: pure functions, no calls. Values
 * match the AWS Config adapter's for the same configuration ({@code config/IamConfigMapper}).
 */
public final class IamMapper {
    /** The credential fields of a user, all read from the credential report. */
    static final List<String> REPORT_FIELDS = List.of("passwordEnabled", "passwordLastUsed", "mfaActive", "accessKeys");

    private IamMapper() {
    }

    /**
     * One canonical resource: its properties, tags, the properties it could not tell ({@code unknowns})
     * or could not read ({@code failures}), and its links to other resources.
     */
    public record Mapped<T extends Record>(ResourceType type, String id, String name, T properties, Map<String, String> tags,
                                           Map<String, String> unknowns, Map<String, String> failures, List<Link> links) {
    }

    /** A relation to another canonical resource. */
    public record Link(String kind, ResourceType type, String id) {
    }

    /** Every page of one {@code GetAccountAuthorizationDetails} listing, joined. */
    public record Authorization(List<UserDetail> users, List<GroupDetail> groups, List<RoleDetail> roles, List<ManagedPolicyDetail> policies) {

        public static Authorization of(Iterable<GetAccountAuthorizationDetailsResponse> pages) {
            List<UserDetail> users = new ArrayList<>();
            List<GroupDetail> groups = new ArrayList<>();
            List<RoleDetail> roles = new ArrayList<>();
            List<ManagedPolicyDetail> policies = new ArrayList<>();
            for (var page : pages) {
                users.addAll(page.userDetailList());
                groups.addAll(page.groupDetailList());
                roles.addAll(page.roleDetailList());
                policies.addAll(page.policies());
            }
            return new Authorization(users, groups, roles, policies);
        }
    }

    /**
     * The report's CSV, parsed. Text that is not a credential report is a failed read, as a failed
     * call is: the credential fields become ERROR, never a guess.
     */
    public static Read<CredentialReport> credentialReport(Read<GetCredentialReportResponse> response) {
        return switch (response) {
            case Read.Found<GetCredentialReportResponse> f -> {
                try {
                    String text = f.value().content() == null ? "" : f.value().content().asString(StandardCharsets.UTF_8);
                    yield Read.found(CredentialReport.parse("iam:GetCredentialReport", text));
                } catch (InputException e) {
                    yield Read.failed(new ApiFailure("iam:GetCredentialReport", "MalformedReport", e.getMessage(), false, e));
                }
            }
            case Read.Absent<GetCredentialReportResponse> a -> Read.failed(new ApiFailure("iam:GetCredentialReport", "ReportNotPresent",
                    "IAM returned no credential report", false, null));
            case Read.Failed<GetCredentialReportResponse> x -> Read.failed(x.failure());
        };
    }

    /**
     * Users with their credentials from the report. A user the listing has and the report lacks
     * (IAM serves a report up to four hours old) has unknown credentials; a failed report fails them.
     * Users only the report lists are left out: the listing is current, the report may not be.
     */
    public static List<Mapped<User>> users(Authorization auth, Read<CredentialReport> report) {
        Map<String, String> groupArns = new TreeMap<>();
        for (GroupDetail g : auth.groups()) groupArns.put(g.groupName(), g.arn());
        List<Mapped<User>> out = new ArrayList<>();
        for (UserDetail d : auth.users()) {
            Map<String, String> unknowns = new TreeMap<>();
            Map<String, String> failures = new TreeMap<>();
            CredentialReport.Row row = null;
            switch (report) {
                case Read.Found<CredentialReport> f -> {
                    row = f.value().usersByName().get(d.userName());
                    if (row == null) {
                        for (String field : REPORT_FIELDS) {
                            unknowns.put(field, "user " + d.userName() + " is not in the credential report (IAM serves a report up to "
                                    + "4 hours old; the user may be newer)");
                        }
                    }
                }
                case Read.Absent<CredentialReport> a -> {
                    for (String field : REPORT_FIELDS) unknowns.put(field, "no credential report was read");
                }
                case Read.Failed<CredentialReport> x -> {
                    for (String field : REPORT_FIELDS) failures.put(field, x.failure().getMessage());
                }
            }
            List<Link> links = new ArrayList<>();
            for (String g : d.groupList()) links.add(new Link("member-of", AwsTypes.IAM_GROUP, groupArns.get(g)));
            List<AttachedPolicy> attached = attached(d.attachedManagedPolicies(), links);
            User user = new User(d.userName(), d.arn(), time(d.createDate()),
                    row == null ? null : row.passwordEnabled(),
                    row == null ? null : row.passwordLastUsed(),
                    row == null ? null : row.mfaActive(),
                    row == null ? null : row.accessKeys(),
                    List.copyOf(d.groupList()),
                    attached,
                    inline(d.userPolicyList(), failures));
            out.add(new Mapped<>(AwsTypes.IAM_USER, d.arn(), d.userName(), user, tags(d.tags()), unknowns, failures, links));
        }
        return out;
    }

    /** Groups with their members, taken from the users' group lists as the Config adapter does. */
    public static List<Mapped<Group>> groups(Authorization auth) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (UserDetail u : auth.users()) {
            for (String g : u.groupList()) members.computeIfAbsent(g, k -> new ArrayList<>()).add(u.userName());
        }
        List<Mapped<Group>> out = new ArrayList<>();
        for (GroupDetail d : auth.groups()) {
            Map<String, String> failures = new TreeMap<>();
            List<Link> links = new ArrayList<>();
            Group group = new Group(d.groupName(), d.arn(), members.getOrDefault(d.groupName(), List.of()),
                    attached(d.attachedManagedPolicies(), links), inline(d.groupPolicyList(), failures));
            out.add(new Mapped<>(AwsTypes.IAM_GROUP, d.arn(), d.groupName(), group, Map.of(), Map.of(), failures, links));
        }
        return out;
    }

    public static Mapped<Role> role(RoleDetail d) {
        Map<String, String> failures = new TreeMap<>();
        List<Link> links = new ArrayList<>();
        List<String> profiles = d.instanceProfileList().stream().map(software.amazon.awssdk.services.iam.model.InstanceProfile::arn).toList();
        String lastUsed = d.roleLastUsed() == null ? "" : time(d.roleLastUsed().lastUsedDate());
        Role role = new Role(d.roleName(), d.arn(), d.path(), time(d.createDate()),
                document(d.assumeRolePolicyDocument(), "assumeRolePolicy", failures),
                attached(d.attachedManagedPolicies(), links), inline(d.rolePolicyList(), failures), profiles, lastUsed);
        return new Mapped<>(AwsTypes.IAM_ROLE, d.arn(), d.roleName(), role, tags(d.tags()), Map.of(), failures, links);
    }

    /** A managed policy with its default version's document. */
    public static Mapped<ManagedPolicy> policy(ManagedPolicyDetail d) {
        Map<String, String> failures = new TreeMap<>();
        // IAM always names the policy; moto leaves PolicyName out of this listing, and the ARN ends with the name.
        String name = d.policyName() != null ? d.policyName() : d.arn().substring(d.arn().lastIndexOf('/') + 1);
        PolicyDocument document = null;
        for (var v : d.policyVersionList()) {
            if (Boolean.TRUE.equals(v.isDefaultVersion()) || (v.versionId() != null && v.versionId().equals(d.defaultVersionId()))) {
                document = document(v.document(), "document", failures);
            }
        }
        if (document == null && !failures.containsKey("document")) {
            failures.put("document", "iam:GetAccountAuthorizationDetails listed no default version (" + d.defaultVersionId() + ") of " + d.arn());
        }
        ManagedPolicy p = new ManagedPolicy(name, d.arn(), d.arn().contains(":aws:policy/"),
                d.attachmentCount() == null ? 0L : d.attachmentCount().longValue(), document);
        return new Mapped<>(AwsTypes.IAM_POLICY, d.arn(), name, p, Map.of(), Map.of(), failures, List.of());
    }

    public static Mapped<InstanceProfile> instanceProfile(software.amazon.awssdk.services.iam.model.InstanceProfile p) {
        List<Link> links = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (var r : p.roles()) {
            roles.add(r.arn());
            links.add(new Link("uses", AwsTypes.IAM_ROLE, r.arn()));
        }
        InstanceProfile profile = new InstanceProfile(p.instanceProfileName(), p.arn(), p.path(), time(p.createDate()), roles);
        return new Mapped<>(AwsTypes.IAM_INSTANCE_PROFILE, p.arn(), p.instanceProfileName(), profile, tags(p.tags()), Map.of(), Map.of(), links);
    }

    public static Mapped<ServerCertificate> serverCertificate(ServerCertificateMetadata m) {
        ServerCertificate c = new ServerCertificate(m.serverCertificateName(), m.arn(), m.path(), time(m.expiration()), time(m.uploadDate()));
        return new Mapped<>(AwsTypes.IAM_SERVER_CERTIFICATE, m.arn(), m.serverCertificateName(), c, Map.of(), Map.of(), Map.of(), List.of());
    }

    /** The listing gives no name: it is the ARN's last part ({@code arn:aws:iam::111122223333:saml-provider/okta}). */
    public static Mapped<SamlProvider> samlProvider(SAMLProviderListEntry e) {
        String name = e.arn().substring(e.arn().indexOf(":saml-provider/") + ":saml-provider/".length());
        SamlProvider p = new SamlProvider(name, e.arn(), time(e.validUntil()), time(e.createDate()));
        return new Mapped<>(AwsTypes.IAM_SAML_PROVIDER, e.arn(), name, p, Map.of(), Map.of(), Map.of(), List.of());
    }

    /**
     * The password policy; {@code null} (IAM's {@code NoSuchEntity}) is an account that set none,
     * where AWS's defaults apply: 8 characters at least, no single character class required, no
     * expiry, no reuse prevention.
     */
    public static Account.PasswordPolicy passwordPolicy(PasswordPolicy p) {
        if (p == null) return new Account.PasswordPolicy(false, 8L, false, false, false, false, false, 0L, 0L, false);
        boolean expires = Boolean.TRUE.equals(p.expirePasswords());
        return new Account.PasswordPolicy(true, p.minimumPasswordLength() == null ? 8L : p.minimumPasswordLength().longValue(),
                bool(p.requireSymbols()), bool(p.requireNumbers()), bool(p.requireUppercaseCharacters()), bool(p.requireLowercaseCharacters()),
                bool(p.allowUsersToChangePassword()), expires && p.maxPasswordAge() != null ? p.maxPasswordAge().longValue() : 0L,
                p.passwordReusePrevention() == null ? 0L : p.passwordReusePrevention().longValue(), bool(p.hardExpiry()));
    }

    /** The root user from the report's {@code <root_account>} row, as the Config adapter reads it. */
    public static Account.RootUser root(CredentialReport.Row row) {
        return new Account.RootUser(row.mfaActive(), row.activeAccessKeys(), row.passwordLastUsed());
    }

    /** The account summary; a key IAM leaves out is unknown (absent), not zero. */
    public static Account.Summary summary(GetAccountSummaryResponse s) {
        Map<SummaryKeyType, Integer> m = s.summaryMap();
        return new Account.Summary(flag(m, SummaryKeyType.ACCOUNT_MFA_ENABLED), flag(m, SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT),
                flag(m, SummaryKeyType.ACCOUNT_PASSWORD_PRESENT), flag(m, SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT),
                count(m, SummaryKeyType.USERS), count(m, SummaryKeyType.GROUPS), count(m, SummaryKeyType.ROLES), count(m, SummaryKeyType.POLICIES),
                count(m, SummaryKeyType.INSTANCE_PROFILES), count(m, SummaryKeyType.SERVER_CERTIFICATES), count(m, SummaryKeyType.MFA_DEVICES),
                count(m, SummaryKeyType.MFA_DEVICES_IN_USE), count(m, SummaryKeyType.PROVIDERS));
    }

    /**
     * Whether the root user's MFA is a hardware device: MFA is on (the summary's
     * {@code AccountMFAEnabled}) and no assigned virtual MFA device belongs to the root user (its
     * serial is {@code arn:aws:iam::<account>:mfa/root-account-mfa-device}, or the device's user is
     * the root ARN). False without MFA; {@code null} when the summary does not say.
     *
     * @param assigned the account's assigned virtual MFA devices ({@code ListVirtualMFADevices})
     */
    public static Boolean rootHardwareMfa(GetAccountSummaryResponse s, List<VirtualMFADevice> assigned, String partition, String account) {
        Integer mfa = s.summaryMap().get(SummaryKeyType.ACCOUNT_MFA_ENABLED);
        if (mfa == null) return null;
        if (mfa == 0) return false;
        String root = "arn:" + partition + ":iam::" + account + ":root";
        boolean virtual = assigned.stream().anyMatch(d -> (d.serialNumber() != null && d.serialNumber().endsWith(":mfa/root-account-mfa-device"))
                || (d.user() != null && root.equals(d.user().arn())));
        return !virtual;
    }

    /** Managed policies by name and ARN; customer managed ones are also links (AWS managed ones are not emitted). */
    private static List<AttachedPolicy> attached(List<software.amazon.awssdk.services.iam.model.AttachedPolicy> policies, List<Link> links) {
        List<AttachedPolicy> out = new ArrayList<>();
        for (var p : policies) {
            out.add(new AttachedPolicy(p.policyName(), p.policyArn()));
            if (p.policyArn() != null && !p.policyArn().contains(":aws:policy/")) links.add(new Link("uses", AwsTypes.IAM_POLICY, p.policyArn()));
        }
        return out;
    }

    private static List<InlinePolicy> inline(List<PolicyDetail> policies, Map<String, String> failures) {
        List<InlinePolicy> out = new ArrayList<>();
        for (PolicyDetail p : policies) out.add(new InlinePolicy(p.policyName(), document(p.policyDocument(), "inlinePolicies", failures)));
        return out;
    }

    /** IAM returns documents URL-encoded; one that does not parse fails its property instead of the whole collection. */
    private static PolicyDocument document(String text, String path, Map<String, String> failures) {
        try {
            return PolicyDocuments.parse(text);
        } catch (IllegalArgumentException e) {
            failures.put(path, e.getMessage());
            return PolicyDocument.EMPTY;
        }
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        for (Tag t : tags) out.put(t.key(), t.value() == null ? "" : t.value());
        return out;
    }

    private static Boolean flag(Map<SummaryKeyType, Integer> m, SummaryKeyType k) {
        Integer v = m.get(k);
        return v == null ? null : v > 0;
    }

    private static Long count(Map<SummaryKeyType, Integer> m, SummaryKeyType k) {
        Integer v = m.get(k);
        return v == null ? null : v.longValue();
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }

    private static boolean bool(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
