package dev.vigil.iac.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iac.IacPaths;
import dev.vigil.iac.Peek;
import dev.vigil.iac.Unresolved;
import dev.vigil.model.Resource;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.InlineSuppression;
import dev.vigil.model.input.InputException;
import dev.vigil.model.input.ScanInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Terraform plans and states as JSON: {@code terraform show -json} of a saved plan
 * ({@code planned_values}, {@code resource_changes}, {@code configuration}) or of a state
 * ({@code values}), and a raw {@code terraform.tfstate} (version 4, {@code resources} with
 * {@code instances}). Each file is mapped on its own, with the file as the source of its resources.
 *
 * <p>A plan's attributes that are known only after apply ({@code change.after_unknown}) become
 * {@link Unresolved}; the reference the configuration wrote for them (an expression's
 * {@code references}) is kept, so a split resource still joins what it configures. A state's
 * values are what was deployed. Resources a plan only deletes are left out.
 *
 * <p>Plan and state JSON carry no line numbers of the configuration: origins are the file with
 * lines 0-0.
 */
public final class TerraformPlanInput implements ScanInput {
    static final String AFTER_APPLY = "known only after apply";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    /** A reference that names a managed resource: {@code aws_s3_bucket.logs}, optionally with an instance key. */
    private static final Pattern RESOURCE_REF = Pattern.compile("[a-z][a-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_-]*(\\[[^\\]]+\\])?");
    private static final Set<String> NOT_RESOURCES = Set.of("var", "local", "module", "data", "count", "each", "path", "terraform", "self");

    public TerraformPlanInput() {
    }

    @Override
    public String id() {
        return "terraform-plan";
    }

