package dev.vigil.iac;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the command line tells IaC inputs: values for Terraform variables and CloudFormation
 * parameters ({@code --var name=value}, later ones win) and variable files ({@code --var-file},
 * applied in order before {@code --var}).
 */
public record IacOptions(Map<String, String> vars, List<Path> varFiles) {
    public IacOptions {
        vars = vars == null ? Map.of() : Map.copyOf(vars);
        varFiles = varFiles == null ? List.of() : List.copyOf(varFiles);
    }

    public static IacOptions none() {
        return new IacOptions(Map.of(), List.of());
    }
}
