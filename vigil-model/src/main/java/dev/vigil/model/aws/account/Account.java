package dev.vigil.model.aws.account;

import dev.vigil.model.aws.s3.PublicAccessBlock;
import dev.vigil.model.schema.Doc;

/** {@code aws.account}: settings that exist once per account. */
@Doc("Account-wide settings: password policy, root user, account-level S3 Block Public Access.")
public record Account(
        String accountId,
        PasswordPolicy passwordPolicy,
        @Doc("The root user, from the credential report") RootUser root,
        @Doc("Account-level S3 Block Public Access") PublicAccessBlock s3PublicAccessBlock) {

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
}
