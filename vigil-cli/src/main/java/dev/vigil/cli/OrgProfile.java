package dev.vigil.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.model.Severity;
import dev.vigil.model.schema.Documents;
import dev.vigil.rules.Catalog;
import dev.vigil.rules.CompiledRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An organization's profile, kept in its own git ({@code --profile-file org.yaml}): which frameworks
 * and levels apply, the rules that do not apply and why, severity overrides, parameter values and
 * extra rule directories.
 * <pre>
 * frameworks:
 *   - {id: cis-aws-3.0, level: 1}
 *   - {id: aws-fsbp}
 * disabled:
 *   - {rule: aws-ec2-vpc-flow-logs-enabled, reason: "flow logs are collected by the SIEM's own agent"}
 * severity:
 *   aws-s3-bucket-access-logging: high
 * parameters:
 *   aws-iam-user-access-keys-rotated: {maxAgeDays: 60}
 * rules-dirs: [rules/]            # relative to this file
 * </pre>
 * A rule or framework the catalog does not know is an error naming the file, so a typo cannot
 * silently switch nothing off.
 */
record OrgProfile(List<FrameworkChoice> frameworks, List<Disabled> disabled, Map<String, String> severity,
                  Map<String, Map<String, Object>> parameters, @JsonProperty("rules-dirs") List<String> rulesDirs) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record FrameworkChoice(String id, Integer level) {
    }

    record Disabled(String rule, String reason) {
    }

    OrgProfile {
        frameworks = frameworks == null ? List.of() : frameworks;
        disabled = disabled == null ? List.of() : disabled;
        severity = severity == null ? Map.of() : severity;
        parameters = parameters == null ? Map.of() : parameters;
        rulesDirs = rulesDirs == null ? List.of() : rulesDirs;
    }

    static OrgProfile none() {
        return new OrgProfile(null, null, null, null, null);
    }

    /** Reads the file; ids are checked later, against the catalog the profile's rule directories extend. */
    static OrgProfile read(Path file) {
        try {
            OrgProfile p = YAML.readValue(Files.readString(file), OrgProfile.class);
            return p == null ? none() : p;
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw new Vigil.UsageException(at(file, e.getPropertyName() + ":") + ": unknown key '" + e.getPropertyName()
                    + "' (a profile has: frameworks, disabled, severity, parameters, rules-dirs)");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new Vigil.UsageException(file + (line > 0 ? ":" + line : "") + ": " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new Vigil.UsageException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The extra rule directories, resolved against the profile's own folder. */
    List<Path> rulesDirs(Path file) {
        Path base = file.toAbsolutePath().getParent();
        return rulesDirs.stream().map(d -> base.resolve(d).normalize()).toList();
    }

    /** Checks every id against the catalog and gives the scan's view of the profile. */
    Resolved resolve(Path file, Catalog catalog) {
        Map<String, Integer> fws = new LinkedHashMap<>();
        for (FrameworkChoice f : frameworks) {
            if (f.id() == null || catalog.framework(f.id()).isEmpty()) {
                throw new Vigil.UsageException(at(file, f.id()) + ": unknown framework '" + f.id() + "' (known: "
                        + String.join(", ", catalog.frameworks().stream().map(x -> x.id()).toList()) + ")");
            }
            fws.put(f.id(), f.level());
        }
        Map<String, String> off = new LinkedHashMap<>();
        for (Disabled d : disabled) {
            rule(file, catalog, d.rule(), "disabled");
            if (d.reason() == null || d.reason().isBlank()) {
                throw new Vigil.UsageException(at(file, d.rule()) + ": disabled rule '" + d.rule() + "' needs a reason (why it does not apply here)");
            }
            off.put(d.rule(), d.reason());
        }
        Map<String, Severity> sev = new LinkedHashMap<>();
        for (var e : severity.entrySet()) {
            rule(file, catalog, e.getKey(), "severity");
            try {
                sev.put(e.getKey(), Severity.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new Vigil.UsageException(file + ": severity of " + e.getKey() + ": " + ex.getMessage());
            }
        }
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        for (var e : parameters.entrySet()) {
            CompiledRule r = rule(file, catalog, e.getKey(), "parameters");
            for (String p : e.getValue().keySet()) {
                if (!r.rule().params().containsKey(p)) {
                    throw new Vigil.UsageException(file + ": rule " + e.getKey() + " has no parameter '" + p + "' (it has: "
                            + (r.rule().params().isEmpty() ? "none" : String.join(", ", r.rule().params().keySet())) + ")");
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> normalized = (Map<String, Object>) Documents.normalize(e.getValue());
            params.put(e.getKey(), normalized);
        }
        return new Resolved(fws, off, sev, params);
    }

    private static CompiledRule rule(Path file, Catalog catalog, String id, String where) {
        return catalog.rule(id == null ? "" : id)
                .orElseThrow(() -> new Vigil.UsageException(at(file, id) + ": " + where + ": unknown rule '" + id + "'"));
    }

    /** {@code file:line} of the first line naming {@code id}, or the file alone. */
    private static String at(Path file, String id) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) if (id != null && lines.get(i).contains(id)) return file + ":" + (i + 1);
        } catch (IOException ignored) {
            // the file was read a moment ago; without it, the message names the file only
        }
        return file.toString();
    }

    /** The profile checked against the catalog. */
    record Resolved(Map<String, Integer> frameworks, Map<String, String> disabled, Map<String, Severity> severity,
                    Map<String, Map<String, Object>> parameters) {
    }
}
