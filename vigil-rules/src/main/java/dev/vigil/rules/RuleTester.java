package dev.vigil.rules;

import dev.vigil.model.Inventory;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceType;
import dev.vigil.model.Result;
import dev.vigil.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every rule's examples. A rule passes when each example gets the status it expects, every
 * example is valid for its type's schema, and the rule has at least one example that must FAIL and
 * one that must PASS: a rule that cannot fail is a defect.
 */
public final class RuleTester {
    /** Examples are judged as of this instant, so that dates in them give the same result every year. */
    public static final Instant EXAMPLES_AS_OF = Instant.parse("2026-01-01T00:00:00Z");
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";

    public record Outcome(CompiledRule rule, List<String> failures, int examples) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final RuleCompiler compiler;

    public RuleTester(RuleCompiler compiler) {
        this.compiler = compiler;
    }

    public Outcome test(CompiledRule cr) {
        Rule rule = cr.rule();
        List<String> failures = new ArrayList<>();
        long fails = rule.examples().stream().filter(e -> e.expect() == Status.FAIL).count();
        long passes = rule.examples().stream().filter(e -> e.expect() == Status.PASS).count();
        if (fails == 0) failures.add("has no example that must FAIL: a rule that cannot fail is a defect");
        if (passes == 0) failures.add("has no example that must PASS");
        for (Rule.Example ex : rule.examples()) {
            String problem = run(cr, ex);
            if (problem != null) failures.add("example '" + ex.name() + "': " + problem);
        }
        return new Outcome(cr, failures, rule.examples().size());
    }

    private String run(CompiledRule cr, Rule.Example ex) {
        Rule rule = cr.rule();
        ResourceType type = compiler.types().find(rule.resourceType()).orElseThrow();
        List<String> invalid = type.schema().validate(ex.resource());
        if (!invalid.isEmpty()) return "resource is not a valid " + type.id() + ": " + String.join("; ", invalid);
        List<Resource> all = new ArrayList<>();
        List<Relation> relations = new ArrayList<>(ex.relations());
        int n = 0;
        for (Rule.InventoryItem item : ex.inventory()) {
            var itemType = compiler.types().find(item.type());
            if (itemType.isEmpty()) return "inventory entry of unknown type '" + item.type() + "'";
            List<String> bad = itemType.get().schema().validate(item.resource());
            if (!bad.isEmpty()) return "inventory entry " + n + " is not a valid " + item.type() + ": " + String.join("; ", bad);
            String id = "example:" + item.type() + ":" + n++;
            all.add(new Resource("aws", item.type(), id, String.valueOf(item.resource().getOrDefault("name", id)), ACCOUNT, REGION,
                    Map.of(), item.resource(), item.unknowns(), null, List.of()));
            if (item.related()) relations.add(new Relation("related", item.type(), id));
        }
        Resource subject = new Resource(type.provider(), type.id(), "example:" + rule.id(), ex.name(), ACCOUNT, REGION, Map.of(),
                ex.resource(), ex.unknowns(), null, relations);
        all.add(subject);
        Evaluator evaluator = new Evaluator(new Inventory(all), EXAMPLES_AS_OF, Map.of());
        Map<String, Object> params = new HashMap<>(rule.params());
        params.putAll(ex.params());
        Result result = evaluator.evaluate(cr, subject, params);
        if (result.status() != ex.expect()) {
            return "expected " + ex.expect() + " but got " + result.status() + (result.reason().isEmpty() ? "" : " (" + result.reason() + ")");
        }
        return null;
    }
}
