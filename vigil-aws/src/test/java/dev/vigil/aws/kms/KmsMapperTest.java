package dev.vigil.aws.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

class KmsMapperTest {
    static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}""";
    static final ApiFailure DENIED = new ApiFailure("kms:GetKeyRotationStatus", "AccessDeniedException", "not authorized", false, null);

    static KeyMetadata.Builder customer() {
        return KeyMetadata.builder().keyId("1234abcd-12ab-34cd-56ef-1234567890ab").arn("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .description("orders data").keyManager("CUSTOMER").keySpec("SYMMETRIC_DEFAULT").keyUsage("ENCRYPT_DECRYPT").keyState("Enabled")
                .origin("AWS_KMS");
    }

    @Test
    void aCustomerSymmetricKeysRotationComesFromItsRotationStatus() {
        KeyMetadata m = customer().build();
        assertThat(KmsMapper.rotatable(m)).isTrue();
        KmsMapper.Mapped mapped = KmsMapper.key(new KmsMapper.KeyReads(m, Read.found(false), Read.found(POLICY)));
        assertThat(mapped.key().rotationEnabled()).isFalse();
        assertThat(mapped.key().keySpec()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(mapped.key().policy().statements()).singleElement()
                .satisfies(s -> assertThat(s.principals()).containsExactly("arn:aws:iam::111122223333:root"));
        assertThat(mapped.failures()).isEmpty();
    }

    @Test
    void keysAreNamedAsTheAwsConfigAdapterNamesThem() {
        assertThat(KmsMapper.key(new KmsMapper.KeyReads(customer().build(), Read.found(true), Read.found(POLICY))).name())
                .isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab (orders data)");
        assertThat(KmsMapper.key(new KmsMapper.KeyReads(customer().description("").build(), Read.found(true), Read.found(POLICY))).name())
                .isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    @Test
    void aFailedRotationReadFailsRotationEnabledInsteadOfReadingAsOff() {
        KmsMapper.Mapped mapped = KmsMapper.key(new KmsMapper.KeyReads(customer().build(), Read.failed(DENIED), Read.found(POLICY)));
        assertThat(mapped.key().rotationEnabled()).isNull();
        assertThat(mapped.failures()).containsOnlyKeys("rotationEnabled");
        assertThat(mapped.failures().get("rotationEnabled")).contains("AccessDeniedException");
    }

    @Test
    void aFailedPolicyReadFailsThePolicyInsteadOfReadingAsEmpty() {
        var failed = new ApiFailure("kms:GetKeyPolicy", "AccessDeniedException", "", false, null);
        KmsMapper.Mapped mapped = KmsMapper.key(new KmsMapper.KeyReads(customer().build(), Read.found(true), Read.failed(failed)));
        assertThat(mapped.key().policy()).isNull();
        assertThat(mapped.failures()).containsOnlyKeys("policy");
    }

    @Test
    void awsManagedKeysAreRotatedByAwsAndOtherKeysCannotRotate() {
        KeyMetadata managed = customer().keyManager("AWS").description("Default key for S3").build();
        assertThat(KmsMapper.rotatable(managed)).isFalse();
        assertThat(KmsMapper.key(new KmsMapper.KeyReads(managed, null, Read.found(POLICY))).key().rotationEnabled()).isTrue();

        KeyMetadata signing = customer().keySpec("RSA_2048").keyUsage("SIGN_VERIFY").build();
        KeyMetadata imported = customer().origin("EXTERNAL").build();
        for (KeyMetadata m : new KeyMetadata[] {signing, imported}) {
            assertThat(KmsMapper.rotatable(m)).isFalse();
            KmsMapper.Mapped mapped = KmsMapper.key(new KmsMapper.KeyReads(m, null, Read.found(POLICY)));
            assertThat(mapped.key().rotationEnabled()).isFalse();
            assertThat(mapped.failures()).isEmpty();
        }
    }

    @Test
    void anUndescribedKeyFailsEveryDetailButItsIdentity() {
        var failed = new ApiFailure("kms:DescribeKey", "AccessDeniedException", "", false, null);
        KmsMapper.Mapped mapped = KmsMapper.undescribed("1234abcd", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd", failed);
        assertThat(mapped.key().arn()).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/1234abcd");
        assertThat(mapped.key().keyManager()).isNull();
        assertThat(mapped.failures()).containsKeys("keyManager", "keySpec", "origin", "keyState", "rotationEnabled", "policy");
    }
}
