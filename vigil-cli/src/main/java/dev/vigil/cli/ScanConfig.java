package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.model.schema.Documents;
import dev.vigil.rules.Catalog;
import dev.vigil.rules.CompiledRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scan configuration file ({@code --config}): rule parameter values.
 * <pre>
 * parameters:
 *   aws-iam-user-access-keys-rotated: {maxAgeDays: 60}
 * </pre>
 * A rule or parameter the catalog does not know is an error, so a typo cannot silently keep a default.
 */
record ScanConfig(Map<String, Map<String, Object>> parameters) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static ScanConfig none() {
        return new ScanConfig(Map.of());
    }

    @SuppressWarnings("unchecked")
    static ScanConfig load(Path file, Catalog catalog) {
        ScanConfig raw;
        try {
            raw = YAML.readValue(Files.readString(file), ScanConfig.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new Vigil.UsageException(file + (line > 0 ? ":" + line : "") + ": " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new Vigil.UsageException(file + ": cannot read: " + e.getMessage());
        }
        if (raw == null || raw.parameters() == null) return none();
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        for (var e : raw.parameters().entrySet()) {
            CompiledRule rule = catalog.rule(e.getKey())
                    .orElseThrow(() -> new Vigil.UsageException(file + ": parameters for unknown rule '" + e.getKey() + "'"));
            for (String p : e.getValue().keySet()) {
                if (!rule.rule().params().containsKey(p)) {
                    throw new Vigil.UsageException(file + ": rule " + e.getKey() + " has no parameter '" + p + "' (it has: "
                            + (rule.rule().params().isEmpty() ? "none" : String.join(", ", rule.rule().params().keySet())) + ")");
                }
            }
            params.put(e.getKey(), (Map<String, Object>) Documents.normalize(e.getValue()));
        }
        return new ScanConfig(params);
    }
}
