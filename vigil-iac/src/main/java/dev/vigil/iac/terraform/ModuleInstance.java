package dev.vigil.iac.terraform;

import dev.vigil.iac.IacPaths;
import dev.vigil.iac.IgnoreMarks;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.eval.Evaluator;
import dev.vigil.iac.terraform.eval.Values;
import dev.vigil.iac.terraform.eval.Values.EvalError;
import dev.vigil.iac.terraform.eval.Values.Instance;
import dev.vigil.iac.terraform.hcl.Body;
import dev.vigil.iac.terraform.hcl.Expr;
import dev.vigil.iac.terraform.hcl.HclFile;
import dev.vigil.iac.terraform.hcl.SourceText;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.InlineSuppression;
import dev.vigil.model.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One instance of a module (the root, or {@code module.a["k"]}) being evaluated. Everything is
 * evaluated lazily and once: a local, a variable, a resource's instances, a module call's outputs
 * are computed when first referred to, and a reference back into something still being computed
 * (a cycle, which Terraform refuses) is unresolved.
 *
 * <p>count and for_each: when their value is known, one instance per element, addressed
 * {@code type.name[0]} or {@code type.name["key"]}. When it is not known statically, a single
 * instance is emitted at the bare address with {@code count.index}, {@code each.key} and
 * {@code each.value} unresolved, so every attribute that depends on them is unresolved (and the
 * rest, usually the security settings, is still checked).
 */
final class ModuleInstance {
    private static final Set<String> META = Set.of("count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection");
    private static final Object IN_PROGRESS = new Object();
    /** count or for_each beyond this is not expanded (an input could otherwise ask for billions of instances). */
    static final int MAX_INSTANCES = 10_000;

    private final TerraformModules ctx;
    private final ModuleDir mod;
    private final String prefix;
    private final String source;
    private final Path rootDir;
    private final ModuleInstance parent;
    /** Root: values from variables files and --var. */
    private final Map<String, TerraformModules.RootValue> rootValues;
    /** Child: the module block and the parent's evaluator for this instance (each/count bound). */
    private final Body.Block call;
    private final Evaluator callEval;

    private final Map<String, Object> variables = new HashMap<>();
    private final Map<String, Object> locals = new HashMap<>();
    private final Map<String, Object> resourceValues = new HashMap<>();
    private final Map<String, List<Emitted>> resourceInstances = new HashMap<>();
    private final Map<String, Object> dataValues = new HashMap<>();
    private final Map<String, Object> moduleValues = new HashMap<>();
    private final Map<String, List<ModuleInstance>> children = new HashMap<>();
    private Map<String, Object> outputs;

    /** One evaluated resource instance. */
    private record Emitted(String address, Map<String, Object> attributes, Body.Block block) {
    }

    private ModuleInstance(TerraformModules ctx, ModuleDir mod, String prefix, String source, Path rootDir, ModuleInstance parent,
                           Map<String, TerraformModules.RootValue> rootValues, Body.Block call, Evaluator callEval) {
        this.ctx = ctx;
        this.mod = mod;
        this.prefix = prefix;
        this.source = source;
        this.rootDir = rootDir;
        this.parent = parent;
        this.rootValues = rootValues;
        this.call = call;
        this.callEval = callEval;
    }

    static ModuleInstance root(TerraformModules ctx, ModuleDir mod, Map<String, TerraformModules.RootValue> values) {
        return new ModuleInstance(ctx, mod, "", mod.display, mod.dir, null, values, null, null);
    }

    /** An evaluator whose messages name {@code file}. */
    Evaluator evaluator(String file) {
        return new Evaluator(new At(file));
    }

    // ---------------------------------------------------------------- output

    /** Adds every resource instance of this module and the local modules it calls. */
    void collect(List<TfResource> out) {
        for (String key : mod.resources.keySet()) {
            resourceValue(key);
            for (Emitted e : resourceInstances.getOrDefault(key, List.of())) {
                String type = e.block().label(0);
                String id = IacPaths.resourceId(source, e.address());
                out.add(new TfResource(type, e.address(), source, e.block().file(), e.block().startLine(), e.block().endLine(), e.attributes(),
                        marks(e.block(), id), lines(e.block().body())));
            }
        }
        for (String name : mod.modules.keySet()) {
            for (ModuleInstance child : children(name)) child.collect(out);
        }
    }

