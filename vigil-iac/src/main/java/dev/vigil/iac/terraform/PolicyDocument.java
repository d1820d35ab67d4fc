package dev.vigil.iac.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.eval.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code data "aws_iam_policy_document"} rendered statically into the JSON Terraform's AWS provider
 * produces, since bucket and IAM policies are usually written that way: {@code Version},
 * optional {@code Id}, and one {@code Statement} per statement block with {@code Sid},
 * {@code Effect} (Allow by default), {@code Action}/{@code NotAction}, {@code Resource}/
 * {@code NotResource}, {@code Principal}/{@code NotPrincipal} and {@code Condition}. A list of one
 * element is written as that element, and principals of type {@code "*"} as {@code "*"}, as the
 * provider does. {@code source_policy_documents} come first and {@code override_policy_documents}
 * replace statements with the same Sid. Any value inside that is not known makes the document
 * unresolved: a partly known policy is not a policy a rule can judge.
 */
final class PolicyDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private PolicyDocument() {
    }

    /** The data source's value: {@code json} and {@code minified_json}, or unresolved. */
    static Object render(String address, Map<String, Object> config) {
        Unresolved u = Values.unresolvedIn(config);
        if (u != null) return new Unresolved(address + ".json depends on a value not known statically: " + u.reason(), u.refersTo());
        try {
            Map<String, Object> doc = document(config);
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("json", PRETTY.writeValueAsString(doc));
            attrs.put("minified_json", JSON.writeValueAsString(doc));
            return new Values.Instance(address, attrs);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Unresolved.because(address + ".json could not be rendered: " + e.getMessage());
        }
    }

    private static Map<String, Object> document(Map<String, Object> c) throws JsonProcessingException {
        List<Map<String, Object>> statements = new ArrayList<>();
        String version = string(c.get("version"));
        String id = string(c.get("policy_id"));
        for (Object src : list(c.get("source_policy_documents"))) merge(statements, parse(src), false);
        if (c.get("source_json") != null) merge(statements, parse(c.get("source_json")), false);
        List<Map<String, Object>> own = new ArrayList<>();
        for (Object s : list(c.get("statement"))) if (s instanceof Map<?, ?> m) own.add(statement(map(m)));
        merge(statements, own, true);
        if (c.get("override_json") != null) merge(statements, parse(c.get("override_json")), true);
        for (Object o : list(c.get("override_policy_documents"))) merge(statements, parse(o), true);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", version == null ? "2012-10-17" : version);
        if (id != null) doc.put("Id", id);
        doc.put("Statement", statements);
        return doc;
    }

    /** Adds statements; with {@code override}, one whose Sid is already there replaces it. */
    private static void merge(List<Map<String, Object>> into, List<Map<String, Object>> add, boolean override) {
        for (Map<String, Object> s : add) {
            Object sid = s.get("Sid");
            int at = -1;
            if (sid != null && !"".equals(sid)) {
                for (int i = 0; i < into.size(); i++) if (sid.equals(into.get(i).get("Sid"))) at = i;
            }
            if (at >= 0 && override) into.set(at, s);
            else if (at < 0) into.add(s);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(Object json) throws JsonProcessingException {
        if (json == null || "".equals(json)) return List.of();
        JsonNode n = JSON.readTree(String.valueOf(json));
        List<Map<String, Object>> out = new ArrayList<>();
        JsonNode st = n.get("Statement");
        if (st == null) return out;
        for (JsonNode s : st.isArray() ? st : List.of(st)) out.add(JSON.convertValue(s, LinkedHashMap.class));
        return out;
    }

    private static Map<String, Object> statement(Map<String, Object> s) {
        Map<String, Object> out = new LinkedHashMap<>();
        String sid = string(s.get("sid"));
        if (sid != null && !sid.isEmpty()) out.put("Sid", sid);
        String effect = string(s.get("effect"));
        out.put("Effect", effect == null || effect.isEmpty() ? "Allow" : effect);
        put(out, "Action", s.get("actions"));
        put(out, "NotAction", s.get("not_actions"));
        put(out, "Resource", s.get("resources"));
        put(out, "NotResource", s.get("not_resources"));
        principals(out, "Principal", s.get("principals"));
        principals(out, "NotPrincipal", s.get("not_principals"));
        Map<String, Object> cond = new LinkedHashMap<>();
        for (Object o : list(s.get("condition"))) {
            if (!(o instanceof Map<?, ?> m)) continue;
            Map<String, Object> c = map(m);
            @SuppressWarnings("unchecked")
            Map<String, Object> byVar = (Map<String, Object>) cond.computeIfAbsent(string(c.get("test")), k -> new LinkedHashMap<>());
            byVar.put(string(c.get("variable")), oneOrList(list(c.get("values"))));
        }
        if (!cond.isEmpty()) out.put("Condition", cond);
        return out;
    }

    private static void principals(Map<String, Object> out, String key, Object blocks) {
        Map<String, List<Object>> byType = new LinkedHashMap<>();
        for (Object o : list(blocks)) {
            if (!(o instanceof Map<?, ?> m)) continue;
            Map<String, Object> p = map(m);
            byType.computeIfAbsent(string(p.get("type")), k -> new ArrayList<>()).addAll(list(p.get("identifiers")));
        }
        if (byType.isEmpty()) return;
        if (byType.size() == 1 && byType.containsKey("*")) {
            out.put(key, "*");
            return;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> e : byType.entrySet()) p.put(e.getKey(), oneOrList(e.getValue()));
        out.put(key, p);
    }

    private static void put(Map<String, Object> out, String key, Object v) {
        if (v == null) return;
        List<Object> l = list(v);
        if (l.isEmpty()) return;
        out.put(key, oneOrList(l));
    }

    private static Object oneOrList(List<Object> l) {
        List<Object> strings = new ArrayList<>();
        for (Object o : l) strings.add(o instanceof String ? o : Values.str(o));
        return strings.size() == 1 ? strings.get(0) : strings;
    }

    private static List<Object> list(Object v) {
        if (v == null) return List.of();
        if (v instanceof List<?> l) return new ArrayList<>(l);
        return List.of(v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String string(Object v) {
        return v == null ? null : Values.str(v);
    }

}
