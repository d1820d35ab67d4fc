package dev.vigil.aws.kms;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * KMS keys of one region, customer and AWS managed alike (as AWS Config records them), each with
 * its rotation status and key policy.
 */
public final class KmsCollector implements Collector {
    /** The only key policy name KMS has. */
    static final String POLICY = "default";

    @Override
    public String service() {
        return "kms";
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.KMS_KEY.id());
    }

    @Override
    public List<String> actions() {
        return List.of("kms:ListKeys", "kms:DescribeKey", "kms:GetKeyRotationStatus", "kms:GetKeyPolicy", "kms:ListResourceTags");
    }

    @Override
    public void collect(CollectContext ctx) {
        KmsClient kms = ctx.client(KmsClient::builder);
        List<KeyListEntry> keys = ctx.call("kms:ListKeys", () -> kms.listKeysPaginator(r -> r.limit(1000)).keys().stream().toList());
        ctx.forEach(keys, k -> key(ctx, kms, k));
    }

    private void key(CollectContext ctx, KmsClient kms, KeyListEntry k) {
        Read<KeyMetadata> described = ctx.read("kms:DescribeKey", Set.of(), () -> kms.describeKey(r -> r.keyId(k.keyId())).keyMetadata());
        if (!(described instanceof Read.Found<KeyMetadata> found)) {
            // Without its metadata nothing is known of the key but its id: it stands in the scan with every detail failed.
            KmsMapper.Mapped unread = KmsMapper.undescribed(k.keyId(), k.keyArn(), described.failure());
            ctx.resource(AwsTypes.KMS_KEY, k.keyArn()).name(unread.name()).properties(unread.key()).failures(unread.failures())
                    .api("kms:ListKeys").emit();
            return;
        }
        KeyMetadata m = found.value();
        Read<Boolean> rotation = KmsMapper.rotatable(m)
                ? ctx.read("kms:GetKeyRotationStatus", Set.of(), () -> kms.getKeyRotationStatus(r -> r.keyId(m.keyId())).keyRotationEnabled())
                : null;
        Read<String> policy = ctx.read("kms:GetKeyPolicy", Set.of(), () -> kms.getKeyPolicy(r -> r.keyId(m.keyId()).policyName(POLICY)).policy());
        KmsMapper.Mapped mapped = KmsMapper.key(new KmsMapper.KeyReads(m, rotation, policy));
        // AWS managed keys carry no tags; a failed tag read leaves the key untagged, as tags are no property.
        Map<String, String> tags = !"CUSTOMER".equals(m.keyManagerAsString()) ? Map.of()
                : ctx.read("kms:ListResourceTags", Set.of(), () -> kms.listResourceTagsPaginator(r -> r.keyId(m.keyId())).tags().stream().toList())
                        .map(KmsMapper::tags, Map.of());
        ctx.resource(AwsTypes.KMS_KEY, m.arn()).name(mapped.name()).tags(tags == null ? Map.of() : tags).properties(mapped.key())
                .failures(mapped.failures()).api("kms:ListKeys").emit();
    }
}