    @Override
    public boolean claims(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.endsWith(".tfstate") && !name.endsWith(".json")) return false;
        String head = Peek.head(file, 8192);
        return head.contains("\"terraform_version\"")
                && (head.contains("\"planned_values\"") || head.contains("\"values\"") || head.contains("\"resources\""));
    }

    @Override
    public Collected read(List<Path> files) {
        List<Resource> resources = new ArrayList<>();
        List<InlineSuppression> suppressions = new ArrayList<>();
        Map<String, Long> unmodelled = new TreeMap<>();
        List<String> read = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (Path f : files) {
            try {
                TerraformAws.Mapped m = TerraformAws.map(resources(f));
                resources.addAll(m.resources());
                suppressions.addAll(m.suppressions());
                m.unmodelled().forEach((k, v) -> unmodelled.merge(k, v, Long::sum));
                read.add(IacPaths.display(f));
            } catch (InputException e) {
                bad.add(BadFile.of(e));
            }
        }
        return new Collected(resources, dev.vigil.iac.AccountGap.forResources(resources), unmodelled, null, read, null, suppressions, bad);
    }

    /** The resource instances a plan or state file describes. */
    public static List<TfResource> resources(Path file) {
        String shown = IacPaths.display(file);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(shown, line, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(shown, 0, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new InputException(shown, 1, "not a Terraform plan or state: the document is not an object");
        String format = root.path("format_version").asText("");
        if (!format.isEmpty() && !format.startsWith("1.")) {
            throw new InputException(shown, 0, "unsupported format_version " + format + " (Vigil reads the 1.x JSON output format)");
        }
        List<TfResource> out = new ArrayList<>();
        if (root.has("planned_values")) {
            plan(root, shown, out);
        } else if (root.has("values")) {
            module(root.path("values").path("root_module"), shown, Map.of(), Map.of(), out);
        } else if (root.has("resources")) {
            rawState(root, shown, out);
        } else {
            throw new InputException(shown, 0, "not a Terraform plan or state: no planned_values, values or resources");
        }
        return out;
    }

    private static void plan(JsonNode root, String shown, List<TfResource> out) {
        Map<String, JsonNode> unknown = new HashMap<>();
        Set<String> deleted = new HashSet<>();
        for (JsonNode rc : root.path("resource_changes")) {
            String address = rc.path("address").asText();
            JsonNode change = rc.path("change");
            List<String> actions = new ArrayList<>();
            change.path("actions").forEach(a -> actions.add(a.asText()));
            if (actions.equals(List.of("delete"))) deleted.add(address);
            if (change.has("after_unknown")) unknown.put(address, change.path("after_unknown"));
        }
        Map<String, JsonNode> config = new HashMap<>();
        configuration(root.path("configuration").path("root_module"), "", config);
        List<TfResource> all = new ArrayList<>();
        module(root.path("planned_values").path("root_module"), shown, unknown, config, all);
        for (TfResource r : all) if (!deleted.contains(r.address())) out.add(r);
    }

    /** The configuration's resources by module path and address, instance keys left out: {@code module.logs.aws_s3_bucket.this}. */
    private static void configuration(JsonNode module, String prefix, Map<String, JsonNode> out) {
        for (JsonNode r : module.path("resources")) out.put(prefix + r.path("address").asText(), r.path("expressions"));
        for (var it = module.path("module_calls").fields(); it.hasNext(); ) {
            var call = it.next();
            configuration(call.getValue().path("module"), prefix + "module." + call.getKey() + ".", out);
        }
    }

    /** A {@code root_module} or child module of {@code planned_values} or {@code values}, with its child modules. */
    private static void module(JsonNode module, String shown, Map<String, JsonNode> unknown, Map<String, JsonNode> config, List<TfResource> out) {
        for (JsonNode r : module.path("resources")) {
            if (!"managed".equals(r.path("mode").asText("managed"))) continue;
            String address = r.path("address").asText();
            Object values = tree(r.path("values"));
            JsonNode u = unknown.get(address);
            if (u != null) {
                // The configuration is per module; a reference points into the same module instance.
                String local = localAddress(address);
                String instancePrefix = address.substring(0, address.length() - local.length());
                JsonNode expressions = config.get(modulePath(address) + withoutKey(local));
                values = merge(values, u, expressions, instancePrefix, expressions != null);
            }
            out.add(resource(r.path("type").asText(), address, shown, values));
        }
        for (JsonNode child : module.path("child_modules")) module(child, shown, unknown, config, out);
    }

    /** A raw state file (version 4): {@code resources[].instances[].attributes}. */
    private static void rawState(JsonNode root, String shown, List<TfResource> out) {
        for (JsonNode r : root.path("resources")) {
            if (!"managed".equals(r.path("mode").asText("managed"))) continue;
            String base = (r.hasNonNull("module") ? r.path("module").asText() + "." : "") + r.path("type").asText() + "." + r.path("name").asText();
            for (JsonNode i : r.path("instances")) {
                JsonNode key = i.path("index_key");
                String address = base + (key.isMissingNode() || key.isNull() ? "" : key.isNumber() ? "[" + key.asLong() + "]" : "[\"" + key.asText() + "\"]");
                out.add(resource(r.path("type").asText(), address, shown, tree(i.path("attributes"))));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static TfResource resource(String type, String address, String shown, Object values) {
        Map<String, Object> attributes = values instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        // No lines: plan and state JSON do not say where in the configuration a resource is written.
        return new TfResource(type, address, shown, shown, 0, 0, attributes, List.of());
    }

    /**
     * Puts {@link Unresolved} wherever {@code afterUnknown} says {@code true}, with the reference the
     * configuration expression at the same place names, if it names a resource.
     *
     * <p>When the plan has the resource's configuration and it has no expression there, the
     * attribute is one the provider computes without being asked (an ARN, an id, the echo of a
     * setting made by a split resource such as a bucket's {@code versioning}): it is left absent, so
     * the mapper applies what AWS does when it is not configured and names the deploy-time ones
     * unknown itself. Without the configuration every unknown attribute stays {@link Unresolved}.
     */
    @SuppressWarnings("unchecked")
    static Object merge(Object value, JsonNode afterUnknown, JsonNode expression, String modulePath, boolean configured) {
        if (afterUnknown == null || afterUnknown.isMissingNode() || afterUnknown.isNull()) return value;
        if (afterUnknown.isBoolean()) {
            if (!afterUnknown.asBoolean()) return value;
            if (configured && expression == null) return value;
            return new Unresolved(AFTER_APPLY, reference(expression, modulePath));
        }
        if (!anyTrue(afterUnknown)) return value;
        if (afterUnknown.isObject()) {
            Map<String, Object> m = value instanceof Map<?, ?> v ? new LinkedHashMap<>((Map<String, Object>) v) : new LinkedHashMap<>();
            for (var it = afterUnknown.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode expr = expression == null ? null : expression.get(e.getKey());
                Object merged = merge(m.get(e.getKey()), e.getValue(), expr, modulePath, configured);
                if (merged != null) m.put(e.getKey(), merged);
            }
            return m;
        }
        if (afterUnknown.isArray()) {
            List<Object> l = value instanceof List<?> v ? new ArrayList<>(v) : new ArrayList<>();
            for (int i = 0; i < afterUnknown.size(); i++) {
                JsonNode expr = expression == null ? null : expression.isArray() ? expression.get(i) : expression;
                Object current = i < l.size() ? l.get(i) : null;
                Object merged = merge(current, afterUnknown.get(i), expr, modulePath, configured);
                if (i < l.size()) l.set(i, merged);
                else l.add(merged);
            }
            return l;
        }
        return value;
    }

    private static boolean anyTrue(JsonNode n) {
        if (n.isBoolean()) return n.asBoolean();
        for (JsonNode c : n) if (anyTrue(c)) return true;
        return false;
    }

    /** The resource an expression refers to, as a full address ({@code module.logs.aws_s3_bucket.this}); {@code null} for none. */
    static String reference(JsonNode expression, String modulePath) {
        if (expression == null || !expression.has("references")) return null;
        String best = null;
        for (JsonNode ref : expression.path("references")) {
            String r = ref.asText();
            if (!RESOURCE_REF.matcher(r).matches() || NOT_RESOURCES.contains(r.substring(0, r.indexOf('.')))) continue;
            if (best == null || r.length() < best.length()) best = r;
        }
        return best == null ? null : modulePath + best;
    }

    /** {@code module.a["x"].module.b.aws_s3_bucket.c[0]} to {@code module.a.module.b.} (the configuration's module path). */
    static String modulePath(String address) {
        String local = localAddress(address);
        String prefix = address.substring(0, address.length() - local.length());
        return prefix.replaceAll("\\[[^\\]]*\\]", "");
    }

    /** The part after the last module step: {@code aws_s3_bucket.c[0]}. */
    static String localAddress(String address) {
        int at = 0;
        int i = 0;
        while (address.startsWith("module.", i)) {
            int dot = address.indexOf('.', i + "module.".length());
            int bracket = address.indexOf('[', i + "module.".length());
            int end = dot;
            if (bracket >= 0 && bracket < dot) {
                int close = address.indexOf(']', bracket);
                end = address.indexOf('.', close);
            }
            if (end < 0) break;
            i = end + 1;
            at = i;
        }
        return address.substring(at);
    }

    private static String withoutKey(String address) {
        int b = address.indexOf('[');
        return b < 0 ? address : address.substring(0, b);
    }

    /** JSON to the attribute shape of {@link TfResource}: maps, lists, strings, Long, Double, booleans. */
    static Object tree(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> {
                Object v = tree(e.getValue());
                if (v != null) m.put(e.getKey(), v);
            });
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(tree(x)));
            return l;
        }
        if (n.isBoolean()) return n.asBoolean();
        if (n.isIntegralNumber()) return n.asLong();
        if (n.isNumber()) return n.asDouble();
        return n.asText();
    }
}
