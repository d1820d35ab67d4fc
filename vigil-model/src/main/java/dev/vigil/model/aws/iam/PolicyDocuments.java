package dev.vigil.model.aws.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Normalizes IAM policy JSON (as IAM returns it: URL-encoded or plain) into {@link PolicyDocument}.
 * Shared by every AWS input, so a statement means the same to a rule whatever its source.
 */
public final class PolicyDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    /** Parses policy text; URL-encoded text ({@code %7B%22Version...}) is decoded first. Blank text is an empty policy. */
    public static PolicyDocument parse(String text) {
        if (text == null || text.isBlank() || text.equals("null")) return PolicyDocument.EMPTY;
        String t = text.trim();
        if (t.startsWith("%")) t = URLDecoder.decode(t, StandardCharsets.UTF_8);
        try {
            return of(JSON.readTree(t));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("policy is not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** A policy given as a tree (a CloudFormation or Terraform map) rather than text. */
    public static PolicyDocument ofTree(Object tree) {
        if (tree instanceof String text) return parse(text);
        return of(JSON.valueToTree(tree));
    }

    public static PolicyDocument of(JsonNode policy) {
        if (policy == null || !policy.isObject()) return PolicyDocument.EMPTY;
        JsonNode st = field(policy, "Statement");
        List<PolicyDocument.Statement> out = new ArrayList<>();
        if (st.isArray()) st.forEach(s -> out.add(statement(s)));
        else if (st.isObject()) out.add(statement(st));
        return new PolicyDocument(out);
    }

    private static PolicyDocument.Statement statement(JsonNode s) {
        return new PolicyDocument.Statement(
                field(s, "Sid").asText(""),
                field(s, "Effect").asText(""),
                principals(field(s, "Principal")),
                principals(field(s, "NotPrincipal")),
                strings(field(s, "Action")),
                strings(field(s, "NotAction")),
                strings(field(s, "Resource")),
                strings(field(s, "NotResource")),
                conditions(field(s, "Condition")));
    }

    /** {@code "*"} and {@code {"AWS": "*"}} both become {@code ["*"]}; otherwise every value of every principal kind. */
    private static List<String> principals(JsonNode p) {
        List<String> out = new ArrayList<>();
        if (p.isTextual()) {
            out.add(p.asText());
        } else if (p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                out.addAll(strings(it.next().getValue()));
            }
        }
        return out;
    }

    private static List<PolicyDocument.Condition> conditions(JsonNode c) {
        List<PolicyDocument.Condition> out = new ArrayList<>();
        if (!c.isObject()) return out;
        for (Iterator<Map.Entry<String, JsonNode>> ops = c.fields(); ops.hasNext(); ) {
            var op = ops.next();
            if (!op.getValue().isObject()) continue;
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                var k = keys.next();
                out.add(new PolicyDocument.Condition(op.getKey(), k.getKey().toLowerCase(Locale.ROOT), strings(k.getValue())));
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else if (n.isValueNode() && !n.isNull()) out.add(n.asText());
        return out;
    }

    /** IAM element names are case-sensitive in the grammar but written inconsistently in the wild. */
    private static JsonNode field(JsonNode node, String name) {
        JsonNode n = node.get(name);
        if (n != null) return n;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) return node.get(f);
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
