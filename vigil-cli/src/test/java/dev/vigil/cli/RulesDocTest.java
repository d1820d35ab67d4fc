package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.ResourceTypes;
import dev.vigil.model.framework.Framework;
import dev.vigil.rules.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesDocTest {
    static final Catalog CATALOG = Catalog.load(ResourceTypes.standard(), true, List.of());

    @Test
    void docsRulesMdIsTheCatalogAsItIs() throws IOException {
        assertThat(Files.readString(Path.of("..", "docs", "rules.md")))
                .as("docs/rules.md is out of date: run ./vigil rules doc > docs/rules.md")
                .isEqualTo(RulesDoc.render(CATALOG));
    }

    @Test
    void everyAutomatedCisRequirementIsEvidencedByARule() {
        Framework cis = CATALOG.framework("cis-aws-3.0").orElseThrow();
        assertThat(cis.requirements()).filteredOn(Framework.Requirement::automated).allSatisfy(r ->
                assertThat(r.rules()).as("CIS " + r.id() + " " + r.title()).isNotEmpty());
    }

    @Test
    void theCatalogHasAtLeast150Rules() {
        assertThat(CATALOG.rules()).hasSizeGreaterThanOrEqualTo(150);
    }
}
