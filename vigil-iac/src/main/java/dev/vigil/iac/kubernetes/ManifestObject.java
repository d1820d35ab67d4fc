package dev.vigil.iac.kubernetes;

import dev.vigil.iac.Unresolved;
import dev.vigil.model.input.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Kubernetes object of a manifest: a document, or an item of a {@code List}. Its tree is plain
 * (maps, lists, strings, longs, doubles, booleans) except that a string holding a Helm or Go
 * template expression ({@code {{ .Values.image }}}) is {@link Unresolved}: Vigil does not render
 * templates, so whatever such a value feeds is unknown, never guessed.
 *
 * @param name            metadata.name ({@code generateName*} when only that is given); {@code null} when absent
 * @param annotationLines the line of each key under {@code metadata.annotations}
 */
record ManifestObject(String file, String apiVersion, String kind, String name, String namespace, Map<String, Object> tree,
                      int startLine, int endLine, Map<String, Integer> annotationLines) {
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}");

    /** The same object with its namespace settled (the input's job: it knows which kinds are namespaced). */
    ManifestObject withNamespace(String ns) {
        return new ManifestObject(file, apiVersion, kind, name, ns, tree, startLine, endLine, annotationLines);
    }

    /** The group of the apiVersion: {@code apps} for {@code apps/v1}, empty for the core group ({@code v1}). */
    String group() {
        int slash = apiVersion.lastIndexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Throws when the object has no name: every object Vigil models needs one for its id. */
    ManifestObject named() {
        if (name == null) throw new InputException(file, startLine, kind + " has no metadata.name");
        return this;
    }

    /**
     * The objects a document holds: itself, or the items of a list ({@code kind: List}, or any
     * {@code *List} kind with {@code items}), each with its own line range.
     *
     * @throws InputException when the document or an item is not an object with apiVersion and
     *                        kind, or names itself with a template expression
     */
    static List<ManifestObject> of(String file, SourceValue doc) {
        if (doc.map() == null) throw new InputException(file, doc.line(), "the document is not a Kubernetes object (a mapping with apiVersion and kind)");
        String kind = identity(file, doc, "kind", doc.get("kind"));
        SourceValue items = doc.get("items");
        if (kind != null && kind.endsWith("List") && items != null && items.list() != null) {
            List<ManifestObject> out = new ArrayList<>();
            for (SourceValue item : items.list()) {
                if (item.map() == null) throw new InputException(file, item.line(), "an item of the " + kind + " is not a Kubernetes object");
                out.add(object(file, item));
            }
            return out;
        }
        return List.of(object(file, doc));
    }

    private static ManifestObject object(String file, SourceValue v) {
        String apiVersion = identity(file, v, "apiVersion", v.get("apiVersion"));
        String kind = identity(file, v, "kind", v.get("kind"));
        if (apiVersion == null || kind == null) {
            throw new InputException(file, v.line(), "the object has no " + (apiVersion == null ? "apiVersion" : "kind")
                    + " (every Kubernetes object needs apiVersion and kind)");
        }
        SourceValue metadata = v.get("metadata");
        String name = identity(file, v, "metadata.name", metadata == null ? null : metadata.get("name"));
        if (name == null) {
            String generate = identity(file, v, "metadata.generateName", metadata == null ? null : metadata.get("generateName"));
            if (generate != null) name = generate + "*";
        }
        String namespace = identity(file, v, "metadata.namespace", metadata == null ? null : metadata.get("namespace"));
        SourceValue annotations = metadata == null ? null : metadata.get("annotations");
        Map<String, Integer> annotationLines = annotations == null || annotations.map() == null ? Map.of() : annotations.keyLines();
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) plain(v);
        return new ManifestObject(file, apiVersion, kind, name, namespace, tree, v.line(), v.endLine(), annotationLines);
    }

    /** A field that names the object: absent is null; a template expression or a structure is bad input. */
    private static String identity(String file, SourceValue object, String field, SourceValue v) {
        if (v == null || v.value() == null) return null;
        String text = v.text();
        if (text == null) throw new InputException(file, v.line(), field + " must be a plain value");
        if (TEMPLATE.matcher(text).find()) {
            throw new InputException(file, v.line(), field + " is the template expression '" + text + "': Vigil does not render Helm or Go "
                    + "templates; scan the output of 'helm template' instead");
        }
        return text;
    }

    private static Object plain(SourceValue v) {
        Object value = v.value();
        if (v.map() != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            v.map().forEach((k, child) -> out.put(k, plain(child)));
            return out;
        }
        if (v.list() != null) {
            List<Object> out = new ArrayList<>();
            for (SourceValue child : v.list()) out.add(plain(child));
            return out;
        }
        if (value instanceof String s) {
            Matcher m = TEMPLATE.matcher(s);
            if (m.find()) {
                return Unresolved.because("'" + m.group() + "' (line " + v.line() + ") is a template expression: Vigil does not render Helm "
                        + "or Go templates");
            }
        }
        return value;
    }
}
