package dev.vigil.iac.terraform.hcl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.model.input.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's JSON syntax ({@code .tf.json}, {@code .tfvars.json}) read with Jackson's streaming
 * parser, whose locations give each block its lines. Strings are templates ({@code "${var.x}"}).
 *
 * <p>Without a provider schema, JSON cannot tell a nested block from an object attribute: both stay
 * objects here (a single map, or a list of maps when written as an array), which the mappers'
 * {@code Attrs.blocks} reads either way.
 */
public final class TfJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Set<String> TWO_LABELS = Set.of("resource", "data");
    private static final Set<String> ONE_LABEL = Set.of("variable", "module", "output", "provider");

    private TfJson() {
    }

    /** A JSON value with the lines it spans. */
    private record J(Object value, int start, int end) {
    }

    /** Reads a {@code .tf.json} file. */
    public static HclFile read(String file, String text) {
        J root = parse(file, text);
        if (!(root.value() instanceof Map<?, ?> top)) throw new InputException(file, root.start(), "a .tf.json file must hold a JSON object");
        Body body = new Body();
        List<SourceText.Comment> comments = new ArrayList<>();
        collectComments(root, comments);
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String kind = (String) e.getKey();
            J v = (J) e.getValue();
            if (TWO_LABELS.contains(kind)) {
                for (Map.Entry<String, J> t : object(file, v).entrySet()) {
                    for (Map.Entry<String, J> n : object(file, t.getValue()).entrySet()) {
                        for (J one : each(n.getValue())) body.blocks().add(block(file, kind, List.of(t.getKey(), n.getKey()), one));
                    }
                }
            } else if (ONE_LABEL.contains(kind)) {
                for (Map.Entry<String, J> n : object(file, v).entrySet()) {
                    for (J one : each(n.getValue())) body.blocks().add(block(file, kind, List.of(n.getKey()), one));
                }
            } else {
                for (J one : each(v)) body.blocks().add(block(file, kind, List.of(), one));
            }
        }
        return new HclFile(file, body, comments);
    }

    /** JSON syntax has no comments; Terraform allows a "//" property instead, which may carry a vigil:ignore mark. */
    private static void collectComments(J v, List<SourceText.Comment> out) {
        if (v.value() instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                J child = (J) e.getValue();
                if ("//".equals(e.getKey()) && child.value() instanceof String s) out.add(new SourceText.Comment(child.start(), s, false));
                else collectComments(child, out);
            }
        } else if (v.value() instanceof List<?> l) {
            for (Object o : l) collectComments((J) o, out);
        }
    }

    /** Reads a {@code .tfvars.json} file: name -> expression. */
    public static Map<String, Body.Attribute> attributes(String file, String text) {
        J root = parse(file, text);
        Map<String, Body.Attribute> out = new LinkedHashMap<>();
        for (Map.Entry<String, J> e : object(file, root).entrySet()) {
            out.put(e.getKey(), new Body.Attribute(e.getKey(), literalExpr(e.getValue()), e.getValue().start()));
        }
        return out;
    }

    private static List<J> each(J v) {
        if (v.value() instanceof List<?> l) {
            List<J> out = new ArrayList<>();
            for (Object o : l) out.add((J) o);
            return out;
        }
        return List.of(v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, J> object(String file, J v) {
        if (v.value() instanceof Map<?, ?> m) return (Map<String, J>) m;
        throw new InputException(file, v.start(), "expected a JSON object here");
    }

    private static Body.Block block(String file, String kind, List<String> labels, J v) {
        Body body = new Body();
        for (Map.Entry<String, J> e : object(file, v).entrySet()) {
            String key = e.getKey();
            J val = e.getValue();
            if (key.equals("//")) continue; // JSON syntax comments
            if (key.equals("dynamic") && val.value() instanceof Map<?, ?>) {
                for (Map.Entry<String, J> d : object(file, val).entrySet()) {
                    for (J one : each(d.getValue())) {
                        Body.Block dyn = block(file, "dynamic", List.of(d.getKey()), one);
                        Body db = dyn.body();
                        Body.Attribute content = db.attributes().remove("content");
                        if (content != null && content.value() instanceof Expr.ObjectCons oc) {
                            Body cb = new Body();
                            for (int i = 0; i < oc.keys().size(); i++) {
                                String k = String.valueOf(((Expr.Literal) oc.keys().get(i)).value());
                                cb.attributes().put(k, new Body.Attribute(k, oc.values().get(i), oc.line()));
                            }
                            db.blocks().add(new Body.Block("content", List.of(), cb, file, content.line(), content.line()));
                        }
                        body.blocks().add(dyn);
                    }
                }
            } else if (kind.equals("locals") || !(key.equals("lifecycle") || key.equals("provisioner") || key.equals("connection"))) {
                body.attributes().put(key, new Body.Attribute(key, expr(file, val), val.start()));
            } else {
                for (J one : each(val)) body.blocks().add(block(file, key, List.of(), one));
            }
        }
        return new Body.Block(kind, labels, body, file, v.start(), v.end());
    }

    private static Expr expr(String file, J v) {
        Object o = v.value();
        if (o instanceof String s) return HclFile.template(file, s, v.start());
        if (o instanceof List<?> l) {
            List<Expr> items = new ArrayList<>();
            for (Object x : l) items.add(expr(file, (J) x));
            return new Expr.Tuple(items, v.start());
        }
        if (o instanceof Map<?, ?> m) {
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                keys.add(new Expr.Literal(e.getKey(), v.start()));
                values.add(expr(file, (J) e.getValue()));
            }
            return new Expr.ObjectCons(keys, values, v.start());
        }
        return new Expr.Literal(o, v.start());
    }

    /** A tfvars.json value: literal, strings are not templates there. */
    private static Expr literalExpr(J v) {
        Object o = v.value();
        if (o instanceof List<?> l) {
            List<Expr> items = new ArrayList<>();
            for (Object x : l) items.add(literalExpr((J) x));
            return new Expr.Tuple(items, v.start());
        }
        if (o instanceof Map<?, ?> m) {
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                keys.add(new Expr.Literal(e.getKey(), v.start()));
                values.add(literalExpr((J) e.getValue()));
            }
            return new Expr.ObjectCons(keys, values, v.start());
        }
        return new Expr.Literal(o, v.start());
    }

    private static J parse(String file, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) throw new InputException(file, 1, "empty JSON file");
            J v = value(p);
            if (p.nextToken() != null) throw new InputException(file, p.currentLocation().getLineNr(), "unexpected content after the JSON value");
            return v;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file, line, "invalid JSON: " + Lexer.oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static J value(JsonParser p) throws IOException {
        int start = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, J> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, value(p));
                }
                return new J(m, start, p.currentTokenLocation().getLineNr());
            }
            case START_ARRAY: {
                List<J> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p));
                return new J(l, start, p.currentTokenLocation().getLineNr());
            }
            case VALUE_STRING:
                return new J(p.getText(), start, start);
            case VALUE_NUMBER_INT:
                return new J(p.getLongValue(), start, start);
            case VALUE_NUMBER_FLOAT:
                return new J(p.getDoubleValue(), start, start);
            case VALUE_TRUE:
                return new J(true, start, start);
            case VALUE_FALSE:
                return new J(false, start, start);
            case VALUE_NULL:
                return new J(null, start, start);
            default:
                throw new JsonParseError(p, "unexpected " + t);
        }
    }

    private static final class JsonParseError extends JsonProcessingException {
        JsonParseError(JsonParser p, String msg) {
            super(msg, p.currentLocation());
        }
    }
}
