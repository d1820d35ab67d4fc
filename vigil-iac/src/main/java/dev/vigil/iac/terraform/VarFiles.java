package dev.vigil.iac.terraform;

import dev.vigil.iac.IacPaths;
import dev.vigil.iac.terraform.hcl.Body;
import dev.vigil.iac.terraform.hcl.HclFile;
import dev.vigil.iac.terraform.hcl.TfJson;
import dev.vigil.model.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Variable definition files: {@code .tfvars} (HCL attributes) and {@code .tfvars.json}. */
final class VarFiles {
    private VarFiles() {
    }

    /**
     * @throws InputException when the file is missing or not valid, naming it
     */
    static Map<String, Body.Attribute> read(Path f) {
        String file = IacPaths.display(f);
        if (!Files.isRegularFile(f)) throw new InputException(file, 0, "variables file not found");
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
        if (f.getFileName().toString().endsWith(".json")) return TfJson.attributes(file, text);
        HclFile hcl = HclFile.read(file, text);
        if (!hcl.body().blocks().isEmpty()) {
            Body.Block b = hcl.body().blocks().get(0);
            throw new InputException(file, b.startLine(), "a variables file holds only name = value lines, not blocks (" + b.type() + ")");
        }
        return hcl.body().attributes();
    }
}
