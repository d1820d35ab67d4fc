package dev.vigil.aws.live;

import static dev.vigil.aws.live.LiveFixture.collect;
import static dev.vigil.aws.live.LiveFixture.only;
import static dev.vigil.aws.live.LiveFixture.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Resource;
import dev.vigil.model.input.Collected;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class S3LiveTest {
    static Collected collected;

    @BeforeAll
    static void seedAndCollect() {
        LiveFixture.moto().reset();
        S3Client us = seed(S3Client.builder(), "us-east-1");
        S3Client eu = seed(S3Client.builder(), "eu-west-1");
        us.createBucket(r -> r.bucket("open-bucket"));
        us.putBucketPolicy(r -> r.bucket("open-bucket").policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::open-bucket/*"}]}"""));
        eu.createBucket(r -> r.bucket("locked-bucket").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        eu.putPublicAccessBlock(r -> r.bucket("locked-bucket").publicAccessBlockConfiguration(p -> p.blockPublicAcls(true).ignorePublicAcls(true)
                .blockPublicPolicy(true).restrictPublicBuckets(true)));
        eu.putBucketEncryption(r -> r.bucket("locked-bucket").serverSideEncryptionConfiguration(c -> c.rules(x -> x
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID("alias/data")))));
        eu.putBucketVersioning(r -> r.bucket("locked-bucket").versioningConfiguration(v -> v.status("Enabled")));
        eu.putBucketTagging(r -> r.bucket("locked-bucket").tagging(t -> t.tagSet(x -> x.key("team").value("data"))));
        collected = collect(Set.of("s3"));
    }

    @Test
    void bucketsAreReadInTheirOwnRegions() {
        assertThat(only(collected, "aws.s3.bucket", "open-bucket").region()).isEqualTo("us-east-1");
        Resource locked = only(collected, "aws.s3.bucket", "locked-bucket");
        assertThat(locked.region()).isEqualTo("eu-west-1");
        assertThat(locked.id()).isEqualTo("arn:aws:s3:::locked-bucket");
        assertThat(locked.tags()).isEqualTo(Map.of("team", "data"));
        assertThat(locked.failures()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void detailsMapToTheCanonicalBucket() {
        Map<String, Object> locked = only(collected, "aws.s3.bucket", "locked-bucket").properties();
        assertThat((Map<String, Object>) locked.get("publicAccessBlock")).containsEntry("blockPublicPolicy", true);
        assertThat((Map<String, Object>) locked.get("encryption")).containsEntry("algorithm", "aws:kms").containsEntry("kmsKeyId", "alias/data");
        assertThat((Map<String, Object>) locked.get("versioning")).containsEntry("status", "Enabled");

        Map<String, Object> open = only(collected, "aws.s3.bucket", "open-bucket").properties();
        assertThat((Map<String, Object>) open.get("publicAccessBlock")).containsEntry("blockPublicPolicy", false);
        assertThat((Map<String, Object>) open.get("versioning")).containsEntry("status", "Off");
        assertThat(open.get("policy").toString()).containsIgnoringCase("s3:GetObject").contains("*");
    }

    @Test
    void accountBlockPublicAccessIsReadFromS3Control() {
        Resource account = only(collected, "aws.account", LiveFixture.ACCOUNT);
        assertThat(account.properties()).containsKey("s3PublicAccessBlock");
        assertThat(account.failures()).doesNotContainKey("s3PublicAccessBlock");
    }
}
