package dev.vigil.iac;

import dev.vigil.iac.cloudformation.CloudFormationInput;
import dev.vigil.iac.kubernetes.KubernetesInput;
import dev.vigil.iac.terraform.TerraformPlanInput;
import dev.vigil.iac.terraform.TerraformInput;
import dev.vigil.model.input.ScanInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Every IaC input, in the order they are asked to claim a file. They come before the AWS Config
 * input, which claims any JSON file: each of these claims a file only after a peek at its start
 * ({@code terraform_version}, {@code AWSTemplateFormatVersion}, {@code apiVersion}).
 */
public final class IacInputs {
    private IacInputs() {
    }

    /** @param options --var and --var-file values, for Terraform variables and CloudFormation parameters */
    public static List<ScanInput> all(IacOptions options) {
        List<ScanInput> inputs = new ArrayList<>();
        inputs.add(new TerraformInput(options));
        inputs.add(new TerraformPlanInput());
        inputs.add(new CloudFormationInput(options));
        inputs.add(new KubernetesInput());
        return List.copyOf(inputs);
    }
}
