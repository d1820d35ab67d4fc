package dev.vigil.iac.terraform;

import dev.vigil.iac.IacOptions;
import dev.vigil.iac.IacPaths;
import dev.vigil.iac.terraform.eval.Evaluator;
import dev.vigil.iac.terraform.hcl.Body;
import dev.vigil.iac.terraform.hcl.Expr;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.model.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Terraform configurations, evaluated without Terraform: the files are grouped by directory, the
 * root modules found (every directory of the scan that no other scanned directory calls as a local
 * module), and each root evaluated with its variables, locals, resources, static count/for_each,
 * dynamic blocks and local modules, into {@link TfResource}s. Nothing here reaches the network or
 * runs anything: remote modules and data sources are left unresolved.
 *
 * <p>Each file is read once, even when several roots call the same local module.
 */
public final class TerraformModules {
    private final IacOptions options;
    private final Map<Path, ModuleDir> dirs = new HashMap<>();
    private final Set<String> badSeen = new LinkedHashSet<>();
    final List<BadFile> badFiles = new ArrayList<>();
    final List<CoverageGap> gaps = new ArrayList<>();
    private final Set<String> gapSeen = new LinkedHashSet<>();
    Path base;

    public TerraformModules(IacOptions options) {
        this.options = options == null ? IacOptions.none() : options;
    }

    /**
     * @param resources every resource instance of every root module, with its module address
     * @param gaps      what could not be read (remote modules)
     * @param badFiles  files that could not be read or evaluated, one line each
     */
    public record Result(List<TfResource> resources, List<CoverageGap> gaps, List<BadFile> badFiles) {
    }

