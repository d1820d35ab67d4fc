package dev.vigil.iac.terraform;

import dev.vigil.iac.IacOptions;
import dev.vigil.iac.IacPaths;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.ScanInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Terraform configuration files ({@code *.tf}, {@code *.tf.json}, and the variables files beside
 * them, {@code *.tfvars}, {@code *.tfvars.json}) as a scan input: the files are
 * evaluated module by module ({@link TerraformModules}) and the resource instances mapped to
 * canonical resources ({@link TerraformAws#map}). A file that cannot be read is a bad file; the
 * rest of its module is still evaluated.
 */
public final class TerraformInput implements ScanInput {
    private final IacOptions options;

    public TerraformInput(IacOptions options) {
        this.options = options == null ? IacOptions.none() : options;
    }

    @Override
    public String id() {
        return "terraform";
    }

    @Override
    public boolean claims(Path file) {
        Path name = file.getFileName();
        if (name == null) return false;
        String n = name.toString();
        // what terraform init downloaded into .terraform/ is not the configuration under review
        // variables files are claimed too (read with their root module, and .tfvars.json must not
        // be taken for an AWS Config file)
        return (n.endsWith(".tf") || n.endsWith(".tf.json") || n.endsWith(".tfvars") || n.endsWith(".tfvars.json"))
                && !TerraformModules.underTerraformDir(file.toAbsolutePath().normalize());
    }

    @Override
    public Collected read(List<Path> files) {
        TerraformModules.Result evaluated = new TerraformModules(options).evaluate(files);
        TerraformAws.Mapped mapped = TerraformAws.map(evaluated.resources());
        List<String> names = new ArrayList<>();
        for (Path f : files) names.add(IacPaths.display(f));
        List<dev.vigil.model.input.CoverageGap> gaps = new ArrayList<>(evaluated.gaps());
        gaps.addAll(dev.vigil.iac.AccountGap.forResources(mapped.resources()));
        return new Collected(mapped.resources(), gaps, mapped.unmodelled(), null, names, null, mapped.suppressions(),
                evaluated.badFiles());
    }
}