    /**
     * Where each argument and nested block of a resource body is written: {@code bucket},
     * {@code metadata_options}, {@code metadata_options.http_tokens}; a {@code dynamic "ingress"}
     * block stands for the {@code ingress} blocks it makes. The first occurrence of a repeated block
     * type wins: lines say where to look, not which instance.
     */
    static java.util.Map<String, Integer> lines(Body body) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        lines(body, "", out);
        return out;
    }

    private static void lines(Body body, String prefix, java.util.Map<String, Integer> out) {
        for (Body.Attribute a : body.attributes().values()) out.putIfAbsent(prefix + a.name(), a.line());
        for (Body.Block b : body.blocks()) {
            boolean dynamic = b.type().equals("dynamic");
            String type = dynamic ? b.label(0) : b.type();
            if (type.isEmpty()) continue;
            out.putIfAbsent(prefix + type, b.startLine());
            Body inner = b.body();
            if (dynamic) {
                List<Body.Block> content = inner.blocks("content");
                if (content.isEmpty()) continue;
                inner = content.get(0).body();
            }
            lines(inner, prefix + type + ".", out);
        }
    }

    /** The vigil:ignore marks inside the block or on the comment lines directly above it. */
    private List<InlineSuppression> marks(Body.Block b, String id) {
        List<SourceText.Comment> cs = mod.comments.getOrDefault(b.file(), List.of());
        if (cs.isEmpty()) return List.of();
        Map<Integer, SourceText.Comment> ownLines = mod.ownLineComments(b.file());
        List<InlineSuppression> out = new ArrayList<>();
        List<SourceText.Comment> above = new ArrayList<>();
        for (int l = b.startLine() - 1; ownLines.containsKey(l); l--) {
            SourceText.Comment c = ownLines.get(l);
            if (!above.contains(c)) above.add(0, c);
        }
        List<SourceText.Comment> relevant = new ArrayList<>(above);
        for (SourceText.Comment c : cs) if (c.line() >= b.startLine() && c.line() <= b.endLine()) relevant.add(c);
        for (SourceText.Comment c : relevant) {
            if (!IgnoreMarks.present(c.text())) continue;
            try {
                InlineSuppression s = IgnoreMarks.parse(c.text(), id, b.file(), c.line());
                if (s != null) out.add(s);
            } catch (InputException e) {
                ctx.bad(BadFile.of(e));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- resources

    private Object resourceValue(String key) {
        Object v = resourceValues.get(key);
        if (v == IN_PROGRESS) return Unresolved.because(prefix + key + " refers to itself through other values");
        if (v != null || resourceValues.containsKey(key)) return v;
        Body.Block b = mod.resources.get(key);
        resourceValues.put(key, IN_PROGRESS);
        List<Emitted> instances = new ArrayList<>();
        Object value = expand(b, prefix + key, (ev, address) -> {
            Map<String, Object> attrs = body(ev, b.body(), true);
            instances.add(new Emitted(address, attrs, b));
            return new Instance(address, attrs);
        });
        resourceInstances.put(key, instances);
        resourceValues.put(key, value);
        return value;
    }

    @FunctionalInterface
    private interface InstanceMaker {
        Object make(Evaluator ev, String address);
    }

    /**
     * Expands count/for_each of {@code b}: the value other expressions see (an instance, a list, a
     * map, or unresolved when the count is not known).
     */
    private Object expand(Body.Block b, String address, InstanceMaker maker) {
        Evaluator base = evaluator(b.file());
        Expr count = b.body().expr("count");
        Expr forEach = b.body().expr("for_each");
        if (count != null) {
            Object n = safe(base, count);
            if (n instanceof Unresolved u) {
                Unresolved idx = new Unresolved("count of " + address + " is not known statically: " + u.reason(), u.refersTo());
                maker.make(base.with("count", Map.of("index", idx)), address);
                return new Unresolved("count of " + address + " is not known statically: " + u.reason(), address);
            }
            long c;
            try {
                c = Values.integer(n);
            } catch (EvalError e) {
                Unresolved idx = Unresolved.because(b.file() + ":" + count.line() + ": count: " + e.getMessage());
                maker.make(base.with("count", Map.of("index", idx)), address);
                return idx;
            }
            if (c > MAX_INSTANCES) {
                Unresolved idx = Unresolved.because(b.file() + ":" + count.line() + ": count " + c + " is more instances than Vigil expands (" + MAX_INSTANCES + ")");
                maker.make(base.with("count", Map.of("index", idx)), address);
                return new Unresolved(idx.reason(), address);
            }
            List<Object> list = new ArrayList<>();
            for (long i = 0; i < c; i++) list.add(maker.make(base.with("count", Map.of("index", i)), address + "[" + i + "]"));
            return list;
        }
        if (forEach != null) {
            Object coll = safe(base, forEach);
            Map<String, Object> entries = new LinkedHashMap<>();
            Unresolved unknown = coll instanceof Unresolved u ? u : null;
            if (unknown == null) {
                try {
                    if (coll instanceof Map<?, ?> m) {
                        for (Map.Entry<?, ?> e : m.entrySet()) entries.put(String.valueOf(e.getKey()), e.getValue());
                    } else if (coll instanceof List<?> l) {
                        for (Object o : l) {
                            if (o instanceof Unresolved u) {
                                unknown = u;
                                break;
                            }
                            entries.put(Values.str(o), o);
                        }
                    } else {
                        unknown = Unresolved.because(b.file() + ":" + forEach.line() + ": for_each needs a map or a set of strings");
                    }
                    if (unknown == null && entries.size() > MAX_INSTANCES) {
                        unknown = Unresolved.because("for_each has more elements than Vigil expands (" + MAX_INSTANCES + ")");
                    }
                } catch (EvalError e) {
                    unknown = Unresolved.because(b.file() + ":" + forEach.line() + ": for_each: " + e.getMessage());
                }
            }
            if (unknown != null) {
                Unresolved each = new Unresolved("for_each of " + address + " is not known statically: " + unknown.reason(), unknown.refersTo());
                maker.make(base.with("each", Map.of("key", each, "value", each)), address);
                return new Unresolved("for_each of " + address + " is not known statically: " + unknown.reason(), address);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                Map<String, Object> each = new HashMap<>();
                each.put("key", e.getKey());
                each.put("value", e.getValue());
                out.put(e.getKey(), maker.make(base.with("each", each), address + "[\"" + e.getKey() + "\"]"));
            }
            return out;
        }
        return maker.make(base, address);
    }

    /** Evaluates with bad input (an unknown function) recorded and read as unresolved. */
    private Object safe(Evaluator ev, Expr e) {
        try {
            return ev.value(e);
        } catch (InputException x) {
            ctx.bad(BadFile.of(x));
            return Unresolved.because(x.getMessage());
        } catch (StackOverflowError | RuntimeException x) {
            // a shape this evaluator does not handle must cost one value, not the scan
            return Unresolved.because(ev.scope().file() + ":" + e.line() + ": Vigil could not evaluate this expression (" + x.getClass().getSimpleName() + ")");
        }
    }

    /** A body in the shape of {@code terraform show -json}: attributes, and nested blocks as lists of maps. */
    private Map<String, Object> body(Evaluator ev, Body body, boolean top) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Body.Attribute a : body.attributes().values()) {
            if (top && META.contains(a.name())) continue;
            out.put(a.name(), Values.plain(safe(ev, a.value())));
        }
        for (Body.Block nb : body.blocks()) {
            if (top && META.contains(nb.type())) continue;
            if (nb.type().equals("dynamic")) {
                dynamic(ev, nb, out);
                continue;
            }
            blockList(out, nb.type()).add(body(ev, nb.body(), false));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> blockList(Map<String, Object> out, String type) {
        Object cur = out.get(type);
        if (cur instanceof List<?> l) return (List<Object>) l;
        List<Object> l = new ArrayList<>();
        out.put(type, l);
        return l;
    }

    /** {@code dynamic "x" { for_each = ...; iterator = it; content { ... } }}: one block x per element. */
    private void dynamic(Evaluator ev, Body.Block d, Map<String, Object> out) {
        String type = d.label(0);
        List<Object> list = blockList(out, type);
        Expr it = d.body().expr("iterator");
        String iter = it instanceof Expr.Name n ? n.name() : it instanceof Expr.Literal l && l.value() instanceof String s ? s : type;
        List<Body.Block> contents = d.body().blocks("content");
        if (contents.isEmpty()) return;
        Body content = contents.get(0).body();
        Expr forEach = d.body().expr("for_each");
        Object coll = forEach == null ? Unresolved.because(d.file() + ":" + d.startLine() + ": dynamic \"" + type + "\" has no for_each") : safe(ev, forEach);
        if (coll instanceof Unresolved u) {
            list.add(new Unresolved("dynamic \"" + type + "\" blocks are not known statically: " + u.reason(), u.refersTo()));
            return;
        }
        List<Map.Entry<Object, Object>> entries = new ArrayList<>();
        if (coll instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) entries.add(Map.entry(e.getKey(), e.getValue() == null ? NULL : e.getValue()));
        } else if (coll instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                Object v = l.get(i);
                entries.add(Map.entry(v instanceof String s ? s : (Object) (long) i, v == null ? NULL : v));
            }
        } else if (coll != null) {
            list.add(Unresolved.because(d.file() + ":" + d.startLine() + ": dynamic \"" + type + "\" for_each is not a collection"));
            return;
        }
        for (Map.Entry<Object, Object> e : entries) {
            Map<String, Object> iv = new HashMap<>();
            iv.put("key", e.getKey());
            iv.put("value", e.getValue() == NULL ? null : e.getValue());
            list.add(body(ev.with(iter, iv), content, false));
        }
    }

    private static final Object NULL = new Object();

    // ---------------------------------------------------------------- variables and locals

    private Object variable(String name, int line) {
        return once(variables, name, "var." + name, () -> computeVariable(name));
    }

    /**
     * The value cached under {@code key}, computed once. A value that needs itself on the way is
     * unresolved ({@code what} refers to itself), never an endless loop; a computation that fails
     * leaves nothing cached, so the next reader fails the same way.
     */
    private static Object once(Map<String, Object> cache, String key, String what, java.util.function.Supplier<Object> compute) {
        if (cache.containsKey(key)) {
            Object v = cache.get(key);
            return v == IN_PROGRESS ? Unresolved.because(what + " refers to itself") : v;
        }
        cache.put(key, IN_PROGRESS);
        try {
            Object v = compute.get();
            cache.put(key, v);
            return v;
        } catch (RuntimeException e) {
            cache.remove(key);
            throw e;
        }
    }

    private Object computeVariable(String name) {
        Body.Block decl = mod.variables.get(name);
        if (decl == null) {
            if (!mod.brokenFiles.isEmpty()) return Unresolved.because("var." + name + " is declared in a file that could not be read");
            throw new EvalError("var." + name + " is not declared (no variable \"" + name + "\" block)");
        }
        Expr type = decl.body().expr("type");
        if (call != null) {
            Expr given = call.body().expr(name);
            if (given != null) return convert(safe(callEval, given), type);
        } else {
            TerraformModules.RootValue rv = rootValues.get(name);
            if (rv != null) {
                if (rv.expr() != null) return convert(safe(new Evaluator(new Constants(rv.from())), rv.expr()), type);
                return convert(cliValue(rv, type), type);
            }
        }
        Expr def = decl.body().expr("default");
        if (def != null) return convert(safe(evaluator(decl.file()), def), type);
        String where = call == null ? "" : prefix.substring(0, prefix.length() - 1) + ": ";
        return Unresolved.because(where + "var." + name + " has no value (give it with --var or a .tfvars file)");
    }

    /** A --var value: a string for string variables; otherwise read as an HCL literal when it looks like one. */
    private Object cliValue(TerraformModules.RootValue rv, Expr type) {
        String raw = rv.raw();
        if (typeName(type).equals("string")) return raw;
        String t = raw.strip();
        boolean literal = t.startsWith("[") || t.startsWith("{") || t.startsWith("\"") || t.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")
                || t.equals("true") || t.equals("false") || t.equals("null");
        if (!literal) return raw;
        try {
            return safe(new Evaluator(new Constants(rv.from())), HclFile.expression(rv.from(), t, 1));
        } catch (InputException e) {
            ctx.bad(BadFile.of(e));
            return Unresolved.because(e.getMessage());
        }
    }

    private static String typeName(Expr type) {
        if (type instanceof Expr.Name n) return n.name();
        if (type instanceof Expr.Literal l && l.value() instanceof String s) return s;
        return "";
    }

    /**
     * Converts a value to a variable's declared type as far as Vigil follows Terraform: primitive
     * conversions, and the defaults of {@code optional(type, default)} attributes of object types,
     * through lists, sets and maps of them.
     */
    private Object convert(Object v, Expr type) {
        if (v == null || v instanceof Unresolved) return v;
        if (type instanceof Expr.Call c && !c.args().isEmpty()) {
            Expr inner = c.args().get(0);
            switch (c.name()) {
                case "list", "set" -> {
                    if (!(v instanceof List<?> l)) return v;
                    List<Object> out = new ArrayList<>();
                    for (Object o : l) out.add(convert(o, inner));
                    return out;
                }
                case "map" -> {
                    if (!(v instanceof Map<?, ?> m)) return v;
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), convert(e.getValue(), inner));
                    return out;
                }
                case "object" -> {
                    if (!(v instanceof Map<?, ?> m) || !(inner instanceof Expr.ObjectCons attrs)) return v;
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), e.getValue());
                    for (int i = 0; i < attrs.keys().size(); i++) {
                        if (!(attrs.keys().get(i) instanceof Expr.Literal kl)) continue;
                        String key = String.valueOf(kl.value());
                        Expr at = attrs.values().get(i);
                        if (at instanceof Expr.Call oc && oc.name().equals("optional") && !oc.args().isEmpty()) {
                            if (out.get(key) == null) {
                                Object def = oc.args().size() > 1 ? safe(evaluator(mod.display), oc.args().get(1)) : null;
                                out.put(key, def);
                            }
                            at = oc.args().get(0);
                        }
                        if (out.containsKey(key)) out.put(key, convert(out.get(key), at));
                    }
                    return out;
                }
                default -> {
                    return v;
                }
            }
        }
        return convertPrimitive(v, type);
    }

    private static Object convertPrimitive(Object v, Expr type) {
        try {
            return switch (typeName(type)) {
                case "string" -> v instanceof Number || v instanceof Boolean ? Values.str(v) : v;
                case "number" -> v instanceof String ? Values.num(v) : v;
                case "bool" -> v instanceof String ? Values.bool(v) : v;
                default -> v;
            };
        } catch (EvalError e) {
            return Unresolved.because("the value is not a " + typeName(type) + ": " + e.getMessage());
        }
    }

    private Object local(String name, int line) {
        if (!locals.containsKey(name) && mod.locals.get(name) == null) {
            if (!mod.brokenFiles.isEmpty()) return Unresolved.because("local." + name + " is declared in a file that could not be read");
            throw new EvalError("local." + name + " is not declared");
        }
        return once(locals, name, "local." + name, () -> {
            ModuleDir.Local l = mod.locals.get(name);
            return safe(evaluator(l.file()), l.attribute().value());
        });
    }

    // ---------------------------------------------------------------- data sources

    private Object data(String type, String name, int line) {
        String key = type + "." + name;
        Body.Block b = mod.data.get(key);
        if (!dataValues.containsKey(key) && b == null) {
            if (!mod.brokenFiles.isEmpty()) return Unresolved.because("data." + key + " is declared in a file that could not be read");
            throw new EvalError("data." + key + " is not declared");
        }
        return once(dataValues, key, "data." + key, () -> type.equals("aws_iam_policy_document")
                ? expand(b, prefix + "data." + key, (ev, addr) -> PolicyDocument.render(addr, body(ev, b.body(), true)))
                : Unresolved.because("data." + key + " is read at plan time"));
    }

    // ---------------------------------------------------------------- modules

    private List<ModuleInstance> children(String name) {
        List<ModuleInstance> c = children.get(name);
        if (c != null) return c;
        children.put(name, List.of());
        moduleValue(name);
        return children.getOrDefault(name, List.of());
    }

    private Object module(String name, int line) {
        if (!mod.modules.containsKey(name)) {
            if (!mod.brokenFiles.isEmpty()) return Unresolved.because("module." + name + " is declared in a file that could not be read");
            throw new EvalError("module." + name + " is not declared");
        }
        return moduleValue(name);
    }

    private Object moduleValue(String name) {
        return once(moduleValues, name, "module." + name, () -> computeModule(name));
    }

    private Object computeModule(String name) {
        Body.Block b = mod.modules.get(name);
        String label = prefix + "module." + name;
        Expr srcExpr = b.body().expr("source");
        String src = TerraformModules.literalSource(b);
        if (src == null) {
            return Unresolved.because(label + " has a source that is not a literal string" + (srcExpr == null ? " (no source)" : ""));
        }
        if (!TerraformModules.isLocal(src)) {
            String reason = label + " comes from " + src + ", which Vigil does not fetch";
            ctx.gap(source + " " + label, reason);
            return Unresolved.because(reason);
        }
        Path dir = mod.dir.resolve(src).normalize();
        if (!Files.isDirectory(dir)) {
            ctx.bad(BadFile.of(new InputException(b.file(), b.startLine(), "module \"" + name + "\": source " + src + " not found")));
            return Unresolved.because("module \"" + name + "\": source " + src + " not found");
        }
        for (ModuleInstance p = this; p != null; p = p.parent) {
            if (p.mod.dir.equals(dir)) {
                ctx.bad(BadFile.of(new InputException(b.file(), b.startLine(), "module \"" + name + "\": source " + src + " calls itself")));
                return Unresolved.because(label + " calls itself");
            }
        }
        ModuleDir childDir = ctx.dir(dir);
        List<ModuleInstance> made = new ArrayList<>();
        Object value = expand(b, label, (ev, address) -> {
            ModuleInstance child = new ModuleInstance(ctx, childDir, address + ".", source, rootDir, this, null, b, ev);
            made.add(child);
            return new Values.Instance(address, child.outputsLazy(), false);
        });
        children.put(name, made);
        return value;
    }

    /**
     * The outputs of this module instance, computed when first read. A map whose lookups evaluate
     * the output's value on demand keeps a module's outputs from being evaluated for nothing.
     */
    private Map<String, Object> outputsLazy() {
        ModuleInstance self = this;
        return new java.util.AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                return self.outputs().entrySet();
            }

            @Override
            public boolean containsKey(Object key) {
                return mod.outputs.containsKey(key) || !mod.brokenFiles.isEmpty();
            }

            @Override
            public Object get(Object key) {
                if (!mod.outputs.containsKey(key)) {
                    return mod.brokenFiles.isEmpty() ? null : Unresolved.because(prefix + key + " is declared in a file that could not be read");
                }
                return self.output((String) key);
            }
        };
    }

    private final Map<String, Object> outputCache = new HashMap<>();

    private Object output(String name) {
        return once(outputCache, name, "output " + name, () -> {
            Body.Block o = mod.outputs.get(name);
            Expr e = o.body().expr("value");
            return e == null ? null : safe(evaluator(o.file()), e);
        });
    }

    private Map<String, Object> outputs() {
        if (outputs == null) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String n : mod.outputs.keySet()) out.put(n, output(n));
            outputs = out;
        }
        return outputs;
    }

    // ---------------------------------------------------------------- scope

    /** Names as seen from one file of this module instance. */
    private final class At implements Evaluator.Scope {
        private final String file;

        At(String file) {
            this.file = file;
        }

        @Override
        public String file() {
            return file;
        }

        @Override
        public Object variable(String name, int line) {
            return ModuleInstance.this.variable(name, line);
        }

        @Override
        public Object local(String name, int line) {
            return ModuleInstance.this.local(name, line);
        }

        @Override
        public Object resource(String type, String name, int line) {
            String key = type + "." + name;
            if (!mod.resources.containsKey(key)) {
                if (!mod.brokenFiles.isEmpty()) return Unresolved.because(prefix + key + " is declared in a file that could not be read");
                throw new EvalError("reference to undeclared resource " + key);
            }
            return resourceValue(key);
        }

        @Override
        public Object data(String type, String name, int line) {
            return ModuleInstance.this.data(type, name, line);
        }

        @Override
        public Object module(String name, int line) {
            return ModuleInstance.this.module(name, line);
        }

        @Override
        public Object path(String name, int line) {
            return switch (name) {
                case "module" -> {
                    Path rel = rootDir.relativize(mod.dir);
                    String s = rel.toString().replace('\\', '/');
                    yield s.isEmpty() ? "." : s;
                }
                case "root" -> ".";
                case "cwd" -> IacPaths.display(rootDir);
                default -> throw new EvalError("path." + name + " does not exist");
            };
        }

        @Override
        public Evaluator.FileText readFile(String path, int line) {
            return ctx.readFile(rootDir, path);
        }
    }

    /** The scope of a variables file: constants only. */
    private final class Constants implements Evaluator.Scope {
        private final String file;

        Constants(String file) {
            this.file = file;
        }

        public String file() {
            return file;
        }

        public Object variable(String name, int line) {
            throw new EvalError("a variables file cannot refer to var." + name);
        }

        public Object local(String name, int line) {
            throw new EvalError("a variables file cannot refer to local." + name);
        }

        public Object resource(String type, String name, int line) {
            throw new EvalError("a variables file cannot refer to " + type + "." + name);
        }

        public Object data(String type, String name, int line) {
            throw new EvalError("a variables file cannot refer to data sources");
        }

        public Object module(String name, int line) {
            throw new EvalError("a variables file cannot refer to modules");
        }

        public Object path(String name, int line) {
            throw new EvalError("a variables file cannot refer to path." + name);
        }

        public Evaluator.FileText readFile(String path, int line) {
            return null;
        }
    }

}
