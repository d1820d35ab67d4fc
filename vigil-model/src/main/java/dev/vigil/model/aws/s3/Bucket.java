package dev.vigil.model.aws.s3;

import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("An S3 bucket and its access, encryption, versioning and logging settings.")
public record Bucket(
        String name,
        String arn,
        String creationDate,
        @Doc("Bucket-level Block Public Access (all false when none is configured)") PublicAccessBlock publicAccessBlock,
        Encryption encryption,
        Versioning versioning,
        Logging logging,
        @Doc("The bucket policy; no statements when the bucket has none") PolicyDocument policy,
        @Doc("ACL grants") List<Grant> aclGrants,
        @Doc("Canonical user id of the bucket owner, as the bucket ACL names it") String ownerId,
        @Doc("Number of lifecycle rules that are enabled") Long lifecycleRules,
        @Doc("Object Lock is enabled") Boolean objectLockEnabled) {

    @Doc("Default encryption.")
    public record Encryption(
            @Doc("A default encryption rule exists") Boolean enabled,
            @Doc("AES256, aws:kms or aws:kms:dsse; empty when disabled") String algorithm,
            @Doc("KMS key for aws:kms, empty otherwise") String kmsKeyId) {
    }

    @Doc("Versioning state.")
    public record Versioning(
            @Doc("Enabled, Suspended or Off") String status,
            Boolean mfaDelete) {
    }

    @Doc("Server access logging.")
    public record Logging(Boolean enabled, String targetBucket, String targetPrefix) {
    }

    /**
     * One ACL grant. {@code grantee} is {@code AllUsers}, {@code AuthenticatedUsers} or
     * {@code LogDelivery} for the predefined groups, otherwise a canonical user id or e-mail.
     * {@code permission} is {@code FullControl}, {@code Read}, {@code Write}, {@code ReadAcp} or
     * {@code WriteAcp}, as AWS Config spells them; the live input converts the S3 API's
     * {@code FULL_CONTROL}, {@code READ_ACP}, ... to these.
     */
    public record Grant(String grantee, String permission) {
    }
}
