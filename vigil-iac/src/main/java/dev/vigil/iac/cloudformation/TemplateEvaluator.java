package dev.vigil.iac.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iac.IacOptions;
import dev.vigil.iac.Unresolved;
import dev.vigil.model.input.InputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Evaluates a template the way CloudFormation would before creating anything: parameters (their
 * defaults, overridden by {@code --var name=value}), pseudo parameters, Mappings, Conditions and the
 * intrinsic functions. What only the deploy can tell (a resource's physical id or attribute, the
 * account, the region, another stack's export, a parameter without value) becomes
 * {@link Unresolved}, never a guess. A resource whose Condition is false is left out; one whose
 * Condition cannot be decided is kept, and every {@code Fn::If} on that condition is unresolved.
 *
 * <p>Malformed templates (an unknown function, a Ref to nothing, a missing condition or mapping
 * key) throw {@link InputException} with the line of the offending construct.
 */
public final class TemplateEvaluator {
    /** Stands where {@code AWS::NoValue} was referenced: the enclosing key or list element is removed. */
    private static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };
    private static final Set<String> DEPLOY_TIME_PSEUDO = Set.of("AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::StackId",
            "AWS::NotificationARNs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template t;
    private final Function<String, String> refProperty;
    private final Map<String, Object> params = new HashMap<>();
    private Map<String, Object> resources;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final Map<String, Object> decided = new HashMap<>();
    private final Set<String> deciding = new HashSet<>();
    private final Set<String> resolvingRefs = new HashSet<>();

    private TemplateEvaluator(Template t, IacOptions options, Function<String, String> refProperty) {
        this.t = t;
        this.refProperty = refProperty;
        this.conditions = section("Conditions");
        this.mappings = section("Mappings");
        Map<String, Object> declared = section("Parameters");
        for (var e : declared.entrySet()) params.put(e.getKey(), parameter(e.getKey(), e.getValue(), options.vars()));
        this.resources = section("Resources");
        this.resources = expand(resources, t.line(t.root(), "Resources"));
    }

    // ---- Fn::ForEach (the AWS::LanguageExtensions transform), in Resources ----

    /** Resources made by a Fn::ForEach loop, with the lines of the loop that makes them. */
    private final Map<String, int[]> looped = new HashMap<>();

    /**
     * {@code Fn::ForEach::Name: [Identifier, Collection, {KeyTemplate: Body}]}: one copy of each body
     * per element, with {@code ${Identifier}} and {@code &{Identifier}} (its alphanumerics) written
     * in keys and strings and {@code Ref: Identifier} replaced by the element. Loops may nest.
     */
    private Map<String, Object> expand(Map<String, Object> section, int line) {
        if (section.keySet().stream().noneMatch(k -> k.startsWith("Fn::ForEach::"))) return section;
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : section.entrySet()) {
            if (!e.getKey().startsWith("Fn::ForEach::")) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            int at = t.line(section, e.getKey());
            int[] span = t.spans().get(e.getValue());
            int[] lines = new int[] {at, span == null ? at : Math.max(at, span[1])};
            List<?> loop = list(e.getValue(), 3, e.getKey(), "[Identifier, Collection, {OutputKey: OutputValue}]", at);
            if (!(loop.get(0) instanceof String id) || !(loop.get(2) instanceof Map<?, ?> body)) {
                throw new InputException(t.file(), at, e.getKey() + " takes [Identifier, Collection, {OutputKey: OutputValue}]");
            }
            Object collection = eval(loop.get(1), at);
            if (collection instanceof Unresolved u) throw new InputException(t.file(), at, e.getKey() + ": the collection must be known before deploy (" + u.reason() + ")");
            if (!(collection instanceof List<?> items)) throw new InputException(t.file(), at, e.getKey() + ": the collection must be a list");
            for (Object item : items) {
                String value = text(item);
                @SuppressWarnings("unchecked")
                Map<String, Object> copy = (Map<String, Object>) replace(body, id, value);
                for (var made : expand(copy, at).entrySet()) {
                    if (out.containsKey(made.getKey()) || section.containsKey(made.getKey())) {
                        throw new InputException(t.file(), at, e.getKey() + " makes " + made.getKey() + ", which already exists");
                    }
                    out.put(made.getKey(), made.getValue());
                    looped.putIfAbsent(made.getKey(), lines);
                }
            }
        }
        return out;
    }

    private static Object replace(Object v, String id, String value) {
        if (v instanceof String s) return s.replace("${" + id + "}", value).replace("&{" + id + "}", value.replaceAll("[^A-Za-z0-9]", ""));
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1 && id.equals(m.get("Ref"))) return value;
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) replace(k, id, value), replace(x, id, value)));
            return out;
        }
        if (v instanceof List<?> l) return new ArrayList<>(l.stream().map(x -> replace(x, id, value)).toList());
        return v;
    }

    /**
     * The template's resources, evaluated.
     *
     * @param refProperty for a resource type, the property whose value {@code Ref} returns when it is
     *                    set ({@code AWS::S3::Bucket} -> {@code BucketName}); {@code null} when Ref
     *                    returns something only the deploy knows (an id, an ARN)
     */
    public static List<CfnResource> evaluate(Template t, IacOptions options, Function<String, String> refProperty) {
        return new TemplateEvaluator(t, options, refProperty).resources();
    }

    private List<CfnResource> resources() {
        List<CfnResource> out = new ArrayList<>();
        for (var e : resources.entrySet()) {
            String id = e.getKey();
            int line = looped.containsKey(id) ? looped.get(id)[0] : t.line(resources, id);
            if (!(e.getValue() instanceof Map<?, ?> r)) throw new InputException(t.file(), line, "resource " + id + " must be a mapping with a Type");
            if (!(r.get("Type") instanceof String type) || type.isBlank()) throw new InputException(t.file(), line, "resource " + id + " has no Type");
            if (r.get("Condition") != null) {
                if (!(r.get("Condition") instanceof String c)) throw new InputException(t.file(), at(r, "Condition", line), "resource " + id + ": Condition must name a condition");
                if (Boolean.FALSE.equals(decide(c, at(r, "Condition", line)))) continue;
            }
            Object props = r.get("Properties");
            Object evaluated = props == null ? Map.of() : eval(props, at(r, "Properties", line));
            if (evaluated instanceof Unresolved u) {
                // no property of it could be told, and mapping an empty one would read as AWS's defaults
                throw new InputException(t.file(), at(r, "Properties", line), "resource " + id + ": its whole Properties cannot be known before deploy (" + u.reason() + ")");
            }
            if (!(evaluated instanceof Map<?, ?>)) throw new InputException(t.file(), at(r, "Properties", line), "resource " + id + ": Properties must be a mapping");
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) evaluated;
            int[] span = looped.containsKey(id) ? looped.get(id) : t.resourceSpan(id);
            CfnResource res = new CfnResource(id, type, t.file(), span[0], span[1], properties, List.of());
            Map<String, Integer> lines = new java.util.HashMap<>();
            if (props != null) keyLines(props, "", lines);
            out.add(new CfnResource(id, type, t.file(), span[0], span[1], properties, TemplateMarks.of(t, res, r), lines));
        }
        return out;
    }

    /** The line of every property key under {@code node}, as written (before intrinsic functions are applied). */
    private void keyLines(Object node, String prefix, Map<String, Integer> out) {
        if (node instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (k.startsWith("Fn::") || k.equals("Ref")) continue; // a function call, not a property
                int line = t.line(m, k);
                if (line > 0) out.putIfAbsent(prefix + k, line);
                keyLines(e.getValue(), prefix + k + ".", out);
            }
        } else if (node instanceof List<?> l) {
            for (Object item : l) keyLines(item, prefix, out);
        }
    }

    // ---- parameters ----

    private Object parameter(String name, Object declaration, Map<String, String> vars) {
        Map<?, ?> d = declaration instanceof Map<?, ?> m ? m : Map.of();
        String type = d.get("Type") instanceof String s ? s : "String";
        if (type.startsWith("AWS::SSM::Parameter::Value")) {
            return Unresolved.because("parameter " + name + " is read from SSM Parameter Store at deploy");
        }
        Object value = vars.containsKey(name) ? vars.get(name) : d.get("Default");
        if (value == null) return Unresolved.because("parameter " + name + " has no value (give it with --var " + name + "=...)");
        boolean list = type.equals("CommaDelimitedList") || type.startsWith("List<");
        if (list) {
            if (value instanceof List<?> l) return new ArrayList<>(l.stream().map(TemplateEvaluator::text).toList());
            List<Object> parts = new ArrayList<>();
            for (String p : text(value).split(",", -1)) parts.add(p.trim());
            return parts;
        }
        return text(value);
    }

    // ---- values ----

    private Object eval(Object v, int line) {
        if (v instanceof Map<?, ?> m) {
            int here = t.line(m) > 0 ? t.line(m) : line;
            if (m.size() == 1) {
                String k = (String) m.keySet().iterator().next();
                if (k.equals("Ref")) return ref(m.get(k), here);
                if (k.startsWith("Fn::")) return fn(k.substring(4), m.get(k), here);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : m.entrySet()) {
                Object x = eval(e.getValue(), t.line(m, (String) e.getKey()));
                if (x != NO_VALUE) out.put((String) e.getKey(), x);
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            int here = t.line(l) > 0 ? t.line(l) : line;
            for (Object o : l) {
                Object x = eval(o, here);
                if (x != NO_VALUE) out.add(x);
            }
            return out;
        }
        return v;
    }

    private Object ref(Object arg, int line) {
        if (!(arg instanceof String name)) throw new InputException(t.file(), line, "Ref must name a parameter or resource");
        return reference(name, line, "Ref");
    }

    /** What {@code Ref name} (or {@code ${name}} in Fn::Sub) stands for. */
    private Object reference(String name, int line, String how) {
        if (params.containsKey(name)) return params.get(name);
        switch (name) {
            case "AWS::Partition" -> {
                return "aws";
            }
            case "AWS::URLSuffix" -> {
                return "amazonaws.com";
            }
            case "AWS::NoValue" -> {
                return NO_VALUE;
            }
            default -> {
                if (DEPLOY_TIME_PSEUDO.contains(name)) return Unresolved.because(name + " is known only at deploy");
            }
        }
        if (resources.get(name) instanceof Map<?, ?> r) {
            String type = r.get("Type") instanceof String s ? s : "";
            String prop = refProperty.apply(type);
            if (prop != null && r.get("Properties") instanceof Map<?, ?> props && props.get(prop) != null && resolvingRefs.add(name)) {
                try {
                    Object v = eval(props.get(prop), t.line(props, prop));
                    if (v instanceof String) return v;
                    if (v instanceof Unresolved u) return new Unresolved(u.reason(), name);
                } finally {
                    resolvingRefs.remove(name);
                }
            }
            return new Unresolved("Ref " + name + " (the " + type + "'s physical id) is known only after deploy", name);
        }
        if (transformed()) return Unresolved.because(name + " is made by the template's Transform at deploy");
        throw new InputException(t.file(), line, how + " " + name + " names neither a parameter nor a resource of the template");
    }

    private Object getAtt(String resource, String attribute, int line) {
        if (!resources.containsKey(resource)) {
            if (transformed()) return Unresolved.because(resource + "." + attribute + " is made by the template's Transform at deploy");
            throw new InputException(t.file(), line, "Fn::GetAtt " + resource + "." + attribute + " names no resource of the template");
        }
        return new Unresolved(resource + "." + attribute + " is known only after deploy", resource);
    }

    private Object fn(String name, Object arg, int line) {
        switch (name) {
            case "GetAtt" -> {
                Object a = arg instanceof String s && s.contains(".") ? List.of(s.substring(0, s.indexOf('.')), s.substring(s.indexOf('.') + 1)) : eval(arg, line);
                if (a instanceof Unresolved u) return u;
                List<?> l = list(a, 2, "Fn::GetAtt", "[LogicalId, Attribute]", line);
                if (l.get(1) instanceof Unresolved u) return u;
                return getAtt(text(l.get(0)), text(l.get(1)), line);
            }
            case "Sub" -> {
                return sub(arg, line);
            }
            case "Join" -> {
                List<?> l = list(arg, 2, "Fn::Join", "[delimiter, [values]]", line);
                Object delim = eval(l.get(0), line);
                Object values = eval(l.get(1), line);
                Unresolved u = Unresolved.find(List.of(delim, values));
                if (u != null) return u;
                if (!(values instanceof List<?> parts)) throw new InputException(t.file(), line, "Fn::Join needs a list of values");
                List<String> s = new ArrayList<>();
                for (Object p : parts) s.add(text(p));
                return String.join(text(delim), s);
            }
            case "Select" -> {
                List<?> l = list(arg, 2, "Fn::Select", "[index, list]", line);
                Object index = eval(l.get(0), line);
                if (index instanceof Unresolved u) return u;
                Object values = eval(l.get(1), line);
                if (values instanceof Unresolved u) return u;
                if (!(values instanceof List<?> parts)) throw new InputException(t.file(), line, "Fn::Select needs a list to select from");
                int i;
                try {
                    i = Integer.parseInt(text(index));
                } catch (NumberFormatException e) {
                    throw new InputException(t.file(), line, "Fn::Select index " + text(index) + " is not a number");
                }
                if (i < 0 || i >= parts.size()) throw new InputException(t.file(), line, "Fn::Select index " + i + " is outside the list of " + parts.size());
                return parts.get(i);
            }
            case "Split" -> {
                List<?> l = list(arg, 2, "Fn::Split", "[delimiter, string]", line);
                Object delim = eval(l.get(0), line);
                Object source = eval(l.get(1), line);
                Unresolved u = Unresolved.find(List.of(delim, source));
                if (u != null) return u;
                return new ArrayList<Object>(List.of(text(source).split(Pattern.quote(text(delim)), -1)));
            }
            case "Base64" -> {
                Object v = eval(arg, line);
                if (v instanceof Unresolved u) return u;
                return Base64.getEncoder().encodeToString(text(v).getBytes(StandardCharsets.UTF_8));
            }
            case "FindInMap" -> {
                List<?> l = list(arg, 3, "Fn::FindInMap", "[MapName, TopLevelKey, SecondLevelKey]", line);
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Object k = eval(l.get(i), line);
                    if (k instanceof Unresolved u) return Unresolved.because("Fn::FindInMap key depends on a value known only at deploy: " + u.reason());
                    keys.add(text(k));
                }
                if (!(mappings.get(keys.get(0)) instanceof Map<?, ?> map)) throw new InputException(t.file(), line, "Fn::FindInMap: no mapping " + keys.get(0));
                if (!(map.get(keys.get(1)) instanceof Map<?, ?> top)) throw new InputException(t.file(), line, "Fn::FindInMap: mapping " + keys.get(0) + " has no key " + keys.get(1));
                if (!top.containsKey(keys.get(2))) {
                    throw new InputException(t.file(), line, "Fn::FindInMap: mapping " + keys.get(0) + "." + keys.get(1) + " has no key " + keys.get(2));
                }
                return eval(top.get(keys.get(2)), line);
            }
            case "If" -> {
                List<?> l = list(arg, 3, "Fn::If", "[Condition, ValueIfTrue, ValueIfFalse]", line);
                if (!(l.get(0) instanceof String c)) throw new InputException(t.file(), line, "Fn::If must name a condition first");
                Object d = decide(c, line);
                if (d instanceof Unresolved u) return Unresolved.because("condition " + c + " cannot be decided before deploy: " + u.reason());
                return eval(Boolean.TRUE.equals(d) ? l.get(1) : l.get(2), line);
            }
            case "Equals", "And", "Or", "Not" -> {
                return condition(Map.of("Fn::" + name, arg), line);
            }
            case "GetAZs" -> {
                return Unresolved.because("Fn::GetAZs: the region's availability zones are known only at deploy");
            }
            case "ImportValue" -> {
                Object v = eval(arg, line);
                return Unresolved.because("Fn::ImportValue " + (v instanceof String s ? s : "") + " is an export of another stack, known only at deploy");
            }
            case "Cidr" -> {
                return Unresolved.because("Fn::Cidr address blocks are not computed before deploy");
            }
            case "Transform" -> {
                return Unresolved.because("Fn::Transform: a macro's output is known only at deploy");
            }
            case "Length" -> {
                Object v = eval(arg, line);
                if (v instanceof Unresolved u) return u;
                if (!(v instanceof List<?> l)) throw new InputException(t.file(), line, "Fn::Length needs a list");
                return (long) l.size();
            }
            case "ToJsonString" -> {
                Object v = eval(arg, line);
                Unresolved u = Unresolved.find(v);
                if (u != null) return u;
                try {
                    return JSON.writeValueAsString(v);
                } catch (JsonProcessingException e) {
                    throw new InputException(t.file(), line, "Fn::ToJsonString: " + e.getOriginalMessage());
                }
            }
            default -> throw new InputException(t.file(), line, "unknown intrinsic function Fn::" + name);
        }
    }

    /** {@code Fn::Sub}: a string, or [string, {name: value}]; {@code ${!x}} is the literal {@code ${x}}. */
    private Object sub(Object arg, int line) {
        Object template = arg;
        Map<String, Object> vars = Map.of();
        if (arg instanceof List<?> l) {
            if (l.size() != 2 || !(l.get(1) instanceof Map<?, ?>)) throw new InputException(t.file(), line, "Fn::Sub takes a string or [string, {variables}]");
            template = l.get(0);
            @SuppressWarnings("unchecked")
            Map<String, Object> v = (Map<String, Object>) eval(l.get(1), line);
            vars = v;
        }
        if (!(template instanceof String s)) throw new InputException(t.file(), line, "Fn::Sub needs a string");
        StringBuilder out = new StringBuilder();
        Unresolved first = null;
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf("${", i);
            if (open < 0) {
                out.append(s, i, s.length());
                break;
            }
            int close = s.indexOf('}', open);
            if (close < 0) throw new InputException(t.file(), line, "Fn::Sub: ${ without closing }");
            out.append(s, i, open);
            String name = s.substring(open + 2, close).trim();
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else {
                Object v;
                if (vars.containsKey(name)) v = vars.get(name);
                else if (name.contains(".") && !params.containsKey(name)) v = getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1), line);
                else v = reference(name, line, "Fn::Sub ${...}");
                if (v instanceof Unresolved u) {
                    if (first == null) first = u;
                } else if (v == NO_VALUE) {
                    throw new InputException(t.file(), line, "Fn::Sub cannot use AWS::NoValue");
                } else {
                    out.append(text(v));
                }
            }
            i = close + 1;
        }
        return first != null ? first : out.toString();
    }

    // ---- conditions ----

    /** A named condition: {@code Boolean}, or {@link Unresolved} when it depends on what only the deploy knows. */
    private Object decide(String name, int line) {
        if (decided.containsKey(name)) return decided.get(name);
        if (!conditions.containsKey(name)) throw new InputException(t.file(), line, "condition " + name + " is not declared in Conditions");
        if (!deciding.add(name)) throw new InputException(t.file(), line, "condition " + name + " depends on itself");
        Object v = condition(conditions.get(name), t.line(conditions, name));
        deciding.remove(name);
        decided.put(name, v);
        return v;
    }

    private Object condition(Object c, int line) {
        if (c instanceof Map<?, ?> m && m.size() == 1) {
            int here = t.line(m) > 0 ? t.line(m) : line;
            String k = (String) m.keySet().iterator().next();
            Object arg = m.get(k);
            switch (k) {
                case "Condition" -> {
                    if (!(arg instanceof String n)) throw new InputException(t.file(), here, "Condition must name a condition");
                    return decide(n, here);
                }
                case "Fn::Equals" -> {
                    List<?> l = list(arg, 2, "Fn::Equals", "[value, value]", here);
                    Object a = eval(l.get(0), here);
                    Object b = eval(l.get(1), here);
                    Unresolved u = Unresolved.find(List.of(a, b));
                    if (u != null) return u;
                    return text(a).equals(text(b));
                }
                case "Fn::Not" -> {
                    List<?> l = list(arg, 1, "Fn::Not", "[condition]", here);
                    Object v = condition(l.get(0), here);
                    return v instanceof Boolean b ? !b : v;
                }
                case "Fn::And", "Fn::Or" -> {
                    if (!(arg instanceof List<?> l) || l.size() < 2) throw new InputException(t.file(), here, k + " takes a list of 2 to 10 conditions");
                    boolean and = k.equals("Fn::And");
                    Unresolved undecided = null;
                    for (Object o : l) {
                        Object v = condition(o, here);
                        if (v instanceof Unresolved u) undecided = undecided == null ? u : undecided;
                        else if (Boolean.TRUE.equals(v) != and) return !and; // a false in And, a true in Or decides
                    }
                    return undecided != null ? undecided : and;
                }
                default -> {
                    // an intrinsic that yields a boolean (Fn::If, Fn::FindInMap, ...)
                }
            }
        }
        Object v = eval(c, line);
        if (v instanceof Unresolved || v instanceof Boolean) return v;
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
        throw new InputException(t.file(), line, "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition, not " + v);
    }

    // ---- helpers ----

    /** The line of {@code key} in {@code map}; {@code fallback} for maps made by a loop, which have none. */
    private int at(Map<?, ?> map, String key, int fallback) {
        int l = t.line(map, key);
        return l > 0 ? l : fallback;
    }

    /**
     * A template with a Transform (SAM, a macro) gets resources only the transform makes
     * ({@code MyFunctionRole}); references to them are unknown, not errors.
     */
    private boolean transformed() {
        Object tr = t.root().get("Transform");
        if (tr == null) return false;
        // the language extensions make no resources of their own
        return !(tr instanceof String s && s.equals("AWS::LanguageExtensions"));
    }

    private Map<String, Object> section(String name) {
        Object s = t.root().get(name);
        if (s == null) return Map.of();
        if (!(s instanceof Map<?, ?>)) throw new InputException(t.file(), t.line(t.root(), name), name + " must be a mapping");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) s;
        return m;
    }

    private List<?> list(Object arg, int size, String fn, String shape, int line) {
        if (!(arg instanceof List<?> l) || l.size() != size) throw new InputException(t.file(), line, fn + " takes " + shape);
        return l;
    }

    /** CloudFormation passes parameter values and function results as text: 80 and "80" are equal. */
    static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Double d && d == Math.rint(d)) return Long.toString(d.longValue());
        return v.toString();
    }
}
