package dev.vigil.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.vigil.model.framework.Framework;
import java.util.ArrayList;
import java.util.List;

/** Parses a framework file ({@code frameworks/<id>.yaml}). */
public final class FrameworkLoader {
    private FrameworkLoader() {
    }

    record FrameworkFile(String id, String name, String version, String provider, String description, List<RequirementFile> requirements) {
    }

    record RequirementFile(String id, String title, String section, Integer level, Boolean automated, List<String> rules) {
    }

    public static Framework parse(String file, String text) {
        FrameworkFile f;
        try {
            f = RuleLoader.YAML.readValue(text, FrameworkFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new RuleLoadException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "unknown key '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            throw new RuleLoadException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage());
        }
        if (f == null || f.id() == null || f.name() == null || f.requirements() == null) {
            throw new RuleLoadException(file, 1, "a framework needs id, name and requirements");
        }
        List<Framework.Requirement> reqs = new ArrayList<>();
        for (RequirementFile r : f.requirements()) {
            if (r.id() == null || r.title() == null) {
                throw new RuleLoadException(file, r.id() == null ? 0 : RuleLoader.lineOf(text, "id: \"" + r.id()), "every requirement needs an id and a title");
            }
            reqs.add(new Framework.Requirement(r.id(), r.title(), r.section() == null ? "" : r.section(), r.level() == null ? 0 : r.level(),
                    r.automated() == null || r.automated(), r.rules() == null ? List.of() : List.copyOf(r.rules())));
        }
        return new Framework(f.id(), f.name(), f.version() == null ? "" : f.version(), f.provider() == null ? "" : f.provider(),
                f.description() == null ? "" : f.description(), List.copyOf(reqs));
    }
}
