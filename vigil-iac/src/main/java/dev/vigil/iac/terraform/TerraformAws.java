package dev.vigil.iac.terraform;

import dev.vigil.model.Resource;
import dev.vigil.model.input.InlineSuppression;
import java.util.List;
import java.util.Map;

/**
 * Terraform AWS resources into canonical resources: each {@code aws_*} type that Vigil models is
 * mapped to its canonical record, and the split resources that configure another one
 * ({@code aws_s3_bucket_policy}, {@code aws_security_group_rule}, {@code aws_iam_role_policy}, ...)
 * are joined to it, by name or by the reference their {@link dev.vigil.iac.Unresolved} keeps.
 */
public final class TerraformAws {
    private TerraformAws() {
    }

    /**
     * @param resources   canonical resources, with their origin at the declaring block
     * @param suppressions the marks of the input resources, re-aimed at the canonical resource each one configures
     * @param unmodelled  Terraform types read but not modelled, counted
     */
    public record Mapped(List<Resource> resources, List<InlineSuppression> suppressions, Map<String, Long> unmodelled) {
    }

    public static Mapped map(List<TfResource> resources) {
        throw new UnsupportedOperationException("not yet: the mappers land with the Terraform AWS work");
    }
}
