package dev.vigil.iac.terraform;

import dev.vigil.iac.IacPaths;
import dev.vigil.iac.terraform.eval.Evaluator;
import dev.vigil.iac.terraform.hcl.Body;
import dev.vigil.iac.terraform.hcl.Expr;
import dev.vigil.iac.terraform.hcl.HclFile;
import dev.vigil.iac.terraform.hcl.SourceText;
import dev.vigil.iac.terraform.hcl.TfJson;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Terraform module directory, read once: its files' top-level blocks indexed by kind and name.
 * A file that cannot be read is a {@link BadFile}; the others are kept, and references into what
 * was lost evaluate to unresolved.
 */
final class ModuleDir {
    /** A local value with the file it is written in. */
    record Local(Body.Attribute attribute, String file) {
    }

    final Path dir;
    final String display;
    final Map<String, Body.Block> variables = new LinkedHashMap<>();
    final Map<String, Local> locals = new LinkedHashMap<>();
    /** "type.name" -> block, in order of appearance. */
    final Map<String, Body.Block> resources = new LinkedHashMap<>();
    final Map<String, Body.Block> data = new LinkedHashMap<>();
    final Map<String, Body.Block> modules = new LinkedHashMap<>();
    final Map<String, Body.Block> outputs = new LinkedHashMap<>();
    /** file -> comments, for vigil:ignore marks. */
    final Map<String, List<SourceText.Comment>> comments = new HashMap<>();
    private final Map<String, Map<Integer, SourceText.Comment>> ownLines = new HashMap<>();
    final List<BadFile> badFiles = new ArrayList<>();
    final List<String> brokenFiles = new ArrayList<>();
    int files;

    private ModuleDir(Path dir) {
        this.dir = dir;
        this.display = IacPaths.display(dir);
    }

    /**
     * Terraform refuses a call to a function it does not have wherever it is written, evaluated or
     * not (an unused local, a resource with count 0): so does Vigil, once per call, as bad input.
     * Variable type constraints ({@code list(string)}) are types, not calls.
     */
    private void unknownFunctions(String file, Body body, String blockType) {
        for (Body.Attribute a : body.attributes().values()) {
            if ("variable".equals(blockType) && a.name().equals("type")) continue;
            unknownFunctions(file, a.value());
        }
        for (Body.Block b : body.blocks()) unknownFunctions(file, b.body(), b.type());
    }

    private void unknownFunctions(String file, Expr e) {
        if (e == null) return;
        switch (e) {
            case Expr.Call c -> {
                if (!Evaluator.isFunction(c.name())) badFiles.add(new BadFile(file, c.line(), "unknown function " + c.name() + "()"));
                c.args().forEach(x -> unknownFunctions(file, x));
            }
            case Expr.Template t -> t.parts().forEach(x -> unknownFunctions(file, x));
            case Expr.TemplateIf t -> {
                unknownFunctions(file, t.condition());
                unknownFunctions(file, t.then());
                unknownFunctions(file, t.otherwise());
            }
            case Expr.TemplateFor t -> {
                unknownFunctions(file, t.collection());
                unknownFunctions(file, t.body());
            }
            case Expr.GetAttr g -> unknownFunctions(file, g.object());
            case Expr.Index i -> {
                unknownFunctions(file, i.collection());
                unknownFunctions(file, i.key());
            }
            case Expr.Splat s -> {
                unknownFunctions(file, s.source());
                unknownFunctions(file, s.each());
            }
            case Expr.Unary u -> unknownFunctions(file, u.operand());
            case Expr.Binary b -> {
                unknownFunctions(file, b.left());
                unknownFunctions(file, b.right());
            }
            case Expr.Conditional c -> {
                unknownFunctions(file, c.condition());
                unknownFunctions(file, c.then());
                unknownFunctions(file, c.otherwise());
            }
            case Expr.Tuple t -> t.items().forEach(x -> unknownFunctions(file, x));
            case Expr.ObjectCons o -> {
                o.keys().forEach(x -> unknownFunctions(file, x));
                o.values().forEach(x -> unknownFunctions(file, x));
            }
            case Expr.For f -> {
                unknownFunctions(file, f.collection());
                unknownFunctions(file, f.keyExpr());
                unknownFunctions(file, f.valueExpr());
                unknownFunctions(file, f.condition());
            }
            case Expr.Literal l -> { }
            case Expr.Name n -> { }
            case Expr.Lost l -> { }
        }
    }

    /** line -> the comment standing alone on that line, for the marks written above a block. */
    Map<Integer, SourceText.Comment> ownLineComments(String file) {
        return ownLines.computeIfAbsent(file, f -> {
            Map<Integer, SourceText.Comment> m = new HashMap<>();
            for (SourceText.Comment c : comments.getOrDefault(f, List.of())) {
                if (!c.ownLine()) continue;
                int last = c.line() + (int) c.text().chars().filter(ch -> ch == '\n').count();
                for (int l = c.line(); l <= last; l++) m.putIfAbsent(l, c); // a /* */ comment covers every line it spans
            }
            return m;
        });
    }

    static boolean isTerraform(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".tf") || n.endsWith(".tf.json");
    }

    /** Reads {@code files} (all in {@code dir}), in name order as Terraform does. */
    static ModuleDir read(Path dir, List<Path> files) {
        ModuleDir m = new ModuleDir(dir);
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(null);
        for (Path f : sorted) m.add(f);
        return m;
    }

    /** Reads every Terraform file of {@code dir} from disk (a local module outside the scanned files). */
    static ModuleDir read(Path dir) {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> isTerraform(p) && Files.isRegularFile(p)).forEach(files::add);
        } catch (IOException e) {
            // an unreadable directory reads as empty; the caller has checked that it exists
        }
        return read(dir, files);
    }

    private void add(Path f) {
        String file = IacPaths.display(f);
        HclFile hcl;
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            hcl = f.getFileName().toString().endsWith(".json") ? TfJson.read(file, text) : HclFile.read(file, text);
        } catch (InputException e) {
            badFiles.add(BadFile.of(e));
            brokenFiles.add(file);
            return;
        } catch (IOException | java.io.UncheckedIOException e) {
            badFiles.add(new BadFile(file, 0, "cannot read: " + e.getMessage()));
            brokenFiles.add(file);
            return;
        }
        files++;
        comments.put(file, hcl.comments());
        unknownFunctions(file, hcl.body(), null);
        for (Body.Block b : hcl.body().blocks()) {
            switch (b.type()) {
                case "variable" -> variables.put(b.label(0), b);
                case "locals" -> {
                    for (Body.Attribute a : b.body().attributes().values()) locals.put(a.name(), new Local(a, file));
                }
                case "resource" -> resources.put(b.label(0) + "." + b.label(1), b);
                case "data" -> data.put(b.label(0) + "." + b.label(1), b);
                case "module" -> modules.put(b.label(0), b);
                case "output" -> outputs.put(b.label(0), b);
                default -> {
                    // terraform, provider, moved, import, check blocks say nothing about resources' configuration
                }
            }
        }
    }
}
