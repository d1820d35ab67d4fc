package dev.vigil.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelLateFunctionBindings;
import dev.vigil.model.Inventory;
import dev.vigil.model.Resource;
import dev.vigil.model.Result;
import dev.vigil.model.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates compiled rules on resources. A check that is true is PASS, false is FAIL. A check that
 * cannot be evaluated is UNKNOWN when it read a property the input left unknown (with the input's
 * reason), and ERROR otherwise (with CEL's message). Never PASS by default.
 *
 * <p>Thread-safe: one evaluator serves every worker of a scan.
 */
public final class Evaluator {
    private static final String NOT_IN_SCAN = "related resource unknown: ";
    private final Inventory inventory;
    private final Instant asOf;
    private final Map<String, Map<String, Object>> paramOverrides;

    /**
     * @param asOf           the time {@code daysSince} measures to
     * @param paramOverrides rule id to parameter values that replace the rule's defaults
     */
    public Evaluator(Inventory inventory, Instant asOf, Map<String, Map<String, Object>> paramOverrides) {
        this.inventory = inventory;
        this.asOf = asOf;
        this.paramOverrides = paramOverrides;
    }

    /** The parameter values a rule runs with: its defaults, overridden by the scan's configuration. */
    public Map<String, Object> params(CompiledRule cr) {
        Map<String, Object> overrides = paramOverrides.get(cr.id());
        if (overrides == null || overrides.isEmpty()) return cr.rule().params();
        Map<String, Object> merged = new HashMap<>(cr.rule().params());
        merged.putAll(overrides);
        return merged;
    }

    public Result evaluate(CompiledRule cr, Resource resource) {
        return pointAtProperty(cr, resource, evaluate(cr, resource, params(cr)));
    }

    /**
     * A result that needs action points at the line that set what its rule read, when the input
     * knows it (IaC): the earliest such line among the properties the check reads on the resource
     * itself, else the whole declaration. A property the code leaves out has no line: the
     * declaration is where to add it.
     */
    static Result pointAtProperty(CompiledRule cr, Resource resource, Result result) {
        if (result.status() == Status.PASS || !(resource.origin() instanceof dev.vigil.model.Origin.FileRange range)
                || range.properties().isEmpty()) {
            return result;
        }
        // the most specific line wins (the deepest property the check reads, or one inside it, or
        // the block around it); among equally specific ones, the first in the file
        dev.vigil.model.Location best = null;
        int bestDepth = -1;
        for (FieldPaths.Read read : cr.reads()) {
            if (!read.self()) continue;
            for (var e : range.properties().entrySet()) {
                String p = e.getKey();
                boolean related = p.equals(read.path()) || p.startsWith(read.path() + ".") || read.path().startsWith(p + ".");
                if (!related) continue;
                int depth = (int) p.chars().filter(ch -> ch == '.').count();
                dev.vigil.model.Location l = e.getValue();
                boolean earlier = best != null && (l.file().compareTo(best.file()) < 0
                        || l.file().equals(best.file()) && l.startLine() < best.startLine());
                if (depth > bestDepth || depth == bestDepth && earlier) {
                    best = l;
                    bestDepth = depth;
                }
            }
        }
        return best == null ? result : result.withLocation(best);
    }

    Result evaluate(CompiledRule cr, Resource resource, Map<String, Object> params) {
        Rule rule = cr.rule();
        Map<String, Object> vars = Map.of("resource", resource.properties(), "params", params);
        if (!resource.failures().isEmpty()) {
            Set<String> failed = selfReasons(cr, resource, true);
            if (!failed.isEmpty()) return Result.of(rule.id(), rule.severity(), Status.ERROR, String.join("; ", failed), resource);
        }
        try {
            Object out = cr.usesInventory() || cr.usesDates()
                    ? cr.program().eval(vars, bindings(resource))
                    : cr.program().eval(vars);
            if (Boolean.TRUE.equals(out)) {
                // A check may step around an absent property (has(), a default); when that property is
                // one the input could not tell, the PASS would rest on nothing.
                Set<String> unknown = resource.unknowns().isEmpty() ? Set.of() : selfReasons(cr, resource, false);
                if (!unknown.isEmpty()) return Result.of(rule.id(), rule.severity(), Status.UNKNOWN, String.join("; ", unknown), resource);
                return Result.of(rule.id(), rule.severity(), Status.PASS, "", resource);
            }
            if (Boolean.FALSE.equals(out)) return Result.of(rule.id(), rule.severity(), Status.FAIL, failMessage(rule, resource, params), resource);
            return Result.of(rule.id(), rule.severity(), Status.ERROR, "check returned " + out + " instead of true or false", resource);
        } catch (CelEvaluationException e) {
            Set<String> failed = crossFailures(cr, resource);
            if (!failed.isEmpty()) return Result.of(rule.id(), rule.severity(), Status.ERROR, String.join("; ", failed), resource);
            Set<String> reasons = unknownReasons(cr, resource);
            String message = cause(e);
            if (message.contains(NOT_IN_SCAN)) reasons.add(message.substring(message.indexOf(NOT_IN_SCAN) + NOT_IN_SCAN.length()));
            if (!reasons.isEmpty()) {
                return Result.of(rule.id(), rule.severity(), Status.UNKNOWN, String.join("; ", reasons), resource);
            }
            return Result.of(rule.id(), rule.severity(), Status.ERROR, "could not evaluate: " + message, resource);
        }
    }

    private CelLateFunctionBindings bindings(Resource subject) {
        return CelLateFunctionBindings.from(
                CelFunctionBinding.from(RuleCompiler.RELATED, Map.class, String.class,
                        (Map doc, String type) -> related(subject, type)),
                CelFunctionBinding.from(RuleCompiler.RESOURCES, String.class,
                        type -> documents(inventory.ofType(subject.account(), type))),
                CelFunctionBinding.from(RuleCompiler.REFERENCING, String.class, String.class,
                        (type, value) -> documents(inventory.referencing(subject.account(), type, value))),
                CelFunctionBinding.from(RuleCompiler.DAYS_SINCE, String.class, this::daysSince));
    }

    /**
     * The related resources of a type. A relation whose target is not in the scan (a log bucket in
     * another account, say) makes the answer unknowable, so it raises an error that becomes UNKNOWN.
     */
    private List<Map<String, Object>> related(Resource subject, String type) throws CelEvaluationException {
        for (var rel : subject.relations()) {
            if (rel.targetType().equals(type) && inventory.byId(rel.targetId()) == null) {
                throw new CelEvaluationException(NOT_IN_SCAN + type + " " + rel.targetId() + " (" + rel.kind() + ") is not among the scanned resources");
            }
        }
        return documents(inventory.related(subject, type));
    }

    private static List<Map<String, Object>> documents(List<Resource> resources) {
        List<Map<String, Object>> out = new ArrayList<>(resources.size());
        for (Resource r : resources) out.add(r.properties());
        return out;
    }

    private long daysSince(String time) throws CelEvaluationException {
        Instant then;
        try {
            then = time.length() == 10 ? LocalDate.parse(time).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new CelEvaluationException("daysSince: '" + time + "' is not an ISO-8601 date or time");
        }
        return Duration.between(then, asOf).toDays();
    }

    /** The reasons for the subject's own properties the check reads that are failed ({@code failed}) or unknown. */
    private static Set<String> selfReasons(CompiledRule cr, Resource resource, boolean failed) {
        // One line per distinct reason, under the shortest path it explains.
        java.util.Map<String, String> pathByReason = new java.util.LinkedHashMap<>();
        for (FieldPaths.Read read : cr.reads()) {
            if (!read.self()) continue;
            String why = failed ? resource.failureReason(read.path()) : resource.unknownReason(read.path());
            if (why != null) pathByReason.merge(why, read.path(), (a, b) -> a.length() <= b.length() ? a : b);
        }
        Set<String> reasons = new LinkedHashSet<>();
        pathByReason.forEach((why, path) -> reasons.add(path + (failed ? " could not be read: " : " is unknown: ") + why));
        return reasons;
    }

    /** The errors that kept properties of other resources the check looks at from being read. */
    private Set<String> crossFailures(CompiledRule cr, Resource resource) {
        Set<String> reasons = new LinkedHashSet<>();
        for (FieldPaths.Read read : cr.reads()) {
            if (read.self()) continue;
            Set<Resource> others = new LinkedHashSet<>(inventory.ofType(resource.account(), read.type()));
            others.addAll(inventory.related(resource, read.type()));
            for (Resource other : others) {
                String why = other.failureReason(read.path());
                if (why != null) reasons.add(read.type() + " " + other.name() + ": " + read.path() + " could not be read: " + why);
            }
        }
        return reasons;
    }

    /** The reasons the input gave for every unknown property the check reads, on this resource or on the ones it looked at. */
    private Set<String> unknownReasons(CompiledRule cr, Resource resource) {
        Set<String> reasons = selfReasons(cr, resource, false);
        for (FieldPaths.Read read : cr.reads()) {
            if (!read.self()) {
                Set<Resource> others = new LinkedHashSet<>(inventory.ofType(resource.account(), read.type()));
                others.addAll(inventory.related(resource, read.type()));
                for (Resource other : others) {
                    String why = other.unknownReason(read.path());
                    if (why != null) reasons.add(read.type() + " " + other.name() + ": " + read.path() + " is unknown: " + why);
                }
            }
        }
        return reasons;
    }

    static String failMessage(Rule rule, Resource r, Map<String, Object> params) {
        String m = rule.message().isBlank() ? "does not meet: " + rule.title() : rule.message();
        m = m.replace("{name}", r.name()).replace("{id}", r.id()).replace("{region}", r.region()).replace("{account}", r.account());
        for (var p : params.entrySet()) m = m.replace("{params." + p.getKey() + "}", String.valueOf(p.getValue()));
        return m;
    }

    private static String cause(Throwable e) {
        String msg = e.getMessage();
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
            if (e.getMessage() != null) msg = e.getMessage();
        }
        return msg == null ? e.getClass().getSimpleName() : msg.replace('\n', ' ');
    }
}
