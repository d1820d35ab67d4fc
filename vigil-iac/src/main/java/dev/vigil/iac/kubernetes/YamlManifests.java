package dev.vigil.iac.kubernetes;

import dev.vigil.model.input.InputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
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
 * Reads a YAML stream into one {@link SourceValue} tree per document, through SnakeYAML's node
 * graph (no object construction beyond scalars of the core schema: no arbitrary types).
 *
 * <p>The stream is cut into documents at their {@code ---} lines before parsing, and each document
 * is composed on its own: a syntax error then spoils only its own document, and the documents
 * before and after it are still read. A {@code ---} at the start of a line always starts a document
 * in YAML (block scalars are indented, quoted scalars may not hold it), so the cut is exact.
 */
final class YamlManifests {
    private static final Pattern DOCUMENT_START = Pattern.compile("^---(\\s.*)?$");
    private static final int MAX_DEPTH = 100;
    private static final Set<Tag> CONSTRUCTED = Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

    /** One document: its tree ({@code null} when empty), or the problem that kept it from being read. */
    record Document(SourceValue tree, InputException problem) {
    }

    private YamlManifests() {
    }

    static List<Document> read(String file, String text) {
        String[] lines = text.split("\\r?\\n", -1);
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 1; i < lines.length; i++) {
            if (DOCUMENT_START.matcher(lines[i]).matches()) starts.add(i);
        }
        starts.add(lines.length);
        List<Document> out = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(options);
        int pending = -1; // the start of a segment holding only directives (%YAML, %TAG): they belong to the next document
        for (int k = 0; k + 1 < starts.size(); k++) {
            int from = pending >= 0 ? pending : starts.get(k);
            int to = starts.get(k + 1);
            if (hasContent(lines, starts.get(k), to)) {
                out.add(document(yaml, file, lines, from, to));
                pending = -1;
            } else {
                pending = hasDirective(lines, starts.get(k), to) ? from : -1;
            }
        }
        return out;
    }

    private static Document document(Yaml yaml, String file, String[] lines, int from, int to) {
        String chunk = String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
        try {
            Node node = yaml.compose(new StringReader(chunk));
            if (node == null) return new Document(null, null);
            return new Document(new Converter(file, lines, from).convert(node, 0), null);
        } catch (InputException e) {
            return new Document(null, e);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? from + 1 : from + mark.getLine() + 1;
            String problem = oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
            return new Document(null, new InputException(file, line, "invalid YAML: " + problem + helmHint(chunk)));
        } catch (YAMLException e) {
            return new Document(null, new InputException(file, from + 1, "invalid YAML: " + oneLine(e.getMessage()) + helmHint(chunk)));
        }
    }

    static String helmHint(String text) {
        return text.contains("{{") ? " (this looks like a Helm or Go template: Vigil does not render templates; scan the output of "
                + "'helm template' or 'kustomize build')" : "";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static boolean hasContent(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            String t = lines[i].trim();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("%") || t.equals("---") || t.equals("...")) continue;
            return true;
        }
        return false;
    }

    private static boolean hasDirective(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (lines[i].startsWith("%")) return true;
        }
        return false;
    }

    /** Node graph to {@link SourceValue}s, with absolute 1-based lines. */
    private static final class Converter extends SafeConstructor {
        private final String file;
        private final String[] lines;
        private final int offset;
        private final Map<Node, Boolean> active = new IdentityHashMap<>();

        Converter(String file, String[] lines, int offset) {
            super(new LoaderOptions());
            this.file = file;
            this.lines = lines;
            this.offset = offset;
        }

        SourceValue convert(Node node, int depth) {
            if (depth > MAX_DEPTH || active.containsKey(node)) {
                throw new InputException(file, line(node.getStartMark()), "YAML nested too deeply or refers to itself through an alias");
            }
            active.put(node, true);
            try {
                return switch (node) {
                    case ScalarNode s -> new SourceValue(scalar(s), line(s.getStartMark()), endLine(s));
                    case SequenceNode s -> {
                        List<SourceValue> items = new ArrayList<>();
                        for (Node n : s.getValue()) items.add(convert(n, depth + 1));
                        yield new SourceValue(items, line(s.getStartMark()), endLine(s));
                    }
                    case MappingNode m -> mapping(m, depth);
                    default -> new SourceValue(null, line(node.getStartMark()), endLine(node));
                };
            } finally {
                active.remove(node);
            }
        }

        private SourceValue mapping(MappingNode m, int depth) {
            Map<String, SourceValue> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            List<SourceValue> merges = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                Node k = t.getKeyNode();
                if (k.getTag().equals(Tag.MERGE)) {
                    merges.add(convert(t.getValueNode(), depth + 1));
                    continue;
                }
                String key = k instanceof ScalarNode s ? s.getValue() : null;
                if (key == null) throw new InputException(file, line(k.getStartMark()), "a mapping key must be a plain value");
                Integer first = keyLines.get(key);
                if (first != null) {
                    throw new InputException(file, line(k.getStartMark()), "key '" + key + "' is repeated (first at line " + first + ")");
                }
                keyLines.put(key, line(k.getStartMark()));
                entries.put(key, convert(t.getValueNode(), depth + 1));
            }
            // '<<' merge keys: explicit keys win, then earlier merged maps
            for (SourceValue merged : merges) {
                List<SourceValue> sources = merged.list() != null ? merged.list() : List.of(merged);
                for (SourceValue src : sources) {
                    if (src.map() == null) continue;
                    src.map().forEach((key, v) -> {
                        if (entries.putIfAbsent(key, v) == null) keyLines.putIfAbsent(key, src.keyLines().getOrDefault(key, v.line()));
                    });
                }
            }
            return new SourceValue(entries, line(m.getStartMark()), endLine(m), keyLines);
        }

        /** Core-schema scalars become Long, Double, Boolean or null; everything else stays the text as written. */
        private Object scalar(ScalarNode s) {
            if (!CONSTRUCTED.contains(s.getTag())) return s.getValue();
            try {
                Object v = constructObject(s);
                if (v instanceof Integer i) return i.longValue();
                if (v instanceof java.math.BigInteger b) return b.longValue();
                if (v instanceof Float f) return f.doubleValue();
                return v;
            } catch (RuntimeException e) {
                return s.getValue();
            }
        }

        private int line(Mark mark) {
            return offset + mark.getLine() + 1;
        }

        /**
         * The last line that holds the node. SnakeYAML ends a block node where the next token
         * starts, which may be the following key's line or a trailing comment; back up to the
         * last line with content of its own.
         */
        private int endLine(Node node) {
            int start = offset + node.getStartMark().getLine();
            Mark end = node.getEndMark();
            int i = offset + end.getLine();
            if (i >= lines.length) i = lines.length - 1;
            else if (end.getColumn() == 0 || lines[i].substring(0, Math.min(end.getColumn(), lines[i].length())).isBlank()) i--;
            while (i > start && (lines[i].isBlank() || lines[i].trim().startsWith("#"))) i--;
            return Math.max(i, start) + 1;
        }
    }
}
