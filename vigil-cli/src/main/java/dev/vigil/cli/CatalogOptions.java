package dev.vigil.cli;

import dev.vigil.model.ResourceTypes;
import dev.vigil.rules.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that loads the rule catalog. */
final class CatalogOptions {
    @Option(names = "--rules-dir", paramLabel = "DIR", description = "Extra rule directory (same format as the built-in catalog); repeatable.")
    List<Path> rulesDirs = new ArrayList<>();

    Catalog load() {
        return load(List.of());
    }

    /** The catalog with {@code --rules-dir} and the given extra directories (an organization profile's). */
    Catalog load(List<Path> more) {
        List<Path> dirs = new ArrayList<>(rulesDirs);
        dirs.addAll(more);
        return Catalog.load(ResourceTypes.standard(), true, dirs);
    }
}
