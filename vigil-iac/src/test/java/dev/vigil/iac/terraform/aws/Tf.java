package dev.vigil.iac.terraform.aws;

import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TerraformAws;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.model.Inventory;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.Result;
import dev.vigil.model.Status;
import dev.vigil.model.input.InlineSuppression;
import dev.vigil.rules.Catalog;
import dev.vigil.rules.CompiledRule;
import dev.vigil.rules.Evaluator;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-written Terraform resources, as the HCL evaluator hands them over, and the catalog to judge what they map to. */
final class Tf {
    static final String SOURCE = "infra";
    private static Catalog catalog;

    private Tf() {
    }

    /** A resource declared in {@code infra/main.tf}, lines 10-20, with {@code key, value, ...} arguments. */
    static TfResource tf(String type, String address, Object... kv) {
        return new TfResource(type, address, SOURCE, "infra/main.tf", 10, 20, map(kv), List.of());
    }

    static TfResource tf(String type, String address, List<InlineSuppression> marks, Object... kv) {
        return new TfResource(type, address, SOURCE, "infra/main.tf", 30, 35, map(kv), marks);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** A nested block list with one block. */
    static List<Object> block(Object... kv) {
        return List.of(map(kv));
    }

    static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    /** What the evaluator makes of {@code <address>.id} or {@code .arn}: known only after apply, but still pointing at the resource. */
    static Unresolved ref(String address) {
        return new Unresolved("known only after apply", address);
    }

    static Unresolved noValue(String var) {
        return Unresolved.because("var." + var + " has no value");
    }

    static TerraformAws.Mapped mapAll(TfResource... rs) {
        return TerraformAws.map(List.of(rs));
    }

    static Resource only(TerraformAws.Mapped m, String type) {
        List<Resource> of = m.resources().stream().filter(r -> r.type().equals(type)).toList();
        if (of.size() != 1) throw new AssertionError("expected one " + type + ", got " + of.stream().map(Resource::id).toList());
        return of.get(0);
    }

    static Resource byId(TerraformAws.Mapped m, String id) {
        return m.resources().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no resource " + id));
    }

    static Object prop(Resource r, String path) {
        Object v = r.properties();
        for (String p : path.split("\\.")) v = v instanceof Map<?, ?> m ? m.get(p) : null;
        return v;
    }

    @SuppressWarnings("unchecked")
    static List<Object> items(Resource r, String path) {
        return (List<Object>) prop(r, path);
    }

    /** The status the built-in rule gives {@code subject}, with every mapped resource in the inventory. */
    static Status status(String ruleId, Resource subject, TerraformAws.Mapped all) {
        return result(ruleId, subject, all).status();
    }

    static Result result(String ruleId, Resource subject, TerraformAws.Mapped all) {
        if (catalog == null) catalog = Catalog.load(ResourceTypes.standard(), true, List.of());
        CompiledRule rule = catalog.rule(ruleId).orElseThrow(() -> new AssertionError("no rule " + ruleId));
        return new Evaluator(new Inventory(all.resources()), Instant.parse("2026-11-15T06:00:00Z"), Map.of()).evaluate(rule, subject);
    }
}
