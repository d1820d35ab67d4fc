package dev.vigil.rules;

import dev.vigil.model.ResourceTypes;
import dev.vigil.model.framework.Framework;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The loaded rule catalog: compiled rules and frameworks, validated together. Loading fails on the
 * first broken file with a {@link RuleLoadException}: a rule that does not compile, that reads a field
 * its type does not have, a duplicate rule id, or a framework that names a rule that does not exist.
 */
public final class Catalog {
    /** Resource folder (in vigil-catalog's jar) that holds the built-in {@code rules/} and {@code frameworks/}. */
    public static final String BUILTIN_ROOT = "vigil-catalog";

    private final Map<String, CompiledRule> rules;
    private final Map<String, Framework> frameworks;
    private final Map<String, Map<String, List<String>>> frameworksByRule;

    private Catalog(Map<String, CompiledRule> rules, Map<String, Framework> frameworks) {
        this.rules = rules;
        this.frameworks = frameworks;
        Map<String, Map<String, List<String>>> byRule = new TreeMap<>();
        for (Framework f : frameworks.values()) {
            for (Framework.Requirement req : f.requirements()) {
                for (String ruleId : req.rules()) {
                    byRule.computeIfAbsent(ruleId, k -> new LinkedHashMap<>()).computeIfAbsent(f.id(), k -> new ArrayList<>()).add(req.id());
                }
            }
        }
        this.frameworksByRule = byRule;
    }

    public Collection<CompiledRule> rules() {
        return rules.values();
    }

    public Optional<CompiledRule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public Collection<Framework> frameworks() {
        return frameworks.values();
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    /** Framework id to the requirement ids this rule evidences. */
    public Map<String, List<String>> frameworksOf(String ruleId) {
        return frameworksByRule.getOrDefault(ruleId, Map.of());
    }

    /**
     * Loads the built-in catalog (when {@code builtin}) and every extra directory. An extra directory
     * holds rule files anywhere below it, and framework files under a {@code frameworks/} folder.
     */
    public static Catalog load(ResourceTypes types, boolean builtin, List<Path> extraDirs) {
        RuleCompiler compiler = new RuleCompiler(types);
        Map<String, CompiledRule> rules = new LinkedHashMap<>();
        Map<String, Framework> frameworks = new LinkedHashMap<>();
        List<Path> roots = new ArrayList<>();
        if (builtin) roots.add(builtinRoot());
        roots.addAll(extraDirs);
        for (Path root : roots) {
            if (!Files.isDirectory(root)) throw new RuleLoadException(root.toString(), 0, "not a directory");
            for (Path file : yamlFiles(root)) {
                String display = display(root, file);
                String text = read(file);
                boolean isFramework = root.relativize(file).toString().replace('\\', '/').startsWith("frameworks/");
                if (isFramework) {
                    Framework f = FrameworkLoader.parse(display, text);
                    if (frameworks.putIfAbsent(f.id(), f) != null) throw new RuleLoadException(display, 1, "framework id " + f.id() + " is defined twice");
                } else {
                    Rule rule = RuleLoader.parse(display, text);
                    CompiledRule cr = compiler.compile(rule, text);
                    CompiledRule prior = rules.putIfAbsent(rule.id(), cr);
                    if (prior != null) {
                        throw new RuleLoadException(display, RuleLoader.lineOf(text, "id"), "rule id " + rule.id() + " is already defined in " + prior.rule().source());
                    }
                }
            }
        }
        for (Framework f : frameworks.values()) {
            for (Framework.Requirement req : f.requirements()) {
                for (String ruleId : req.rules()) {
                    if (!rules.containsKey(ruleId)) {
                        throw new RuleLoadException("framework " + f.id(), 0, "requirement " + req.id() + " names rule '" + ruleId + "', which does not exist");
                    }
                }
            }
        }
        return new Catalog(rules, frameworks);
    }

    private static List<Path> yamlFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String display(Path root, Path file) {
        if (root.getFileSystem() != FileSystems.getDefault()) return BUILTIN_ROOT + "/" + root.relativize(file);
        return file.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleLoadException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** The built-in catalog folder, whether the classpath holds it as a directory or inside a jar. */
    static Path builtinRoot() {
        URL marker = Catalog.class.getClassLoader().getResource(BUILTIN_ROOT + "/catalog.marker");
        if (marker == null) throw new IllegalStateException("the built-in catalog (vigil-catalog) is not on the classpath");
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath(BUILTIN_ROOT);
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the built-in catalog at " + marker, e);
        }
    }
}
