package dev.vigil.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.schema.Documents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses one rule file's text into a {@link Rule}, rejecting anything incomplete with a located message. */
public final class RuleLoader {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");

    private RuleLoader() {
    }

    public static Rule parse(String file, String text) {
        RuleFile f;
        try {
            f = YAML.readValue(text, RuleFile.class);
        } catch (UnrecognizedPropertyException e) {
            int keyLine = lineOf(text, e.getPropertyName() + ":");
            throw new RuleLoadException(file, keyLine > 0 ? keyLine : line(e), "unknown key '" + e.getPropertyName() + "' (known keys: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ")");
        } catch (JsonProcessingException e) {
            throw new RuleLoadException(file, line(e), e.getOriginalMessage());
        }
        if (f == null) throw new RuleLoadException(file, 1, "empty rule file");
        require(file, text, "id", f.id());
        if (!ID.matcher(f.id()).matches()) {
            throw new RuleLoadException(file, lineOf(text, "id"), "rule id '" + f.id() + "' must be kebab-case, e.g. aws-s3-bucket-versioning-enabled");
        }
        require(file, text, "title", f.title());
        require(file, text, "resource", f.resource());
        require(file, text, "severity", f.severity());
        require(file, text, "check", f.check());
        Severity severity;
        try {
            severity = Severity.parse(f.severity());
        } catch (IllegalArgumentException e) {
            throw new RuleLoadException(file, lineOf(text, "severity"), e.getMessage());
        }
        List<Rule.Example> examples = new ArrayList<>();
        if (f.examples() != null) {
            for (RuleFile.ExampleFile ex : f.examples()) {
                examples.add(example(file, text, ex));
            }
        }
        var r = f.remediation();
        return new Rule(f.id(), f.title(), nz(f.description()), nz(f.risk()), f.resource(), severity,
                f.categories() == null ? List.of() : List.copyOf(f.categories()), f.check().strip(), nz(f.message()),
                f.params() == null ? Map.of() : normalizeMap(f.params()),
                r == null ? new Rule.Remediation("", "", "", "") : new Rule.Remediation(nz(r.text()), nz(r.console()), nz(r.cli()), nz(r.terraform())), List.copyOf(examples), file);
    }

    private static Rule.Example example(String file, String text, RuleFile.ExampleFile ex) {
        String name = ex.name() == null ? "(unnamed)" : ex.name();
        if (ex.expect() == null) throw new RuleLoadException(file, lineOf(text, "name: " + name), "example '" + name + "' has no expect");
        Status expect;
        try {
            expect = Status.valueOf(ex.expect().trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new RuleLoadException(file, lineOf(text, "name: " + name), "example '" + name + "' expects '" + ex.expect() + "'; use PASS, FAIL or UNKNOWN");
        }
        if (ex.resource() == null) throw new RuleLoadException(file, lineOf(text, "name: " + name), "example '" + name + "' has no resource");
        List<Rule.InventoryItem> inventory = new ArrayList<>();
        if (ex.inventory() != null) {
            for (var item : ex.inventory()) {
                if (item.type() == null || item.resource() == null) {
                    throw new RuleLoadException(file, lineOf(text, "name: " + name), "example '" + name + "': every inventory entry needs a type and a resource");
                }
                inventory.add(new Rule.InventoryItem(item.type(), normalizeMap(item.resource()), Boolean.TRUE.equals(item.related()),
                        item.unknowns() == null ? Map.of() : Map.copyOf(item.unknowns())));
            }
        }
        List<dev.vigil.model.Relation> relations = new ArrayList<>();
        if (ex.relations() != null) {
            for (var rel : ex.relations()) {
                if (rel.type() == null || rel.id() == null) {
                    throw new RuleLoadException(file, lineOf(text, "name: " + name), "example '" + name + "': every relation needs a type and an id");
                }
                relations.add(new dev.vigil.model.Relation(rel.kind() == null ? "related" : rel.kind(), rel.type(), rel.id()));
            }
        }
        return new Rule.Example(name, expect, normalizeMap(ex.resource()), ex.unknowns() == null ? Map.of() : Map.copyOf(ex.unknowns()),
                ex.params() == null ? Map.of() : normalizeMap(ex.params()), List.copyOf(inventory), List.copyOf(relations));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalizeMap(Map<String, Object> m) {
        return (Map<String, Object>) Documents.normalize(new LinkedHashMap<>(m));
    }

    private static void require(String file, String text, String key, String value) {
        if (value == null || value.isBlank()) throw new RuleLoadException(file, lineOf(text, key), "missing required key '" + key + "'");
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** The 1-based line where {@code key} first appears at the start of a line (after indentation and '- '), or 0. */
    static int lineOf(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].stripLeading();
            if (l.startsWith("- ")) l = l.substring(2).stripLeading();
            if (l.startsWith(key + ":") || l.startsWith(key)) return i + 1;
        }
        return 0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
