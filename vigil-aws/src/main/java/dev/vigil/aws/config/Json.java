package dev.vigil.aws.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reading AWS Config JSON, whose key spellings vary by delivery path and SDK generation
 * ({@code dBInstanceIdentifier} vs {@code dbInstanceIdentifier}, {@code Recording} vs
 * {@code recording}): lookups try the exact key, then ignore case.
 */
final class Json {
    private Json() {
    }

    static JsonNode get(JsonNode node, String key) {
        if (node == null || !node.isObject()) return MissingNode.getInstance();
        JsonNode exact = node.get(key);
        if (exact != null) return exact;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return MissingNode.getInstance();
    }

    static JsonNode path(JsonNode node, String... keys) {
        JsonNode n = node;
        for (String k : keys) n = get(n, k);
        return n;
    }

    static boolean present(JsonNode n) {
        return n != null && !n.isMissingNode() && !n.isNull();
    }

    static String text(JsonNode node, String key) {
        JsonNode n = get(node, key);
        return present(n) ? n.asText() : "";
    }

    /** A boolean that AWS may write as {@code true} or {@code "true"}; {@code null} when absent. */
    static Boolean bool(JsonNode node, String key) {
        JsonNode n = get(node, key);
        if (!present(n)) return null;
        if (n.isBoolean()) return n.booleanValue();
        return Boolean.parseBoolean(n.asText());
    }

    static boolean boolOr(JsonNode node, String key, boolean fallback) {
        Boolean b = bool(node, key);
        return b == null ? fallback : b;
    }

    static Long number(JsonNode node, String key) {
        JsonNode n = get(node, key);
        if (!present(n)) return null;
        if (n.isNumber()) return n.longValue();
        try {
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static long numberOr(JsonNode node, String key, long fallback) {
        Long v = number(node, key);
        return v == null ? fallback : v;
    }

    static List<JsonNode> list(JsonNode node, String key) {
        JsonNode n = get(node, key);
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) n.forEach(out::add);
        return out;
    }

    static List<String> texts(JsonNode node, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(node, key)) if (present(n)) out.add(n.asText());
        return out;
    }
}
