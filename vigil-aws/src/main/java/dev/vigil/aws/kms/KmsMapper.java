package dev.vigil.aws.kms;

import dev.vigil.model.aws.iam.PolicyDocuments;
import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Failures;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.kms.Key;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.Tag;

/** KMS API responses to canonical keys: pure functions, no calls. */
public final class KmsMapper {

    private KmsMapper() {
    }

    /**
     * What was read about one key: DescribeKey's metadata, GetKeyRotationStatus ({@code null} when
     * the key is not one KMS can rotate automatically, see {@link #rotatable}) and GetKeyPolicy.
     */
    public record KeyReads(KeyMetadata metadata, Read<Boolean> rotation, Read<String> policy) {
    }

    public record Mapped(Key key, String name, Map<String, String> failures) {
    }

    /**
     * True for the keys whose automatic rotation is a setting: customer managed symmetric
     * encryption keys with key material KMS generated. GetKeyRotationStatus answers
     * UnsupportedOperationException for asymmetric, HMAC, imported and custom key store keys.
     */
    public static boolean rotatable(KeyMetadata m) {
        return "CUSTOMER".equals(m.keyManagerAsString()) && "SYMMETRIC_DEFAULT".equals(spec(m)) && "AWS_KMS".equals(m.originAsString());
    }

    /**
     * The canonical key. For keys that are not {@link #rotatable} rotation is a fact, not a
     * setting: AWS managed keys are rotated by AWS every year (GetKeyRotationStatus answers true
     * for them), the others cannot rotate automatically at all.
     */
    public static Mapped key(KeyReads r) {
        KeyMetadata m = r.metadata();
        Failures f = new Failures();
        Boolean rotation = r.rotation() != null ? f.check("rotationEnabled", r.rotation()).map(b -> b, false)
                : "AWS".equals(m.keyManagerAsString());
        PolicyDocument policy = f.check("policy", r.policy()).map(PolicyDocuments::parse, PolicyDocument.EMPTY);
        Key key = new Key(m.keyId(), m.arn(), nz(m.description()), nz(m.keyManagerAsString()), spec(m), nz(m.keyUsageAsString()),
                nz(m.keyStateAsString()), nz(m.originAsString()), rotation, policy);
        String desc = nz(m.description());
        // Named as the AWS Config adapter names keys.
        return new Mapped(key, desc.isEmpty() ? m.keyId() : m.keyId() + " (" + desc + ")", f.byPath());
    }

    /** A listed key whose DescribeKey failed: every property but its id and ARN failed with it. */
    public static Mapped undescribed(String keyId, String arn, ApiFailure failure) {
        Map<String, String> failures = new TreeMap<>();
        for (String path : List.of("description", "keyManager", "keySpec", "keyUsage", "keyState", "origin", "rotationEnabled", "policy")) {
            failures.put(path, failure.getMessage());
        }
        return new Mapped(new Key(keyId, arn, null, null, null, null, null, null, null, null), keyId, failures);
    }

    public static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        for (Tag t : tags) if (t.tagKey() != null) out.put(t.tagKey(), nz(t.tagValue()));
        return out;
    }

    private static String spec(KeyMetadata m) {
        return m.keySpec() != null ? m.keySpecAsString() : nz(m.customerMasterKeySpecAsString());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
