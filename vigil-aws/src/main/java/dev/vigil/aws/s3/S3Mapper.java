package dev.vigil.aws.s3;

import dev.vigil.model.aws.iam.PolicyDocuments;
import dev.vigil.aws.live.Failures;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.s3.Bucket;
import dev.vigil.model.aws.s3.PublicAccessBlock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Type;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;

/** S3 API responses to canonical buckets: pure functions, no calls. */
public final class S3Mapper {
    private S3Mapper() {
    }

    /** Everything read about one bucket; each detail is found, absent (AWS's "none") or failed. */
    public record BucketReads(
            String name,
            Instant created,
            Read<GetPublicAccessBlockResponse> publicAccessBlock,
            Read<GetBucketEncryptionResponse> encryption,
            Read<GetBucketVersioningResponse> versioning,
            Read<GetBucketLoggingResponse> logging,
            Read<GetBucketPolicyResponse> policy,
            Read<GetBucketAclResponse> acl,
            Read<GetBucketLifecycleConfigurationResponse> lifecycle,
            Read<GetObjectLockConfigurationResponse> objectLock,
            Read<GetBucketTaggingResponse> tagging) {
    }

    public record Mapped(Bucket bucket, Map<String, String> tags, Map<String, String> failures) {
    }

    public static String arn(String partition, String name) {
        return "arn:" + partition + ":s3:::" + name;
    }

    public static Mapped bucket(String partition, BucketReads r) {
        Failures f = new Failures();
        PublicAccessBlock pab = f.check("publicAccessBlock", r.publicAccessBlock()).map(p -> {
            var c = p.publicAccessBlockConfiguration();
            return new PublicAccessBlock(bool(c.blockPublicAcls()), bool(c.ignorePublicAcls()), bool(c.blockPublicPolicy()),
                    bool(c.restrictPublicBuckets()));
        }, PublicAccessBlock.NONE);
        Bucket.Encryption encryption = f.check("encryption", r.encryption()).map(e -> {
            var rules = e.serverSideEncryptionConfiguration() == null ? List.<software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule>of()
                    : e.serverSideEncryptionConfiguration().rules();
            for (var rule : rules) {
                var d = rule.applyServerSideEncryptionByDefault();
                if (d != null && d.sseAlgorithmAsString() != null) {
                    return new Bucket.Encryption(true, d.sseAlgorithmAsString(), d.kmsMasterKeyID() == null ? "" : d.kmsMasterKeyID());
                }
            }
            return new Bucket.Encryption(false, "", "");
        }, new Bucket.Encryption(false, "", ""));
        Bucket.Versioning versioning = f.check("versioning", r.versioning()).map(v -> new Bucket.Versioning(
                v.statusAsString() == null || v.statusAsString().isEmpty() ? "Off" : v.statusAsString(),
                "Enabled".equals(v.mfaDeleteAsString())), new Bucket.Versioning("Off", false));
        Bucket.Logging logging = f.check("logging", r.logging()).map(l -> l.loggingEnabled() == null
                ? new Bucket.Logging(false, "", "")
                : new Bucket.Logging(true, l.loggingEnabled().targetBucket(), nz(l.loggingEnabled().targetPrefix())),
                new Bucket.Logging(false, "", ""));
        PolicyDocument policy = f.check("policy", r.policy()).map(p -> PolicyDocuments.parse(p.policy()), PolicyDocuments.parse(""));
        List<Bucket.Grant> grants = f.check("aclGrants", r.acl()).map(a -> grants(a.grants()), List.of());
        String ownerId = f.check("ownerId", r.acl()).map(a -> a.owner() == null ? "" : nz(a.owner().id()), "");
        Long lifecycle = f.check("lifecycleRules", r.lifecycle()).map(l -> l.rules().stream()
                .filter(x -> "Enabled".equals(x.statusAsString())).count(), 0L);
        Boolean objectLock = f.check("objectLockEnabled", r.objectLock()).map(o -> o.objectLockConfiguration() != null
                && "Enabled".equals(o.objectLockConfiguration().objectLockEnabledAsString()), false);
        Map<String, String> tags = new TreeMap<>();
        f.check("tags", r.tagging()).map(t -> {
            t.tagSet().forEach(x -> tags.put(x.key(), x.value()));
            return tags;
        }, tags);
        Bucket b = new Bucket(r.name(), arn(partition, r.name()), r.created() == null ? "" : r.created().toString(), pab, encryption, versioning,
                logging, policy, grants, ownerId, lifecycle, objectLock);
        Map<String, String> failures = new TreeMap<>(f.byPath());
        failures.remove("tags");
        return new Mapped(b, tags, failures);
    }

    /** Predefined groups by their short names, as the AWS Config adapter gives them. */
    static List<Bucket.Grant> grants(List<Grant> grants) {
        List<Bucket.Grant> out = new ArrayList<>();
        for (Grant g : grants) {
            var who = g.grantee();
            String grantee;
            if (who == null) grantee = "";
            else if (who.type() == Type.GROUP && who.uri() != null) grantee = who.uri().substring(who.uri().lastIndexOf('/') + 1);
            else if (who.type() == Type.AMAZON_CUSTOMER_BY_EMAIL) grantee = nz(who.emailAddress());
            else grantee = nz(who.id());
            out.add(new Bucket.Grant(grantee, permission(g.permissionAsString())));
        }
        return out;
    }

    /**
     * The S3 API spells permissions FULL_CONTROL, READ_ACP; AWS Config spells them FullControl,
     * ReadAcp. The canonical bucket takes Config's spelling, whichever input read it.
     */
    static String permission(String api) {
        if (api == null) return "";
        StringBuilder out = new StringBuilder();
        for (String part : api.toLowerCase(java.util.Locale.ROOT).split("_")) {
            if (!part.isEmpty()) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** The account-level Block Public Access (s3control), all off when none is configured. */
    public static PublicAccessBlock accountBlock(PublicAccessBlockConfiguration c) {
        if (c == null) return PublicAccessBlock.NONE;
        return new PublicAccessBlock(bool(c.blockPublicAcls()), bool(c.ignorePublicAcls()), bool(c.blockPublicPolicy()),
                bool(c.restrictPublicBuckets()));
    }

    /** GetBucketLocation answers empty for us-east-1 and "EU" for the oldest Irish buckets. */
    public static String region(String locationConstraint) {
        if (locationConstraint == null || locationConstraint.isEmpty() || locationConstraint.equals("null")) return "us-east-1";
        if (locationConstraint.equals("EU")) return "eu-west-1";
        return locationConstraint;
    }

    private static boolean bool(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
