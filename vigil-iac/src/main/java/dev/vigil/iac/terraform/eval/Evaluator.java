package dev.vigil.iac.terraform.eval;

import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.eval.Values.EvalError;
import dev.vigil.iac.terraform.eval.Values.Instance;
import dev.vigil.iac.terraform.hcl.Expr;
import dev.vigil.model.input.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates {@link Expr} trees against a {@link Scope}. An {@link Unresolved} operand makes the
 * operation unresolved (the first one met is kept, with the resource it refers to); a failure
 * Terraform would report is an {@link EvalError}; calling a function Terraform does not have is bad
 * input ({@link InputException}).
 */
public final class Evaluator {

    /** What names resolve to in one module instance. */
    public interface Scope {
        /** The file being evaluated, for messages. */
        String file();

        Object variable(String name, int line);

        Object local(String name, int line);

        /** A resource's value: an {@link Instance}, a list or map of them, or unresolved. */
        Object resource(String type, String name, int line);

        Object data(String type, String name, int line);

        Object module(String name, int line);

        Object path(String name, int line);

        /** Reads a file of the scanned tree (file, templatefile), or returns null when it may not. */
        FileText readFile(String path, int line);
    }

    /** A file read for file()/templatefile(), with its display name. */
    public record FileText(String file, String text) {
    }

    private record Ns(String kind, String first) {
    }

    private final Scope scope;
    private final Map<String, Object> bound;

    public Evaluator(Scope scope) {
        this(scope, Map.of());
    }

    private Evaluator(Scope scope, Map<String, Object> bound) {
        this.scope = scope;
        this.bound = bound;
    }

    /** True when {@code name} is a Terraform function Vigil knows (evaluated or knowingly left unresolved). */
    public static boolean isFunction(String name) {
        return name.equals("try") || name.equals("can") || name.startsWith("provider::") || Functions.exists(name);
    }

    public Scope scope() {
        return scope;
    }

    /** This evaluator with {@code name} bound to {@code value} (count, each, for and iterator variables). */
    public Evaluator with(String name, Object value) {
        Map<String, Object> b = new HashMap<>(bound);
        b.put(name, value);
        return new Evaluator(scope, b);
    }

    public Evaluator with(String a, Object va, String b, Object vb) {
        Map<String, Object> m = new HashMap<>(bound);
        if (a != null) m.put(a, va);
        m.put(b, vb);
        return new Evaluator(scope, m);
    }

    /**
     * The value of {@code e}; a Terraform evaluation error becomes unresolved with its reason (Vigil
     * does not guess past an error, and plan would have stopped on it).
     */
    public Object value(Expr e) {
        try {
            return eval(e);
        } catch (EvalError err) {
            return Unresolved.because(scope.file() + ":" + e.line() + ": " + err.getMessage());
        }
    }

    public Object eval(Expr e) {
        return switch (e) {
            case Expr.Literal l -> l.value();
            case Expr.Template t -> template(t);
            case Expr.TemplateIf t -> {
                Object c = eval(t.condition());
                if (c instanceof Unresolved u) yield u;
                yield Values.bool(c) ? eval(t.then()) : eval(t.otherwise());
            }
            case Expr.TemplateFor t -> templateFor(t);
            case Expr.Name n -> name(n);
            case Expr.GetAttr g -> getAttr(eval(g.object()), g.name(), g.line());
            case Expr.Index ix -> index(eval(ix.collection()), eval(ix.key()));
            case Expr.Splat s -> splat(s);
            case Expr.Call c -> call(c);
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> binary(b);
            case Expr.Conditional c -> {
                Object cond = eval(c.condition());
                if (cond instanceof Unresolved u) yield u;
                yield Values.bool(cond) ? eval(c.then()) : eval(c.otherwise());
            }
            case Expr.Tuple t -> {
                List<Object> out = new ArrayList<>(t.items().size());
                for (Expr x : t.items()) out.add(eval(x));
                yield out;
            }
            case Expr.ObjectCons o -> object(o);
            case Expr.For f -> forExpr(f);
            case Expr.Lost l -> Unresolved.because(scope.file() + ":" + l.line() + ": " + l.why());
        };
    }

    private Object template(Expr.Template t) {
        if (t.parts().size() == 1) return eval(t.parts().get(0)); // "${x}" is x itself, not its string
        StringBuilder b = new StringBuilder();
        for (Expr p : t.parts()) {
            Object v = eval(p);
            if (v instanceof Unresolved u) return u;
            b.append(Values.str(v));
        }
        return b.toString();
    }

