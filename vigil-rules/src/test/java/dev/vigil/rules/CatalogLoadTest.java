package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.ResourceTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoadTest {
    @TempDir
    Path dir;

    private static final String RULE = """
            id: acme-volume-encrypted
            title: Volume is encrypted
            resource: aws.ec2.volume
            severity: medium
            check: resource.encrypted
            """;

    private void framework(String ruleId) throws IOException {
        Files.createDirectories(dir.resolve("frameworks"));
        Files.writeString(dir.resolve("frameworks/acme.yaml"), """
                id: acme-baseline
                name: ACME baseline
                requirements:
                  - id: "1"
                    title: Volumes are encrypted
                    rules: [%s]
                """.formatted(ruleId));
    }

    @Test
    void aFrameworkThatNamesAMissingRuleIsRejected() throws IOException {
        Files.writeString(dir.resolve("volume.yaml"), RULE);
        framework("acme-volume-encrypyted");
        assertThatThrownBy(() -> Catalog.load(ResourceTypes.standard(), false, List.of(dir)))
                .isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("framework acme-baseline")
                .hasMessageContaining("requirement 1 names rule 'acme-volume-encrypyted', which does not exist");
    }

    @Test
    void aRulesFrameworksAreDerivedFromTheFrameworkFiles() throws IOException {
        Files.writeString(dir.resolve("volume.yaml"), RULE);
        framework("acme-volume-encrypted");
        Catalog catalog = Catalog.load(ResourceTypes.standard(), false, List.of(dir));
        assertThat(catalog.frameworksOf("acme-volume-encrypted")).containsEntry("acme-baseline", List.of("1"));
    }

    @Test
    void aDuplicateRuleIdIsRejectedNamingBothFiles() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), RULE);
        Files.writeString(dir.resolve("b.yaml"), RULE);
        assertThatThrownBy(() -> Catalog.load(ResourceTypes.standard(), false, List.of(dir)))
                .hasMessageContaining("b.yaml").hasMessageContaining("already defined in").hasMessageContaining("a.yaml");
    }

    @Test
    void anUnknownKeyInARuleFileIsRejectedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), RULE + "severty: high\n");
        assertThatThrownBy(() -> Catalog.load(ResourceTypes.standard(), false, List.of(dir)))
                .hasMessageContaining("a.yaml:6").hasMessageContaining("unknown key 'severty'");
    }
}
