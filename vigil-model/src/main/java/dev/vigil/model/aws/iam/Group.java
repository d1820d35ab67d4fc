package dev.vigil.model.aws.iam;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("An IAM group with its members and policies.")
public record Group(
        String name,
        String arn,
        @Doc("User names, as the users' group lists give them") List<String> members,
        List<AttachedPolicy> attachedPolicies,
        List<InlinePolicy> inlinePolicies) {
}
