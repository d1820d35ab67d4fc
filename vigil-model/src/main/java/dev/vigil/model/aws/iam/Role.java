package dev.vigil.model.aws.iam;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("An IAM role with its trust policy and permissions.")
public record Role(
        String name,
        String arn,
        String path,
        String createDate,
        @Doc("Who may assume the role") PolicyDocument assumeRolePolicy,
        List<AttachedPolicy> attachedPolicies,
        List<InlinePolicy> inlinePolicies,
        @Doc("Instance profile ARNs that carry the role") List<String> instanceProfiles,
        @Doc("ISO-8601 time the role was last assumed; empty if not within the 400 days IAM tracks") String lastUsed) {
}