    /** Evaluates the Terraform files given ({@code .tf}, {@code .tf.json}); each call starts afresh. */
    public Result evaluate(List<Path> files) {
        dirs.clear();
        badSeen.clear();
        badFiles.clear();
        gaps.clear();
        gapSeen.clear();
        Map<Path, List<Path>> byDir = new TreeMap<>();
        List<Path> varFiles = new ArrayList<>();
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            if (underTerraformDir(abs)) continue;
            if (!ModuleDir.isTerraform(abs)) {
                varFiles.add(abs);
                continue;
            }
            byDir.computeIfAbsent(abs.getParent(), d -> new ArrayList<>()).add(abs);
        }
        base = commonAncestor(byDir.keySet());
        // reading is the bulk of the work and each directory is read on its own: in parallel
        Map<Path, ModuleDir> read = new java.util.concurrent.ConcurrentHashMap<>();
        byDir.entrySet().parallelStream().forEach(e -> read.put(e.getKey(), ModuleDir.read(e.getKey(), e.getValue())));
        for (Path d : byDir.keySet()) {
            ModuleDir m = read.get(d);
            dirs.put(d, m);
            for (BadFile b : m.badFiles) bad(b);
        }
        Set<Path> called = new LinkedHashSet<>();
        for (Path d : byDir.keySet()) {
            ModuleDir m = dirs.get(d);
            for (Body.Block call : m.modules.values()) {
                String src = literalSource(call);
                if (src == null || !isLocal(src)) continue;
                Path target = d.resolve(src).normalize();
                if (!target.equals(d)) called.add(target); // a directory calling itself is still a root, reported when evaluated
            }
        }
        // a variables file Terraform does not load by itself is named, since variables it would set stay unresolved
        Set<Path> given = new java.util.HashSet<>();
        for (Path f : options.varFiles()) given.add(f.toAbsolutePath().normalize());
        for (Path f : varFiles) {
            String n = f.getFileName().toString();
            boolean auto = n.equals("terraform.tfvars") || n.equals("terraform.tfvars.json") || n.endsWith(".auto.tfvars") || n.endsWith(".auto.tfvars.json");
            boolean root = byDir.containsKey(f.getParent()) && !called.contains(f.getParent());
            if (!(auto && root) && !given.contains(f)) {
                gap(IacPaths.display(f), "variables file not applied: Terraform loads it only when given with -var-file (vigil: --var-file)");
            }
        }
        List<TfResource> out = new ArrayList<>();
        for (Path d : byDir.keySet()) {
            if (called.contains(d)) continue;
            ModuleDir m = dirs.get(d);
            if (m.files == 0) continue;
            ModuleInstance root = ModuleInstance.root(this, m, rootVariables(m));
            List<TfResource> found = new ArrayList<>();
            try {
                root.collect(found);
                out.addAll(found);
            } catch (InputException e) {
                bad(BadFile.of(e));
            } catch (StackOverflowError | RuntimeException e) {
                bad(new BadFile(m.display, 0, "Vigil could not evaluate this module (" + e.getClass().getSimpleName() + ")"));
            }
        }
        return new Result(out, List.copyOf(gaps), List.copyOf(badFiles));
    }

    /**
     * Files under a {@code .terraform} directory are what {@code terraform init} downloaded (remote
     * modules, providers): not the configuration under review, and not roots of their own.
     */
    static boolean underTerraformDir(Path p) {
        for (Path part : p) if (part.toString().equals(".terraform")) return true;
        return false;
    }

    static boolean isLocal(String source) {
        return source.startsWith("./") || source.startsWith("../") || source.equals(".") || source.equals("..");
    }

    static String literalSource(Body.Block call) {
        Expr e = call.body().expr("source");
        return e instanceof Expr.Literal l && l.value() instanceof String s ? s : null;
    }

    /** A module directory, read once. */
    ModuleDir dir(Path dir) {
        return dirs.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
            ModuleDir m = ModuleDir.read(d);
            for (BadFile b : m.badFiles) bad(b);
            return m;
        });
    }

    void bad(BadFile b) {
        if (badSeen.add(b.message())) badFiles.add(b);
    }

    void gap(String scope, String reason) {
        if (gapSeen.add(scope + "|" + reason)) gaps.add(new CoverageGap(scope, reason));
    }

    /**
     * Reads a file for file()/templatefile(): only inside the scanned tree or a module directory
     * being read (after following links), at most 1 MB. Anything else (an absolute path elsewhere,
     * a URL-looking string, a link out of the tree) is not read.
     */
    Evaluator.FileText readFile(Path rootDir, String path) {
        try {
            Path p = Path.of(path);
            Path abs = (p.isAbsolute() ? p : rootDir.resolve(p)).toAbsolutePath().normalize();
            if (!Files.isRegularFile(abs)) return null;
            Path real = abs.toRealPath();
            boolean inside = base != null && real.startsWith(base.toRealPath());
            for (Path d : dirs.keySet()) {
                if (inside) break;
                inside = real.startsWith(d.toRealPath());
            }
            if (!inside || Files.size(real) > 1_000_000) return null;
            return new Evaluator.FileText(IacPaths.display(abs), Files.readString(real, StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * Values of a root module's variables from outside the configuration, in Terraform's order of
     * precedence (later wins): terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) in
     * name order, then --var-file files in order, then --var values.
     */
    private Map<String, RootValue> rootVariables(ModuleDir m) {
        Map<String, RootValue> values = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        for (String n : List.of("terraform.tfvars", "terraform.tfvars.json")) {
            Path f = m.dir.resolve(n);
            if (Files.isRegularFile(f)) files.add(f);
        }
        List<Path> auto = new ArrayList<>();
        try (var s = Files.list(m.dir)) {
            s.filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".auto.tfvars") || n.endsWith(".auto.tfvars.json");
            }).forEach(auto::add);
        } catch (IOException e) {
            // no auto files readable
        }
        auto.sort(null);
        files.addAll(auto);
        files.addAll(options.varFiles());
        for (Path f : files) {
            try {
                for (Map.Entry<String, Body.Attribute> e : VarFiles.read(f).entrySet()) {
                    values.put(e.getKey(), new RootValue(e.getValue().value(), null, IacPaths.display(f)));
                }
            } catch (InputException e) {
                bad(BadFile.of(e));
            }
        }
        for (Map.Entry<String, String> e : new TreeMap<>(options.vars()).entrySet()) {
            values.put(e.getKey(), new RootValue(null, e.getValue(), "--var " + e.getKey()));
        }
        return values;
    }

    /** A root variable's value: an expression from a variables file, or a --var string. */
    record RootValue(Expr expr, String raw, String from) {
    }

    private static Path commonAncestor(Set<Path> dirs) {
        Path common = null;
        for (Path d : dirs) {
            if (common == null) {
                common = d;
                continue;
            }
            while (common != null && !d.startsWith(common)) common = common.getParent();
        }
        return common;
    }
}
