package dev.vigil.model.aws.iam;

import dev.vigil.model.schema.Doc;

@Doc("An IAM managed policy and the document of its default version.")
public record ManagedPolicy(
        String name,
        String arn,
        @Doc("Owned by AWS (arn:aws:iam::aws:policy/...) rather than by the account") Boolean awsManaged,
        @Doc("How many users, groups and roles it is attached to") Long attachmentCount,
        @Doc("The default version's document") PolicyDocument document) {
}