    private Object templateFor(Expr.TemplateFor t) {
        Object coll = eval(t.collection());
        if (coll instanceof Unresolved u) return u;
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Object, Object> e : entries(coll)) {
            Object v = with(t.keyVar(), e.getKey(), t.valueVar(), e.getValue()).eval(t.body());
            if (v instanceof Unresolved u) return u;
            b.append(Values.str(v));
        }
        return b.toString();
    }

    private Object name(Expr.Name n) {
        if (bound.containsKey(n.name())) return bound.get(n.name());
        return switch (n.name()) {
            case "var", "local", "module", "data", "path", "terraform" -> new Ns(n.name(), null);
            case "count" -> throw new EvalError("count.index is only valid in a block that sets count");
            case "each" -> throw new EvalError("each is only valid in a block that sets for_each");
            case "self" -> Unresolved.because("self is known only in provisioners");
            case "string", "number", "bool", "any" -> n.name();
            default -> new Ns("resource", n.name());
        };
    }

    private Object getAttr(Object obj, String name, int line) {
        if (obj instanceof Unresolved u) return u;
        if (obj instanceof Ns ns) {
            return switch (ns.kind()) {
                case "var" -> scope.variable(name, line);
                case "local" -> scope.local(name, line);
                case "module" -> scope.module(name, line);
                case "path" -> scope.path(name, line);
                case "terraform" -> name.equals("workspace") ? "default" : Unresolved.because("terraform." + name + " is not known statically");
                case "data" -> ns.first() == null ? new Ns("data", name) : scope.data(ns.first(), name, line);
                default -> scope.resource(ns.first(), name, line);
            };
        }
        if (obj instanceof Instance i) return i.get(name);
        if (obj instanceof Map<?, ?> m) {
            if (m.containsKey(name)) return m.get(name);
            throw new EvalError("this object has no attribute \"" + name + "\"");
        }
        if (obj == null) throw new EvalError("cannot read attribute \"" + name + "\" of null");
        throw new EvalError("cannot read attribute \"" + name + "\" of a " + Values.typeName(obj));
    }

    private Object index(Object coll, Object key) {
        if (coll instanceof Unresolved u) return u;
        if (key instanceof Unresolved u) return u;
        if (coll instanceof List<?> l) {
            long i = Values.integer(key);
            if (i < 0 || i >= l.size()) throw new EvalError("index " + i + " is out of range for a list of " + l.size());
            return l.get((int) i);
        }
        if (coll instanceof Map<?, ?> m) {
            String k = Values.str(key);
            if (!m.containsKey(k)) throw new EvalError("the map has no element \"" + k + "\"");
            return m.get(k);
        }
        if (coll instanceof Instance i) return i.get(Values.str(key));
        throw new EvalError("cannot index a " + Values.typeName(coll));
    }

    private Object splat(Expr.Splat s) {
        Object src = eval(s.source());
        if (src instanceof Unresolved u) return u;
        if (src == null) return new ArrayList<>();
        List<Object> items = src instanceof List<?> l ? Values.list(l) : List.of(src);
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) out.add(with("~splat", item).eval(s.each()));
        return out;
    }

    private Object unary(Expr.Unary u) {
        Object v = eval(u.operand());
        if (v instanceof Unresolved x) return x;
        if (u.op().equals("!")) return !Values.bool(v);
        Object n = Values.num(v);
        return n instanceof Long l ? (Object) (-l) : (Object) (-(Double) n);
    }

    private Object binary(Expr.Binary b) {
        String op = b.op();
        Object l = eval(b.left());
        if (op.equals("&&") && l instanceof Boolean lb && !lb) return false;
        if (op.equals("||") && l instanceof Boolean lb && lb) return true;
        Object r = eval(b.right());
        if (op.equals("&&") && r instanceof Boolean rb && !rb && !(l instanceof Unresolved)) return false;
        if (op.equals("||") && r instanceof Boolean rb && rb && !(l instanceof Unresolved)) return true;
        if (l instanceof Unresolved u) return u;
        if (r instanceof Unresolved u) return u;
        switch (op) {
            case "==":
                return Values.equal(l, r);
            case "!=":
                return !Values.equal(l, r);
            case "&&":
                return Values.bool(l) && Values.bool(r);
            case "||":
                return Values.bool(l) || Values.bool(r);
            default:
                break;
        }
        Object x = Values.num(l);
        Object y = Values.num(r);
        if (x instanceof Long a && y instanceof Long c) {
            switch (op) {
                case "+": return a + c;
                case "-": return a - c;
                case "*": return a * c;
                case "%":
                    if (c == 0) throw new EvalError("modulo by zero");
                    return a % c;
                case "<": return a < c;
                case ">": return a > c;
                case "<=": return a <= c;
                case ">=": return a >= c;
                default: break;
            }
        }
        double a = ((Number) x).doubleValue();
        double c = ((Number) y).doubleValue();
        return switch (op) {
            case "+" -> Values.normalize(a + c);
            case "-" -> Values.normalize(a - c);
            case "*" -> Values.normalize(a * c);
            case "/" -> {
                if (c == 0) throw new EvalError("division by zero");
                yield Values.normalize(a / c);
            }
            case "%" -> Values.normalize(a % c);
            case "<" -> a < c;
            case ">" -> a > c;
            case "<=" -> a <= c;
            case ">=" -> a >= c;
            default -> throw new EvalError("unknown operator " + op);
        };
    }

    private Object object(Expr.ObjectCons o) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < o.keys().size(); i++) {
            Expr ke = o.keys().get(i);
            Object k = ke instanceof Expr.Name n && !bound.containsKey(n.name()) ? n.name() : eval(ke);
            if (k instanceof Unresolved u) return u;
            out.put(Values.str(k), eval(o.values().get(i)));
        }
        return out;
    }

    /** (key, value) pairs of a collection: list index and element, map key and value. */
    static List<Map.Entry<Object, Object>> entries(Object coll) {
        List<Map.Entry<Object, Object>> out = new ArrayList<>();
        if (coll instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) out.add(new java.util.AbstractMap.SimpleImmutableEntry<>((long) i, l.get(i)));
        } else if (coll instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
        } else if (coll instanceof Instance i) {
            return entries(i.attributes());
        } else if (coll == null) {
            throw new EvalError("cannot iterate over null");
        } else {
            throw new EvalError("cannot iterate over a " + Values.typeName(coll));
        }
        return out;
    }

    private Object forExpr(Expr.For f) {
        Object coll = eval(f.collection());
        if (coll instanceof Unresolved u) return u;
        List<Object> tuple = f.keyExpr() == null ? new ArrayList<>() : null;
        Map<String, Object> obj = f.keyExpr() == null ? null : new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : entries(coll)) {
            Evaluator inner = with(f.keyVar(), e.getKey(), f.valueVar(), e.getValue());
            if (f.condition() != null) {
                Object c = inner.eval(f.condition());
                if (c instanceof Unresolved u) return u;
                if (!Values.bool(c)) continue;
            }
            if (tuple != null) {
                tuple.add(inner.eval(f.valueExpr()));
            } else {
                Object k = inner.eval(f.keyExpr());
                if (k instanceof Unresolved u) return u;
                String key = Values.str(k);
                Object v = inner.eval(f.valueExpr());
                if (f.grouping()) {
                    @SuppressWarnings("unchecked")
                    List<Object> group = (List<Object>) obj.computeIfAbsent(key, x -> new ArrayList<>());
                    group.add(v);
                } else {
                    if (obj.containsKey(key)) throw new EvalError("duplicate key \"" + key + "\" in for expression (use ... to group)");
                    obj.put(key, v);
                }
            }
        }
        return tuple != null ? tuple : obj;
    }

    private Object call(Expr.Call c) {
        String name = c.name();
        if (name.startsWith("provider::")) return Unresolved.because(name + "() is a provider-defined function, which Vigil does not run");
        if (name.equals("try")) {
            for (Expr a : c.args()) {
                try {
                    Object v = eval(a);
                    if (v instanceof Unresolved) return v; // it might have failed once known: not knowable
                    return v;
                } catch (EvalError ignored) {
                    // try the next one
                }
            }
            throw new EvalError("no argument of try() could be evaluated");
        }
        if (name.equals("can")) {
            if (c.args().size() != 1) throw new EvalError("can() takes one argument");
            try {
                Object v = eval(c.args().get(0));
                return v instanceof Unresolved u ? u : Boolean.TRUE;
            } catch (EvalError e) {
                return false;
            }
        }
        if (!Functions.exists(name)) throw new InputException(scope.file(), c.line(), "unknown function " + name + "()");
        List<Object> args = new ArrayList<>(c.args().size());
        for (Expr a : c.args()) args.add(eval(a));
        if (c.expandLast() && !args.isEmpty()) {
            Object last = args.remove(args.size() - 1);
            if (last instanceof Unresolved u) return u;
            args.addAll(Values.list(last));
        }
        return Functions.call(name, args, this, c.line());
    }

    /** Reads a template text with the given variables (templatefile). */
    Object renderTemplate(Expr template, Map<String, Object> vars) {
        Map<String, Object> b = new HashMap<>(vars);
        return new Evaluator(scope, b).eval(template);
    }
}
