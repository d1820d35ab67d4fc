package dev.vigil.model.aws.account;

import dev.vigil.model.aws.s3.PublicAccessBlock;
import dev.vigil.model.schema.Doc;

/** {@code aws.account}: settings that exist once per account. */
@Doc("Account-wide settings: password policy, root user, IAM summary, account-level S3 Block Public Access.")
public record Account(
        String accountId,
        PasswordPolicy passwordPolicy,
        @Doc("The root user, from the credential report") RootUser root,
        @Doc("Account-level S3 Block Public Access") PublicAccessBlock s3PublicAccessBlock,
        @Doc("IAM's account summary (GetAccountSummary)") Summary summary,
        @Doc("The root user's MFA is a hardware device: MFA is on and no virtual MFA device is assigned to the root user")
        Boolean rootHardwareMfa,
        @Doc("The account's place in AWS Organizations") Organization organization) {

    /** Membership of AWS Organizations, as the account itself sees it (organizations:DescribeOrganization). */
    @Doc("The organization the account belongs to.")
    public record Organization(
            @Doc("The account belongs to an organization") Boolean member,
            @Doc("o-..., empty when not a member") String organizationId,
            @Doc("The management account's id, empty when not a member") String managementAccountId,
            @Doc("This account is the organization's management account") Boolean managementAccount,
            @Doc("ALL (all features, SCPs possible) or CONSOLIDATED_BILLING; empty when not a member") String featureSet) {
    }

    /** The IAM password policy. When the account sets none, {@code present} is false and AWS's defaults apply. */
    @Doc("IAM password policy.")
    public record PasswordPolicy(
            @Doc("The account has set a password policy") Boolean present,
            Long minimumLength,
            Boolean requireSymbols,
            Boolean requireNumbers,
            Boolean requireUppercase,
            Boolean requireLowercase,
            Boolean allowUsersToChangePassword,
            @Doc("Days until a password expires; 0 means never") Long maxAgeDays,
            @Doc("Previous passwords that cannot be reused; 0 means none") Long reusePrevention,
            Boolean hardExpiry) {
    }

    @Doc("The root user's credentials.")
    public record RootUser(
            Boolean mfaActive,
            @Doc("Number of active root access keys") Long activeAccessKeys,
            @Doc("ISO-8601 time of the last console sign-in, empty if never") String passwordLastUsed) {
    }

    /** IAM's own count of the account's entities and root credentials, from {@code GetAccountSummary}. */
    @Doc("IAM account summary.")
    public record Summary(
            @Doc("The root user has MFA enabled") Boolean accountMfaEnabled,
            @Doc("The root user has an access key") Boolean accountAccessKeysPresent,
            @Doc("The root user has a console password") Boolean accountPasswordPresent,
            @Doc("The root user has X.509 signing certificates") Boolean accountSigningCertificatesPresent,
            Long users,
            Long groups,
            Long roles,
            @Doc("Customer managed policies") Long policies,
            Long instanceProfiles,
            Long serverCertificates,
            @Doc("MFA devices, assigned or not") Long mfaDevices,
            @Doc("MFA devices assigned to users or the root user") Long mfaDevicesInUse,
            @Doc("SAML and OpenID Connect identity providers") Long providers) {
    }
}
