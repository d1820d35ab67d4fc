package dev.vigil.model.aws.sns;

import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.schema.Doc;

@Doc("An SNS topic: its encryption, access policy and subscriptions.")
public record Topic(
        String name,
        String arn,
        String displayName,
        @Doc("KMS key (id, ARN or alias) that encrypts messages at rest, empty when unencrypted (FSBP SNS.1)") String kmsMasterKeyId,
        @Doc("A FIFO topic") Boolean fifo,
        @Doc("Subscriptions confirmed by their endpoint") Long confirmedSubscriptions,
        @Doc("Subscriptions waiting for their endpoint's confirmation") Long pendingSubscriptions,
        @Doc("The topic's access policy") PolicyDocument policy) {
}
