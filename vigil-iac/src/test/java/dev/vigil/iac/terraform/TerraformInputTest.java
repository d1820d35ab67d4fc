package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.IacInputs;
import dev.vigil.iac.IacOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The scan input: which files it claims, and that it is registered with the IaC inputs. */
class TerraformInputTest {
    private final TerraformInput input = new TerraformInput(IacOptions.none());

    @Test
    void claimsTerraformFilesOnly() {
        assertThat(input.id()).isEqualTo("terraform");
        assertThat(input.claims(Path.of("infra/main.tf"))).isTrue();
        assertThat(input.claims(Path.of("infra/main.tf.json"))).isTrue();
        assertThat(input.claims(Path.of("infra/terraform.tfvars"))).as("read with its root module").isTrue();
        assertThat(input.claims(Path.of("infra/prod.tfvars.json"))).as("not an AWS Config file").isTrue();
        assertThat(input.claims(Path.of("plan.json"))).isFalse();
        assertThat(input.claims(Path.of("stack.yaml"))).isFalse();
        assertThat(input.claims(Path.of("infra/.terraform/modules/vpc/main.tf"))).as("downloaded by terraform init").isFalse();
    }

    @Test
    void registeredAmongTheIacInputs() {
        assertThat(IacInputs.all(IacOptions.none())).anySatisfy(i -> assertThat(i).isInstanceOf(TerraformInput.class));
    }
}
