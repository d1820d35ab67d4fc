package dev.vigil.iac.kubernetes;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.IacPaths;
import dev.vigil.iac.IgnoreMarks;
import dev.vigil.iac.Peek;
import dev.vigil.iac.Unresolved;
import dev.vigil.model.Origin;
import dev.vigil.model.Resource;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.model.input.InlineSuppression;
import dev.vigil.model.input.InputException;
import dev.vigil.model.input.ScanInput;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Kubernetes manifests: YAML (several documents per file, {@code kind: List}) and JSON, into
 * canonical {@code k8s.*} resources. Vigil reads manifests as written; it does not render Helm
 * charts or kustomize overlays (scan the output of {@code helm template} or {@code kustomize build}).
 *
 * <p>Each object becomes one resource with id {@code <file>#<Kind>/<namespace>/<name>} (cluster-scoped
 * kinds: {@code <file>#<Kind>/<name>}), namespace {@code default} when a namespaced object names none,
 * the namespace as region, no account (no cluster is known), its labels as tags, and the lines of the
 * object as origin. Kinds Vigil does not model (custom resources among them) are counted by
 * {@code apiVersion/kind}.
 *
 * <p>Objects are joined across the files of a scan by Kubernetes name ({@link ObjectLinks}): a
 * workload {@code runs-as} its service account, a binding {@code grants} its role and {@code binds}
 * its service accounts.
 *
 * <p>A value written as a Helm or Go template expression ({@code {{ .Values.x }}}) is unknown, and so
 * are the rules that read it; a template expression in apiVersion, kind, name or namespace makes the
 * object bad input, as does a template that is not even YAML.
 *
 * <p>Inline suppressions: the annotation {@code vigil.dev/ignore} on the object's own metadata (not
 * on a pod template), one mark per line ({@code <rule-id> <reason> [exp:YYYY-MM-DD]}), and YAML
 * comments {@code # vigil:ignore=<rule-id> <reason>} on the object's lines or on the comment lines
 * directly above its first line. A malformed mark is bad input; the object is still scanned.
 *
 * <p>Bad input (invalid YAML or JSON, an object without kind or name, an object declared twice in a
 * file) is recorded as a bad file, one line with file and line; the file's other documents and the
 * other files are still read.
 */
public final class KubernetesInput implements ScanInput {
    public static final String IGNORE_ANNOTATION = "vigil.dev/ignore";
    /** A document's own apiVersion and kind, at the start of a line: nested ones (an Ansible task's definition) do not count. */
    private static final Pattern YAML_API_VERSION = Pattern.compile("(?m)^apiVersion\\s*:");
    private static final Pattern YAML_KIND = Pattern.compile("(?m)^kind\\s*:");
    private static final Pattern JSON_API_VERSION = Pattern.compile("\"apiVersion\"\\s*:");
    private static final Pattern JSON_KIND = Pattern.compile("\"kind\"\\s*:");
    /** CloudFormation templates, Terraform plans and state: JSON or YAML that other inputs own. */
    private static final Pattern OTHER_FORMATS = Pattern.compile("AWSTemplateFormatVersion|(?m)^Resources\\s*:|\"Resources\"\\s*:|"
            + "\"terraform_version\"\\s*:|\"format_version\"\\s*:");

    @Override
    public String id() {
        return "kubernetes";
    }

    @Override
    public boolean claims(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json");
        if (!json && !name.endsWith(".yaml") && !name.endsWith(".yml")) return false;
        String head = Peek.head(file, 8192);
        if (OTHER_FORMATS.matcher(head).find()) return false;
        return json ? JSON_API_VERSION.matcher(head).find() && JSON_KIND.matcher(head).find()
                : YAML_API_VERSION.matcher(head).find() && YAML_KIND.matcher(head).find();
    }

    @Override
    public Collected read(List<Path> files) {
        Reading r = new Reading();
        for (Path f : files) r.file(f);
        List<CoverageGap> gaps = new ArrayList<>();
        if (r.kustomizations > 0) {
            gaps.add(new CoverageGap("kubernetes", r.kustomizations + " kustomization file(s) not built: Vigil reads manifests as written; "
                    + "scan the output of 'kustomize build' to see the overlays applied"));
        }
        return new Collected(ObjectLinks.link(r.resources), gaps, r.unmodelled, null, r.names, null, r.suppressions, r.badFiles);
    }

    /** The state of one read. */
    private static final class Reading {
        final List<Resource> resources = new ArrayList<>();
        final Map<String, Long> unmodelled = new TreeMap<>();
        final List<String> names = new ArrayList<>();
        final List<InlineSuppression> suppressions = new ArrayList<>();
        final List<BadFile> badFiles = new ArrayList<>();
        int kustomizations;

        void file(Path path) {
            String file = IacPaths.display(path);
            names.add(file);
            String text;
            try {
                text = Files.readString(path);
            } catch (MalformedInputException e) {
                badFiles.add(BadFile.of(new InputException(file, 0, "is not UTF-8 text")));
                return;
            } catch (IOException e) {
                badFiles.add(BadFile.of(new InputException(file, 0, "cannot be read: " + e.getMessage())));
                return;
            }
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            String[] lines = text.split("\\r?\\n", -1);
            // documents in file order, each either read or bad: problems are then reported in line order
            List<YamlManifests.Document> documents = new ArrayList<>();
            if (file.toLowerCase(Locale.ROOT).endsWith(".json")) {
                try {
                    JsonManifests.read(file, text).forEach(v -> documents.add(new YamlManifests.Document(v, null)));
                } catch (InputException e) {
                    documents.add(new YamlManifests.Document(null, e));
                }
            } else {
                documents.addAll(YamlManifests.read(file, text));
            }
            Map<String, Integer> declared = new HashMap<>();
            for (YamlManifests.Document doc : documents) {
                if (doc.problem() != null) {
                    badFiles.add(BadFile.of(doc.problem()));
                    continue;
                }
                if (doc.tree() == null) continue;
                List<ManifestObject> objects;
                try {
                    objects = ManifestObject.of(file, doc.tree());
                } catch (InputException e) {
                    badFiles.add(BadFile.of(e));
                    continue;
                }
                for (ManifestObject o : objects) object(o, lines, declared);
            }
        }

        void object(ManifestObject o, String[] lines, Map<String, Integer> declared) {
            if (o.kind().equals("Kustomization") && o.group().equals("kustomize.config.k8s.io")) {
                kustomizations++;
                return;
            }
            if (!KubernetesMapper.models(o)) {
                // counted, never required to be a valid Kubernetes object: kubeconfigs and tools' own configs share apiVersion and kind
                unmodelled.merge(o.apiVersion() + "/" + o.kind(), 1L, Long::sum);
                return;
            }
            try {
                o.named();
            } catch (InputException e) {
                badFiles.add(BadFile.of(e));
                return;
            }
            boolean namespaced = KubernetesMapper.namespaced(o);
            o = o.withNamespace(namespaced ? (o.namespace() == null ? "default" : o.namespace()) : "");
            KubernetesMapper.Mapped mapped = KubernetesMapper.map(o);
            if (mapped == null) throw new IllegalStateException("KubernetesMapper.models and map disagree on " + o.group() + "/" + o.kind());
            String address = o.kind() + "/" + (namespaced ? o.namespace() + "/" : "") + o.name();
            Integer first = declared.putIfAbsent(address, o.startLine());
            if (first != null) {
                badFiles.add(BadFile.of(new InputException(o.file(), o.startLine(), address + " is declared again (first at line " + first
                        + "); applying the file would replace the first declaration")));
                return;
            }
            String id = IacPaths.resourceId(o.file(), address);
            Map<String, String> tags = Values.stringMap(new Attrs(o.tree()).block("metadata", "labels"), "labels", "labels");
            resources.add(new Resource("k8s", mapped.type().id(), id, o.name(), "", o.namespace(), tags == null ? Map.of() : tags,
                    mapped.properties(), mapped.unknowns(), new Origin.FileRange(o.file(), o.startLine(), o.endLine()), List.of()));
            suppressions(o, id, lines);
        }

        /** The annotation's marks, then the comments' marks; a malformed one is bad input and suppresses nothing. */
        void suppressions(ManifestObject o, String id, String[] lines) {
            Object metadata = o.tree().get("metadata");
            Object value = metadata instanceof Map<?, ?> m && m.get("annotations") instanceof Map<?, ?> a ? a.get(IGNORE_ANNOTATION) : null;
            if (value instanceof String s) {
                int line = o.annotationLines().getOrDefault(IGNORE_ANNOTATION, o.startLine());
                for (String mark : s.split("\\r?\\n")) {
                    if (mark.isBlank()) continue;
                    String text = mark.trim().startsWith("vigil:ignore=") ? mark.trim() : "vigil:ignore=" + mark.trim();
                    add(() -> IgnoreMarks.parse(text, id, o.file(), line));
                }
            } else if (value instanceof Unresolved) {
                badFiles.add(BadFile.of(new InputException(o.file(), o.annotationLines().getOrDefault(IGNORE_ANNOTATION, o.startLine()),
                        IGNORE_ANNOTATION + " is a template expression: Vigil does not render templates, so it cannot tell what it suppresses")));
            } else if (value != null) {
                badFiles.add(BadFile.of(new InputException(o.file(), o.annotationLines().getOrDefault(IGNORE_ANNOTATION, o.startLine()),
                        IGNORE_ANNOTATION + " must be a string of marks, one per line: <rule-id> <reason> [exp:YYYY-MM-DD]")));
            }
            if (o.file().toLowerCase(Locale.ROOT).endsWith(".json")) return;
            int first = o.startLine() - 1; // 0-based index of the object's first line
            while (first > 0 && lines[first - 1].trim().startsWith("#")) first--;
            for (int i = first; i < o.endLine() && i < lines.length; i++) {
                String comment = comment(lines[i]);
                if (comment != null && IgnoreMarks.present(comment)) {
                    int line = i + 1;
                    add(() -> IgnoreMarks.parse(comment, id, o.file(), line));
                }
            }
        }

        private void add(Supplier<InlineSuppression> parse) {
            try {
                InlineSuppression s = parse.get();
                if (s != null) suppressions.add(s);
            } catch (InputException e) {
                badFiles.add(BadFile.of(e));
            }
        }

        /**
         * The comment of a YAML line that carries a mark: the text from a '#' (at the start of the
         * line or after a space) before the mark; {@code null} when the line has none.
         */
        private static String comment(String line) {
            int mark = line.indexOf("vigil:ignore");
            if (mark < 0) return null;
            for (int i = 0; i < mark; i++) {
                if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return line.substring(i + 1);
            }
            return null;
        }
    }
}
