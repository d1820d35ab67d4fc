package dev.vigil.aws.s3;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * S3 buckets (listed once per account, each read in its own region) and the account-level Block
 * Public Access. Buckets in regions outside the scan are left out, as their region's other
 * resources are.
 */
public final class S3Collector implements Collector {
    private static final Set<String> NO_PAB = Set.of("NoSuchPublicAccessBlockConfiguration");

    @Override
    public String service() {
        return "s3";
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.S3_BUCKET.id());
    }

    @Override
    public Set<String> settings() {
        return Set.of("account.s3PublicAccessBlock");
    }

    @Override
    public List<String> actions() {
        return List.of("s3:ListAllMyBuckets", "s3:GetBucketLocation", "s3:GetBucketPublicAccessBlock", "s3:GetEncryptionConfiguration",
                "s3:GetBucketVersioning", "s3:GetBucketLogging", "s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetLifecycleConfiguration",
                "s3:GetBucketObjectLockConfiguration", "s3:GetBucketTagging", "s3:GetAccountPublicAccessBlock");
    }

    @Override
    public void collect(CollectContext ctx) {
        S3ControlClient control = ctx.client(S3ControlClient::builder);
        try {
            var block = ctx.callOrAbsent("s3:GetAccountPublicAccessBlock", NO_PAB,
                    () -> control.getPublicAccessBlock(r -> r.accountId(ctx.account())).publicAccessBlockConfiguration());
            ctx.accountSettings().put("s3PublicAccessBlock", S3Mapper.accountBlock(block.orElse(null)));
        } catch (ApiFailure f) {
            ctx.accountSettings().fail("s3PublicAccessBlock", f.getMessage());
        }

        S3Client home = ctx.client(S3Client::builder);
        List<Bucket> buckets = ctx.call("s3:ListAllMyBuckets", () -> home.listBucketsPaginator(r -> r.maxBuckets(1000)).buckets().stream().toList());
        ctx.forEach(buckets, b -> bucket(ctx, home, b));
    }

    private void bucket(CollectContext ctx, S3Client home, Bucket b) {
        String name = b.name();
        String region;
        try {
            region = S3Mapper.region(ctx.call("s3:GetBucketLocation", () -> home.getBucketLocation(r -> r.bucket(name)).locationConstraintAsString()));
        } catch (ApiFailure f) {
            // Without its region the bucket cannot be placed or read: it stands in the scan with every detail failed.
            ctx.resource(AwsTypes.S3_BUCKET, S3Mapper.arn(ctx.partition(), name)).name(name).region(ctx.region())
                    .properties(new dev.vigil.model.aws.s3.Bucket(name, S3Mapper.arn(ctx.partition(), name), "", null, null, null, null, null,
                            null, null, null, null))
                    .failures(java.util.Map.of("publicAccessBlock", f.getMessage(), "encryption", f.getMessage(), "versioning", f.getMessage(),
                            "logging", f.getMessage(), "policy", f.getMessage(), "aclGrants", f.getMessage(), "ownerId", f.getMessage(),
                            "lifecycleRules", f.getMessage(), "objectLockEnabled", f.getMessage()))
                    .api("s3:ListAllMyBuckets").emit();
            return;
        }
        if (!ctx.regions().contains(region)) return;
        S3Client s3 = ctx.client(S3Client::builder, region);
        var reads = new S3Mapper.BucketReads(name, b.creationDate(),
                ctx.read("s3:GetBucketPublicAccessBlock", NO_PAB, () -> s3.getPublicAccessBlock(r -> r.bucket(name))),
                ctx.read("s3:GetEncryptionConfiguration", Set.of("ServerSideEncryptionConfigurationNotFoundError"),
                        () -> s3.getBucketEncryption(r -> r.bucket(name))),
                ctx.read("s3:GetBucketVersioning", Set.of(), () -> s3.getBucketVersioning(r -> r.bucket(name))),
                ctx.read("s3:GetBucketLogging", Set.of(), () -> s3.getBucketLogging(r -> r.bucket(name))),
                ctx.read("s3:GetBucketPolicy", Set.of("NoSuchBucketPolicy"), () -> s3.getBucketPolicy(r -> r.bucket(name))),
                ctx.read("s3:GetBucketAcl", Set.of(), () -> s3.getBucketAcl(r -> r.bucket(name))),
                ctx.read("s3:GetLifecycleConfiguration", Set.of("NoSuchLifecycleConfiguration"),
                        () -> s3.getBucketLifecycleConfiguration(r -> r.bucket(name))),
                ctx.read("s3:GetBucketObjectLockConfiguration", Set.of("ObjectLockConfigurationNotFoundError"),
                        () -> s3.getObjectLockConfiguration(r -> r.bucket(name))),
                ctx.read("s3:GetBucketTagging", Set.of("NoSuchTagSet", "NoSuchTagSetError"), () -> s3.getBucketTagging(r -> r.bucket(name))));
        S3Mapper.Mapped m = S3Mapper.bucket(ctx.partition(), reads);
        ctx.resource(AwsTypes.S3_BUCKET, m.bucket().arn()).name(name).region(region).tags(m.tags()).properties(m.bucket())
                .failures(m.failures()).api("s3:ListAllMyBuckets").emit();
    }
}
