package dev.vigil.model.aws.kms;

import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.schema.Doc;

@Doc("A KMS key.")
public record Key(
        String keyId,
        String arn,
        String description,
        @Doc("CUSTOMER or AWS") String keyManager,
        @Doc("SYMMETRIC_DEFAULT, RSA_2048, ...") String keySpec,
        @Doc("ENCRYPT_DECRYPT, SIGN_VERIFY, ...") String keyUsage,
        @Doc("Enabled, Disabled, PendingDeletion, ...") String keyState,
        @Doc("AWS_KMS, EXTERNAL, AWS_CLOUDHSM or EXTERNAL_KEY_STORE") String origin,
        @Doc("Automatic key rotation is on") Boolean rotationEnabled,
        @Doc("The key policy") PolicyDocument policy) {
}
