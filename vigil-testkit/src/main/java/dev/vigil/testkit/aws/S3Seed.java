package dev.vigil.testkit.aws;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Buckets: a public, unencrypted, unlogged one and a locked-down twin in each region. The twin
 * logs to a bucket of its own region, which is itself a {@code good-} bucket with logging.
 */
public final class S3Seed implements Seed {

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public void plant(SeedClients clients) {
        for (String region : SeedClients.REGIONS) {
            S3Client s3 = clients.client(S3Client::builder, region);
            String suffix = region.equals("us-east-1") ? "use1" : "euw1";
            // bad: a policy open to "*" (aws-s3-bucket-not-public), no TLS-only statement
            // (aws-s3-bucket-denies-insecure-transport), no Block Public Access, no logging.
            String bad = "bad-bucket-public-" + suffix;
            create(s3, bad, region);
            s3.putBucketPolicy(r -> r.bucket(bad).policy("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
                    "Resource":"arn:aws:s3:::%s/*"}]}""".formatted(bad)));

            // good: Block Public Access on, KMS default encryption, versioning, access logs, TLS-only policy.
            String logs = "good-bucket-logs-" + suffix;
            String good = "good-bucket-private-" + suffix;
            for (String name : new String[] {logs, good}) {
                create(s3, name, region);
                s3.putPublicAccessBlock(r -> r.bucket(name).publicAccessBlockConfiguration(p -> p.blockPublicAcls(true).ignorePublicAcls(true)
                        .blockPublicPolicy(true).restrictPublicBuckets(true)));
                s3.putBucketEncryption(r -> r.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(x -> x
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)))));
                s3.putBucketVersioning(r -> r.bucket(name).versioningConfiguration(v -> v.status("Enabled")));
                // Principal {"AWS": "*"} rather than "*": moto 5.2.5 fails PutBucketLogging when the target's
                // policy has a string principal; the two mean the same to AWS and to Vigil.
                s3.putBucketPolicy(r -> r.bucket(name).policy("""
                        {"Version":"2012-10-17","Statement":[{"Sid":"TlsOnly","Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*",
                        "Resource":["arn:aws:s3:::%1$s","arn:aws:s3:::%1$s/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                        {"Sid":"AccessLogs","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject",
                        "Resource":"arn:aws:s3:::%1$s/*"}]}"""
                        .formatted(name)));
            }
            for (String name : new String[] {logs, good}) {
                s3.putBucketLogging(r -> r.bucket(name).bucketLoggingStatus(l -> l.loggingEnabled(e -> e.targetBucket(logs).targetPrefix(name + "/"))));
            }
        }
    }

    private static void create(S3Client s3, String name, String region) {
        if (region.equals("us-east-1")) s3.createBucket(r -> r.bucket(name));
        else s3.createBucket(r -> r.bucket(name).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region))));
    }
}
