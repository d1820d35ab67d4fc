package dev.vigil.iac.cloudformation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.model.input.InputException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads template text (YAML or JSON) into a {@link Template}. YAML goes through SnakeYAML's node
 * graph (compose, never construct), so custom tags arrive as tags rather than as errors and every
 * node keeps its marks; JSON goes through Jackson's streaming parser for its token locations.
 */
public final class TemplateReader {
    /** The short-form tags CloudFormation defines, each the long form {@code Fn::<name>} except Ref and Condition. */
    static final Set<String> SHORT_FORMS = Set.of("Ref", "Condition", "GetAtt", "Sub", "If", "Join", "FindInMap", "Select", "Split",
            "Equals", "And", "Or", "Not", "Base64", "GetAZs", "ImportValue", "Cidr", "Transform", "Length", "ToJsonString");

    private static final JsonFactory JSON = new JsonFactory();

    private final String file;
    private final IdentityHashMap<Object, int[]> spans = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Map<String, Integer>> keyLines = new IdentityHashMap<>();

    private TemplateReader(String file) {
        this.file = file;
    }

    /**
     * @param file the file's display name, for locations and errors
     * @param text its content
     * @throws InputException when the text is not well-formed or the template has no Resources
     */
    public static Template read(String file, String text) {
        TemplateReader r = new TemplateReader(file);
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        // YAML is read as YAML even when it opens with a flow mapping; .json and .template files that open with { are JSON
        boolean json = !(lower.endsWith(".yaml") || lower.endsWith(".yml")) && text.stripLeading().startsWith("{");
        Object root = json ? r.json(text) : r.yaml(text);
        if (!(root instanceof Map<?, ?>)) throw new InputException(file, 1, "a CloudFormation template must be a mapping at the top level");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) root;
        if (!(map.get("Resources") instanceof Map<?, ?> res) || res.isEmpty()) {
            throw new InputException(file, map.containsKey("Resources") ? r.keyLines.get(map).get("Resources") : 1,
                    "the template declares no Resources (CloudFormation requires at least one)");
        }
        return new Template(file, map, r.spans, r.keyLines, json ? List.of() : text.lines().toList());
    }

    // ---- YAML ----

    private Object yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try {
            Node node = new Yaml(options).compose(new StringReader(text));
            if (node == null) throw new InputException(file, 1, "the file is empty");
            return node(node);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new InputException(file, m == null ? 0 : m.getLine() + 1, "invalid YAML: " + oneLine(problem));
        } catch (YAMLException e) {
            throw new InputException(file, 0, "invalid YAML: " + oneLine(e.getMessage()));
        }
    }

    private Object node(Node node) {
        String tag = node.getTag().getValue();
        if (tag.startsWith("!") && !tag.startsWith("!!")) return shortForm(tag.substring(1), node);
        return plain(node);
    }

    /** {@code !GetAtt A.B} and {@code !GetAtt [A, B]} are both {@code {Fn::GetAtt: [A, B]}}; the others wrap their argument. */
    private Object shortForm(String name, Node node) {
        int line = node.getStartMark().getLine() + 1;
        if (!SHORT_FORMS.contains(name)) throw new InputException(file, line, "unknown tag !" + name + " (not a CloudFormation intrinsic function)");
        Object arg = plain(node);
        if (name.equals("GetAtt") && arg instanceof String s) {
            int dot = s.indexOf('.');
            if (dot <= 0) throw new InputException(file, line, "!GetAtt " + s + " must be written LogicalId.Attribute");
            List<Object> pair = new ArrayList<>(List.of(s.substring(0, dot), s.substring(dot + 1)));
            spans.put(pair, span(node));
            arg = pair;
        }
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, arg);
        spans.put(m, span(node));
        keyLines.put(m, Map.of(key, line));
        return m;
    }

    /** The node with its own tag ignored (a short-form tag's argument is read as plain YAML). */
    private Object plain(Node node) {
        if (node instanceof MappingNode mn) {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (NodeTuple t : mn.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw new InputException(file, t.getKeyNode().getStartMark().getLine() + 1, "a mapping key must be a plain value");
                }
                if (m.containsKey(k.getValue())) throw new InputException(file, k.getStartMark().getLine() + 1, "duplicate key " + k.getValue());
                m.put(k.getValue(), node(t.getValueNode()));
                lines.put(k.getValue(), k.getStartMark().getLine() + 1);
            }
            spans.put(m, span(node));
            keyLines.put(m, lines);
            return m;
        }
        if (node instanceof SequenceNode sn) {
            List<Object> l = new ArrayList<>();
            for (Node n : sn.getValue()) l.add(node(n));
            spans.put(l, span(node));
            return l;
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) return null;
        if (tag.equals(Tag.BOOL)) return Set.of("true", "yes", "on", "y").contains(v.toLowerCase(Locale.ROOT));
        if (tag.equals(Tag.INT)) {
            try {
                return Long.parseLong(v.replace("_", "").replaceFirst("^\\+", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return Double.parseDouble(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        // strings, and timestamps such as an unquoted 2010-09-09, which CloudFormation reads as text
        return v;
    }

    /**
     * First and last line of a node. A block collection's end mark sits where the next token starts
     * (the next key, past any comments), so its last line is its last child's.
     */
    private static int[] span(Node node) {
        int start = node.getStartMark().getLine() + 1;
        return new int[] {start, Math.max(start, lastLine(node))};
    }

    private static int lastLine(Node node) {
        boolean block = node instanceof MappingNode m ? m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                : node instanceof SequenceNode q && q.getFlowStyle() == DumperOptions.FlowStyle.BLOCK;
        if (block && node instanceof MappingNode m && !m.getValue().isEmpty()) return lastLine(m.getValue().get(m.getValue().size() - 1).getValueNode());
        if (block && node instanceof SequenceNode q && !q.getValue().isEmpty()) return lastLine(q.getValue().get(q.getValue().size() - 1));
        Mark end = node.getEndMark();
        return end.getColumn() == 0 ? end.getLine() : end.getLine() + 1;
    }

    // ---- JSON ----

    private Object json(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken first = p.nextToken();
            Object v = jsonValue(p, first);
            JsonToken extra = p.nextToken();
            if (extra != null) throw new InputException(file, p.currentTokenLocation().getLineNr(), "invalid JSON: content after the template");
            return v;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file, line, "invalid JSON: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + oneLine(e.getMessage()));
        }
    }

    private Object jsonValue(JsonParser p, JsonToken t) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                Map<String, Integer> lines = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    if (m.containsKey(key)) throw new InputException(file, keyLine, "duplicate key " + key);
                    m.put(key, jsonValue(p, p.nextToken()));
                    lines.put(key, keyLine);
                }
                spans.put(m, new int[] {line, p.currentTokenLocation().getLineNr()});
                keyLines.put(m, lines);
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) l.add(jsonValue(p, e));
                spans.put(l, new int[] {line, p.currentTokenLocation().getLineNr()});
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new InputException(file, line, "invalid JSON: unexpected " + t);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").trim();
    }
}
