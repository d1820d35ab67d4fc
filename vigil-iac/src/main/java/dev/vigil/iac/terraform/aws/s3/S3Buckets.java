package dev.vigil.iac.terraform.aws.s3;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.iac.terraform.aws.Policies;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.s3.Bucket;
import dev.vigil.model.aws.s3.PublicAccessBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code aws_s3_bucket} with the split resources of provider v4+ that configure it (public access
 * block, encryption, versioning, policy, ACL, logging, lifecycle, Object Lock), and the inline
 * arguments of provider v3, into {@code aws.s3.bucket}. Absent settings take what AWS applies to a
 * new bucket, so the document reads as AWS Config would record the deployed bucket.
 */
public final class S3Buckets {
    public static final List<String> SPLITS = List.of("aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration",
            "aws_s3_bucket_versioning", "aws_s3_bucket_policy", "aws_s3_bucket_acl", "aws_s3_bucket_logging",
            "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_object_lock_configuration");

    private S3Buckets() {
    }

    /**
     * The bucket owner when the ACL does not name it: its canonical id exists only after deploy, so
     * the document names it as Terraform would look it up. Grants written to anyone else differ from
     * it, so "the ACL grants only the owner" is decided; a grant to the owner's id written out
     * literally reads as someone else (a false FAIL, never a false PASS). CloudFormation does the
     * same with {@code ${AWS::CanonicalUserId}}.
     */
    static final String OWNER = "${data.aws_canonical_user_id.current.id}";

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "bucket", "name");
        List<String> keys = Joins.keys(r, "bucket", "id", "arn");

        Attrs acl = split(r, joins, "aws_s3_bucket_acl", keys);
        String owner = acl == null ? null : acl.block("access_control_policy", "ownerId").block("owner", "ownerId").string("id", "ownerId");
        Bucket bucket = new Bucket(name, a.string("arn", "arn"), null,
                publicAccessBlock(a, split(r, joins, "aws_s3_bucket_public_access_block", keys)),
                encryption(a, r, split(r, joins, "aws_s3_bucket_server_side_encryption_configuration", keys)),
                versioning(a, split(r, joins, "aws_s3_bucket_versioning", keys)),
                logging(a, split(r, joins, "aws_s3_bucket_logging", keys)),
                policy(a, split(r, joins, "aws_s3_bucket_policy", keys)),
                grants(a, acl, owner),
                owner != null ? owner : OWNER,
                lifecycleRules(a, split(r, joins, "aws_s3_bucket_lifecycle_configuration", keys)),
                objectLock(a, split(r, joins, "aws_s3_bucket_object_lock_configuration", keys)));
        return Canon.resource(r, AwsTypes.S3_BUCKET, name, bucket, a, List.of());
    }

    /** The last split of a type configuring the bucket (Terraform allows one; a second would fight the first at apply). */
    private static Attrs split(TfResource r, Joins joins, String type, List<String> keys) {
        List<TfResource> found = joins.splits(r, type, "bucket", keys);
        return found.isEmpty() ? null : Canon.attrs(found.get(found.size() - 1));
    }

    /** No {@code aws_s3_bucket_public_access_block}: all four switches off, as on a new bucket. Each argument defaults to false. */
    static PublicAccessBlock publicAccessBlock(Attrs a, Attrs pab) {
        if (pab == null) return PublicAccessBlock.NONE;
        PublicAccessBlock p = new PublicAccessBlock(pab.bool("block_public_acls", "publicAccessBlock.blockPublicAcls", false),
                pab.bool("ignore_public_acls", "publicAccessBlock.ignorePublicAcls", false),
                pab.bool("block_public_policy", "publicAccessBlock.blockPublicPolicy", false),
                pab.bool("restrict_public_buckets", "publicAccessBlock.restrictPublicBuckets", false));
        Joins.merge(a, pab);
        return p;
    }

    /**
     * The split resource, else the v3 inline block. With neither, the bucket still has default
     * encryption: since January 2023 S3 applies SSE-S3 (AES256) to every new bucket, and AWS Config
     * and the API then report a rule with {@code AES256}, so that is what the deployed bucket shows.
     */
    static Bucket.Encryption encryption(Attrs a, TfResource r, Attrs sse) {
        Attrs source = sse != null ? sse : a.has("server_side_encryption_configuration")
                ? a.block("server_side_encryption_configuration", "encryption") : null;
        if (source == null) return new Bucket.Encryption(true, "AES256", "");
        Attrs rule = source.block("rule", "encryption");
        Attrs byDefault = rule.block("apply_server_side_encryption_by_default", "encryption");
        String algorithm = byDefault.string("sse_algorithm", "encryption.algorithm");
        String key = Canon.referenceOr(byDefault, r, "kms_master_key_id", "encryption.kmsKeyId", "");
        if (sse != null) Joins.merge(a, sse);
        if (algorithm == null && !byDefault.unresolved("sse_algorithm") && !a.unknowns().containsKey("encryption")) {
            // A configuration resource without a default rule leaves the S3 default in place.
            return new Bucket.Encryption(true, "AES256", "");
        }
        // A default rule exists, even when its algorithm is not known yet.
        return new Bucket.Encryption(true, algorithm, key);
    }

    /** Versioning {@code Enabled}, {@code Suspended}; the provider's {@code Disabled} and no configuration are {@code Off}. */
    static Bucket.Versioning versioning(Attrs a, Attrs v) {
        if (v != null) {
            Attrs c = v.block("versioning_configuration", "versioning");
            String status = c.string("status", "versioning.status");
            String mfa = c.string("mfa_delete", "versioning.mfaDelete");
            Joins.merge(a, v);
            return new Bucket.Versioning(status == null ? null : status.equals("Disabled") ? "Off" : status,
                    mfa == null && c.unresolved("mfa_delete") ? null : "Enabled".equals(mfa));
        }
        if (a.has("versioning")) {
            Attrs legacy = a.block("versioning", "versioning");
            Boolean enabled = legacy.bool("enabled", "versioning.status", false);
            Boolean mfa = legacy.bool("mfa_delete", "versioning.mfaDelete", false);
            // Provider v3 cannot tell a bucket never versioned from a suspended one when enabled is false.
            return new Bucket.Versioning(enabled == null ? null : enabled ? "Enabled" : "Off", mfa);
        }
        return new Bucket.Versioning("Off", false);
    }

    static Bucket.Logging logging(Attrs a, Attrs l) {
        Attrs source = l;
        if (source == null && a.has("logging")) {
            List<Attrs> blocks = a.blocks("logging", "logging");
            source = blocks.isEmpty() ? null : blocks.get(0);
        }
        if (source == null) return new Bucket.Logging(false, "", "");
        String target = source.string("target_bucket", "logging.targetBucket");
        String prefix = source.string("target_prefix", "logging.targetPrefix", "");
        if (l != null) Joins.merge(a, l);
        return new Bucket.Logging(true, target, prefix);
    }

    static PolicyDocument policy(Attrs a, Attrs p) {
        if (p != null) {
            PolicyDocument d = Policies.read(p, "policy", "policy", PolicyDocument.EMPTY);
            Joins.merge(a, p);
            return d;
        }
        return Policies.read(a, "policy", "policy", PolicyDocument.EMPTY);
    }

    /**
     * ACL grants as AWS Config spells them ({@code AllUsers}, {@code Read}).
     *
     * <p>When the ACL names the owner ({@code access_control_policy.owner.id}), every grant is kept,
     * as AWS Config lists them. Otherwise the owner's own FULL_CONTROL grant, which every bucket has,
     * is left out: its grantee is the owner's canonical id, not known before deploy, and it never
     * opens a bucket. A canonical-user grant of FULL_CONTROL alone is taken for that grant; any other
     * canonical-user grant is kept, and differs from the symbolic {@link #OWNER}.
     */
    static List<Bucket.Grant> grants(Attrs a, Attrs acl, String owner) {
        List<Bucket.Grant> out = new ArrayList<>();
        Attrs source = acl != null ? acl : a;
        List<Attrs> explicit = new ArrayList<>();
        if (acl != null) {
            Attrs policy = acl.block("access_control_policy", "aclGrants");
            explicit.addAll(policy.blocks("grant", "aclGrants"));
        } else {
            explicit.addAll(a.blocks("grant", "aclGrants"));
        }
        for (Attrs g : explicit) {
            Attrs grantee = acl != null ? g.block("grantee", "aclGrants") : g;
            String type = grantee.string("type", "aclGrants");
            String who = "Group".equals(type) ? group(grantee.string("uri", "aclGrants")) : grantee.string("id", "aclGrants");
            if ("AmazonCustomerByEmail".equals(type)) who = grantee.string("email_address", "aclGrants");
            List<String> permissions = acl != null ? g.strings("permission", "aclGrants") : g.strings("permissions", "aclGrants");
            if (who == null || permissions == null) continue;
            boolean canonical = !"Group".equals(type) && !"AmazonCustomerByEmail".equals(type);
            if (owner == null && canonical && permissions.size() == 1 && permissions.get(0).equals("FULL_CONTROL")) continue;
            for (String p : permissions) out.add(new Bucket.Grant(who, permission(p)));
        }
        if (explicit.isEmpty()) {
            String canned = source.string("acl", "aclGrants", "private");
            if (canned == null) {
                if (acl != null) Joins.merge(a, acl);
                return null;
            }
            out.addAll(canned(canned));
        }
        if (acl != null) Joins.merge(a, acl);
        return out;
    }

    /** The grants a canned ACL adds besides the owner's FULL_CONTROL. */
    static List<Bucket.Grant> canned(String acl) {
        return switch (acl) {
            case "public-read" -> List.of(new Bucket.Grant("AllUsers", "Read"));
            case "public-read-write" -> List.of(new Bucket.Grant("AllUsers", "Read"), new Bucket.Grant("AllUsers", "Write"));
            case "authenticated-read" -> List.of(new Bucket.Grant("AuthenticatedUsers", "Read"));
            case "log-delivery-write" -> List.of(new Bucket.Grant("LogDelivery", "Write"), new Bucket.Grant("LogDelivery", "ReadAcp"));
            default -> List.of();
        };
    }

    private static String group(String uri) {
        if (uri == null) return null;
        int slash = uri.lastIndexOf('/');
        return slash >= 0 ? uri.substring(slash + 1) : uri;
    }

    /** {@code FULL_CONTROL} to {@code FullControl}, {@code READ_ACP} to {@code ReadAcp}. */
    static String permission(String p) {
        StringBuilder out = new StringBuilder();
        for (String part : p.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** Enabled rules of the lifecycle configuration, or of the v3 inline {@code lifecycle_rule} blocks; none is 0. */
    static Long lifecycleRules(Attrs a, Attrs lc) {
        long n = 0;
        if (lc != null) {
            for (Attrs rule : lc.blocks("rule", "lifecycleRules")) {
                String status = rule.string("status", "lifecycleRules");
                if ("Enabled".equals(status)) n++;
            }
            Joins.merge(a, lc);
        } else {
            for (Attrs rule : a.blocks("lifecycle_rule", "lifecycleRules")) {
                if (Boolean.TRUE.equals(rule.bool("enabled", "lifecycleRules"))) n++;
            }
        }
        return a.unknowns().containsKey("lifecycleRules") ? null : n;
    }

    /** {@code object_lock_enabled} (v4), the v3 inline block, or an Object Lock configuration resource; off by default. */
    static Boolean objectLock(Attrs a, Attrs ol) {
        if (a.has("object_lock_enabled") || a.unresolved("object_lock_enabled")) {
            return a.bool("object_lock_enabled", "objectLockEnabled", false);
        }
        if (a.has("object_lock_configuration")) {
            String enabled = a.block("object_lock_configuration", "objectLockEnabled").string("object_lock_enabled", "objectLockEnabled");
            if (enabled != null) return "Enabled".equals(enabled);
            if (a.unknowns().containsKey("objectLockEnabled")) return null;
        }
        if (ol != null) {
            String enabled = ol.string("object_lock_enabled", "objectLockEnabled", "Enabled");
            Joins.merge(a, ol);
            return enabled == null ? null : "Enabled".equals(enabled);
        }
        return false;
    }
}
