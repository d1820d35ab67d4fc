package dev.vigil.model.aws.iam;

import dev.vigil.model.schema.Doc;
import java.util.List;

/**
 * {@code aws.iam.user}. The credential fields (password, MFA, access keys) come from the IAM
 * credential report; inputs without it (AWS Config) leave them unknown.
 */
@Doc("An IAM user with its credentials, groups and policies.")
public record User(
        String name,
        String arn,
        @Doc("ISO-8601 creation time") String createDate,
        @Doc("The user can sign in to the console") Boolean passwordEnabled,
        @Doc("ISO-8601 time of the last console sign-in, empty if never") String passwordLastUsed,
        @Doc("An MFA device is active") Boolean mfaActive,
        @Doc("Access keys 1 and 2 as the credential report lists them") List<AccessKey> accessKeys,
        @Doc("Names of the groups the user belongs to") List<String> groups,
        List<AttachedPolicy> attachedPolicies,
        List<InlinePolicy> inlinePolicies) {

    /**
     * One access key. Dates are ISO-8601; {@code lastUsed} is empty when the key was never used.
     */
    public record AccessKey(Boolean active, String lastRotated, String lastUsed) {
    }
}
