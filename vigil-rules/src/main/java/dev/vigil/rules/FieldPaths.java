package dev.vigil.rules;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a parsed CEL check and follows every field access from {@code resource}, from
 * {@code params}, and from what {@code related(...)} and {@code resources(...)} return, against the
 * schemas of the canonical types. CEL sees resources as {@code map(string, dyn)}, so without this a
 * misspelled field would only show up as a runtime error in someone's scan.
 *
 * <p>It also records which property paths of which types the check reads, so that an evaluation
 * error can be traced to the properties the input left unknown.
 */
final class FieldPaths {

    /** A property path read by a check: {@code self} for the rule's own resource, else another type's. */
    record Read(String type, boolean self, String path) {
    }

    /** What the walker knows about a sub-expression: its shape and where it comes from. */
    private record Value(Schema schema, String type, boolean self, String path) {
        static final Value UNKNOWN = new Value(null, null, false, null);

        Value child(Schema s, String segment) {
            String p = path == null ? null : (path.isEmpty() ? segment : path + "." + segment);
            return new Value(s, type, self, p);
        }
    }

    private final ResourceTypes types;
    private final String ruleType;
    private final Map<String, Object> params;
    private final List<String> problems = new ArrayList<>();
    private final Set<Read> reads = new LinkedHashSet<>();
    private final Set<String> functions = new LinkedHashSet<>();

    private FieldPaths(ResourceTypes types, String ruleType, Map<String, Object> params) {
        this.types = types;
        this.ruleType = ruleType;
        this.params = params;
    }

    record Analysis(List<String> problems, Set<Read> reads, Set<String> functions) {
    }

    static Analysis analyze(CelExpr expr, ResourceTypes types, String ruleType, Map<String, Object> params) {
        FieldPaths walker = new FieldPaths(types, ruleType, params);
        walker.walk(expr, new HashMap<>());
        return new Analysis(List.copyOf(walker.problems), Set.copyOf(walker.reads), Set.copyOf(walker.functions));
    }

    private Value walk(CelExpr e, Map<String, Value> scope) {
        switch (e.getKind()) {
            case IDENT -> {
                String name = e.ident().name();
                if (scope.containsKey(name)) return scope.get(name);
                if (name.equals("resource")) {
                    return new Value(types.find(ruleType).orElseThrow().schema(), ruleType, true, "");
                }
                return Value.UNKNOWN;
            }
            case SELECT -> {
                var sel = e.select();
                if (sel.operand().getKind() == CelExpr.ExprKind.Kind.IDENT && sel.operand().ident().name().equals("params")
                        && !scope.containsKey("params")) {
                    if (!params.containsKey(sel.field())) {
                        problems.add("params." + sel.field() + " is not a parameter of this rule (declared: "
                                + (params.isEmpty() ? "none" : String.join(", ", params.keySet())) + ")");
                    }
                    return Value.UNKNOWN;
                }
                Value operand = walk(sel.operand(), scope);
                return select(operand, sel.field());
            }
            case CALL -> {
                var call = e.call();
                String fn = call.function();
                functions.add(fn);
                Value target = call.target().map(t -> walk(t, scope)).orElse(null);
                List<Value> args = new ArrayList<>();
                for (CelExpr a : call.args()) args.add(walk(a, scope));
                if (fn.equals("_[_]") && args.size() == 2) {
                    return index(args.get(0), call.args().get(1));
                }
                if ((fn.equals("related") && call.args().size() == 2) || (fn.equals("resources") && call.args().size() == 1)) {
                    CelExpr typeArg = call.args().get(call.args().size() - 1);
                    return inventoryList(fn, typeArg);
                }
                if (fn.equals("referencing") && call.args().size() == 2) {
                    return inventoryList(fn, call.args().get(0));
                }
                return Value.UNKNOWN;
            }
            case COMPREHENSION -> {
                var c = e.comprehension();
                Value range = walk(c.iterRange(), scope);
                walk(c.accuInit(), scope);
                Map<String, Value> inner = new HashMap<>(scope);
                inner.put(c.iterVar(), element(range));
                inner.put(c.accuVar(), Value.UNKNOWN);
                walk(c.loopCondition(), inner);
                walk(c.loopStep(), inner);
                walk(c.result(), inner);
                return Value.UNKNOWN;
            }
            case LIST -> {
                e.list().elements().forEach(x -> walk(x, scope));
                return Value.UNKNOWN;
            }
            case MAP -> {
                e.map().entries().forEach(en -> {
                    walk(en.key(), scope);
                    walk(en.value(), scope);
                });
                return Value.UNKNOWN;
            }
            default -> {
                return Value.UNKNOWN;
            }
        }
    }

    private Value select(Value operand, String field) {
        if (operand.schema() instanceof Schema.Obj obj) {
            Schema.Field f = obj.field(field);
            String where = operand.path() == null || operand.path().isEmpty() ? "" : operand.path() + ".";
            if (f == null) {
                problems.add("field '" + where + field + "' does not exist in " + operand.type()
                        + " (" + (where.isEmpty() ? "top-level" : where.substring(0, where.length() - 1)) + " fields: " + String.join(", ", obj.fields().keySet()) + ")");
                return Value.UNKNOWN;
            }
            Value v = operand.child(f.schema(), field);
            if (v.path() != null) reads.add(new Read(v.type(), v.self(), v.path()));
            return v;
        }
        if (operand.schema() instanceof Schema.MapOf m) return operand.child(m.value(), field);
        if (operand.schema() instanceof Schema.Scalar || operand.schema() instanceof Schema.ListOf) {
            problems.add("'" + operand.path() + "' of " + operand.type() + " is a " + operand.schema().describe() + " and has no field '" + field + "'");
        }
        return Value.UNKNOWN;
    }

    private Value index(Value operand, CelExpr key) {
        if (operand.schema() instanceof Schema.ListOf l) return operand.child(l.element(), "");
        if (operand.schema() instanceof Schema.MapOf m) return operand.child(m.value(), "");
        if (operand.schema() instanceof Schema.Obj && key.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && key.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            return select(operand, key.constant().stringValue());
        }
        return Value.UNKNOWN;
    }

    private Value element(Value range) {
        if (range.schema() instanceof Schema.ListOf l) {
            return new Value(l.element(), range.type(), range.self(), range.path());
        }
        return Value.UNKNOWN;
    }

    private Value inventoryList(String fn, CelExpr typeArg) {
        if (typeArg.getKind() != CelExpr.ExprKind.Kind.CONSTANT || typeArg.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
            problems.add(fn + "(...) needs a resource type written as a string literal");
            return Value.UNKNOWN;
        }
        String type = typeArg.constant().stringValue();
        var rt = types.find(type);
        if (rt.isEmpty()) {
            problems.add(fn + "('" + type + "'): no such resource type");
            return Value.UNKNOWN;
        }
        return new Value(new Schema.ListOf(rt.get().schema()), type, false, "");
    }
}
