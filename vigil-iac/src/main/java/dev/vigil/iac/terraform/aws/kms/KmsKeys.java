package dev.vigil.iac.terraform.aws.kms;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.iac.terraform.aws.Policies;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.kms.Key;
import java.util.List;

/**
 * {@code aws_kms_key} (with {@code aws_kms_key_policy}) into {@code aws.kms.key}: a customer key,
 * symmetric, for encryption, enabled, rotation off, unless the configuration says otherwise.
 */
public final class KmsKeys {
    public static final List<String> SPLITS = List.of("aws_kms_key_policy");
    static final String DEFAULT_POLICY = "no policy configured: AWS applies the default key policy, which names the account (not known before deploy)";

    private KmsKeys() {
    }

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        List<TfResource> policies = joins.splits(r, "aws_kms_key_policy", "key_id", Joins.keys(r, "key_id", "id", "arn"));
        PolicyDocument policy = Policies.ownOrSplit(a, policies);
        if (policy == null) a.unknown("policy", DEFAULT_POLICY);
        Boolean enabled = a.bool("is_enabled", "keyState", true);
        String spec = a.has("customer_master_key_spec") || a.unresolved("customer_master_key_spec")
                ? a.string("customer_master_key_spec", "keySpec") : a.string("key_spec", "keySpec", "SYMMETRIC_DEFAULT");
        String origin = a.has("custom_key_store_id") ? "AWS_CLOUDHSM" : "AWS_KMS";
        String description = a.string("description", "description", "");
        Key key = new Key(a.string("key_id", "keyId"), a.string("arn", "arn"), description, "CUSTOMER", spec,
                a.string("key_usage", "keyUsage", "ENCRYPT_DECRYPT"), enabled == null ? null : enabled ? "Enabled" : "Disabled", origin,
                a.bool("enable_key_rotation", "rotationEnabled", false), policy);
        String name = description == null || description.isEmpty() ? r.address() : r.address() + " (" + description + ")";
        return Canon.resource(r, AwsTypes.KMS_KEY, name, key, a, List.of());
    }
}
