package dev.vigil.iac.cloudformation.aws.s3;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.s3.Bucket;
import dev.vigil.model.aws.s3.PublicAccessBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::S3::Bucket} (with the {@code AWS::S3::BucketPolicy} that names it) to
 * {@code aws.s3.bucket}. Absent settings take what AWS gives a bucket created today, which is
 * what AWS Config then records for it:
 * <ul>
 *   <li>Block Public Access: all four switches on (the default for new buckets since April 2023);
 *       a {@code PublicAccessBlockConfiguration} that is given sets the switches it omits to false;</li>
 *   <li>default encryption: SSE-S3 (AES256), applied to every new bucket since January 2023;</li>
 *   <li>versioning Off, MFA delete off (CloudFormation cannot turn MFA delete on), no logging, no
 *       lifecycle rules, no Object Lock, no bucket policy, and an ACL granting only the owner.</li>
 * </ul>
 */
public final class S3Mapper {
    static final String UNTIL_DEPLOY = "known only after deploy";
    /**
     * The bucket owner's canonical id is known only after deploy; the ACL a template writes is
     * relative to it, so the canonical document names the owner with this symbol, which the
     * owner's own grant would carry too.
     */
    static final String OWNER = "${AWS::CanonicalUserId}";

    private S3Mapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::S3::Bucket")) bucket(r, stack);
    }

    private static void bucket(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = a.string("BucketName", "name");
        if (name == null && !a.has("BucketName")) a.unknown("name", "the bucket has no BucketName, so CloudFormation generates one at deploy");
        // a bucket's ARN has no account or region: with its name, it is known
        if (name == null) a.unknown("arn", "the bucket's name, hence its ARN, is " + UNTIL_DEPLOY);
        a.unknown("creationDate", UNTIL_DEPLOY);

        Attrs pab = a.block("PublicAccessBlockConfiguration", "publicAccessBlock");
        PublicAccessBlock block = !a.has("PublicAccessBlockConfiguration") ? new PublicAccessBlock(true, true, true, true)
                : new PublicAccessBlock(pab.bool("BlockPublicAcls", "publicAccessBlock.blockPublicAcls", false),
                pab.bool("IgnorePublicAcls", "publicAccessBlock.ignorePublicAcls", false),
                pab.bool("BlockPublicPolicy", "publicAccessBlock.blockPublicPolicy", false),
                pab.bool("RestrictPublicBuckets", "publicAccessBlock.restrictPublicBuckets", false));

        Bucket.Encryption encryption = new Bucket.Encryption(true, "AES256", "");
        if (a.has("BucketEncryption")) {
            List<Attrs> rules = a.block("BucketEncryption", "encryption").blocks("ServerSideEncryptionConfiguration", "encryption");
            Attrs def = rules.isEmpty() ? null : rules.get(0).block("ServerSideEncryptionByDefault", "encryption");
            if (def != null) {
                String algorithm = def.string("SSEAlgorithm", "encryption.algorithm");
                String key = stack.idOf(def, "KMSMasterKeyID", "encryption.kmsKeyId", "");
                encryption = new Bucket.Encryption(true, algorithm, key);
            }
        }

        Attrs v = a.block("VersioningConfiguration", "versioning");
        String status = a.has("VersioningConfiguration") ? v.string("Status", "versioning.status", "Off") : "Off";

        Bucket.Logging logging = new Bucket.Logging(false, "", "");
        if (a.has("LoggingConfiguration")) {
            Attrs l = a.block("LoggingConfiguration", "logging");
            // without a destination, S3 logs the bucket into itself
            String target = l.has("DestinationBucketName") ? stack.idOf(l, "DestinationBucketName", "logging.targetBucket", "") : (name == null ? Stack.symbol(r) : name);
            logging = new Bucket.Logging(true, target, l.string("LogFilePrefix", "logging.targetPrefix", ""));
        }

        long lifecycle = 0;
        for (Attrs rule : a.block("LifecycleConfiguration", "lifecycleRules").blocks("Rules", "lifecycleRules")) {
            if ("Enabled".equalsIgnoreCase(rule.string("Status", "lifecycleRules"))) lifecycle++;
        }

        PolicyDocument policy = PolicyDocument.EMPTY;
        for (CfnResource p : stack.pointingAt(r, "AWS::S3::BucketPolicy", "Bucket")) {
            policy = Stack.policy(p.properties().get("PolicyDocument"), a, "policy");
        }

        // a whole setting that is unresolved (an Fn::If on an undecidable condition) is unknown, not its defaults
        Bucket bucket = new Bucket(name, name == null ? null : "arn:aws:s3:::" + name, null,
                a.unresolved("PublicAccessBlockConfiguration") ? null : block,
                a.unresolved("BucketEncryption") ? null : encryption,
                a.unresolved("VersioningConfiguration") ? null : new Bucket.Versioning(status, false),
                a.unresolved("LoggingConfiguration") ? null : logging, policy, grants(a.string("AccessControl", "aclGrants", "Private")), OWNER,
                a.unresolved("LifecycleConfiguration") || a.unknowns().containsKey("lifecycleRules") ? null : lifecycle,
                a.bool("ObjectLockEnabled", "objectLockEnabled", false));
        stack.add(r, AwsTypes.S3_BUCKET, name, bucket, a.unknowns(), List.of());
    }

    /** The grants of a canned ACL, the owner's first, as AWS Config spells grantees and permissions. */
    static List<Bucket.Grant> grants(String cannedAcl) {
        if (cannedAcl == null) return null;
        List<Bucket.Grant> out = new ArrayList<>();
        out.add(new Bucket.Grant(OWNER, "FullControl"));
        switch (cannedAcl) {
            case "PublicRead" -> out.add(new Bucket.Grant("AllUsers", "Read"));
            case "PublicReadWrite" -> {
                out.add(new Bucket.Grant("AllUsers", "Read"));
                out.add(new Bucket.Grant("AllUsers", "Write"));
            }
            case "AuthenticatedRead" -> out.add(new Bucket.Grant("AuthenticatedUsers", "Read"));
            case "LogDeliveryWrite" -> {
                out.add(new Bucket.Grant("LogDelivery", "Write"));
                out.add(new Bucket.Grant("LogDelivery", "ReadAcp"));
            }
            default -> {
                // Private, BucketOwnerRead, BucketOwnerFullControl, AwsExecRead: nothing beyond the owner that matters here
            }
        }
        return out;
    }
}
