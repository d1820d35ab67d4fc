package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.ResourceTypes;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.ScanInput;
import dev.vigil.rules.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {

    /** Claims every file and remembers which it was given. */
    private static final class Everything implements ScanInput {
        final List<String> read = new ArrayList<>();

        public String id() {
            return "everything";
        }

        public boolean claims(Path file) {
            return true;
        }

        public Collected read(List<Path> files) {
            files.forEach(f -> read.add(f.getFileName().toString()));
            return new Collected(List.of(), List.of(), Map.of(), null, files.stream().map(Path::toString).toList());
        }
    }

    @Test
    void aDirectoryScanLeavesOutWhatToolsDownloadedButANamedToolDirectoryIsScanned(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("main.tf"), "");
        for (String tool : List.of(".git/config", ".terraform/modules/vpc/main.tf", "node_modules/x/template.yaml", "infra/.terragrunt-cache/a/b.tf")) {
            Path f = repo.resolve(tool);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "");
        }
        Everything input = new Everything();
        ScanEngine engine = new ScanEngine(List.of(input), Catalog.load(ResourceTypes.standard(), false, List.of()), Clock.systemUTC());

        ScanReport report = engine.scan(ScanRequest.of(List.of(repo)));
        assertThat(input.read).containsExactly("main.tf");
        assertThat(report.skippedFiles()).isEmpty();

        input.read.clear();
        engine.scan(ScanRequest.of(List.of(repo.resolve(".terraform"))));
        assertThat(input.read).containsExactly("main.tf");
    }
}
