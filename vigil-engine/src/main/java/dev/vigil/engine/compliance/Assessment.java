package dev.vigil.engine.compliance;

import dev.vigil.model.Result;
import dev.vigil.model.Status;
import dev.vigil.model.framework.Framework;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One framework assessed from a scan's results: a score per account and region, and each
 * requirement's status with the resources that fail it. Computed from results only; it never
 * re-runs a rule.
 *
 * <p>Counting: every result of a rule the selected requirements name counts once per scope
 * (account, region). The score is passed / (passed + failed + error), where "error" also holds
 * UNKNOWN results: what Vigil could not tell lowers the score, it never raises it.
 *
 * <p>A requirement is MANUAL when no rule evidences it, FAIL when any of its results fails, else
 * ERROR when any could not be evaluated (ERROR or UNKNOWN), else PASS when any passes, else
 * NO_RESOURCES (its rules had nothing to look at in the scan).
 *
 * @param level the profile level assessed (requirements of that level and below), or {@code null} for all
 */
public record Assessment(String frameworkId, String frameworkName, String version, Integer level, Counts total,
                         Map<RequirementStatus, Long> requirementCounts, List<ScopeScore> scopes, List<RequirementResult> requirements) {

    public enum RequirementStatus { PASS, FAIL, ERROR, MANUAL, NO_RESOURCES }

    /** Result counts and the score they give; {@code score} is null when nothing was evaluated. */
    public record Counts(long passed, long failed, long error, long unknown) {
        @com.fasterxml.jackson.annotation.JsonProperty("evaluated")
        public long evaluated() {
            return passed + failed + error + unknown;
        }

        @com.fasterxml.jackson.annotation.JsonProperty("score")
        public Double score() {
            long n = evaluated();
            return n == 0 ? null : (double) passed / n;
        }

        Counts plus(Status s) {
            return switch (s) {
                case PASS -> new Counts(passed + 1, failed, error, unknown);
                case FAIL -> new Counts(passed, failed + 1, error, unknown);
                case ERROR -> new Counts(passed, failed, error + 1, unknown);
                case UNKNOWN -> new Counts(passed, failed, error, unknown + 1);
            };
        }

        static final Counts ZERO = new Counts(0, 0, 0, 0);
    }

    public record ScopeScore(String account, String region, Counts counts, Map<RequirementStatus, Long> requirementCounts) {
    }

    /** A failing (or unevaluable) resource of a requirement. */
    public record Finding(Status status, String ruleId, String resourceId, String resourceName, String account, String region, String reason) {
    }

    public record RequirementResult(String id, String title, String section, int level, boolean automated, List<String> rules,
                                    RequirementStatus status, Counts counts, Map<String, RequirementStatus> byScope,
                                    Map<String, Counts> countsByScope, List<Finding> findings) {
    }

    public static Assessment of(Framework framework, Integer level, List<Result> results) {
        List<Framework.Requirement> selected = framework.requirements().stream()
                .filter(r -> level == null || r.level() <= level)
                .toList();
        Set<String> ruleIds = new HashSet<>();
        selected.forEach(r -> ruleIds.addAll(r.rules()));
        Map<String, List<Result>> byRule = new HashMap<>();
        for (Result r : results) if (ruleIds.contains(r.ruleId())) byRule.computeIfAbsent(r.ruleId(), k -> new ArrayList<>()).add(r);

        // Scope scores count each relevant result once, even when several requirements name its rule.
        Map<String, Counts> scopeCounts = new TreeMap<>();
        Counts total = Counts.ZERO;
        for (List<Result> rs : byRule.values()) {
            for (Result r : rs) {
                scopeCounts.merge(scope(r), Counts.ZERO.plus(r.status()), Assessment::add);
                total = total.plus(r.status());
            }
        }

        List<RequirementResult> reqs = new ArrayList<>();
        Map<RequirementStatus, Long> reqCounts = new TreeMap<>();
        Map<String, Map<RequirementStatus, Long>> reqCountsByScope = new TreeMap<>();
        for (Framework.Requirement req : selected) {
            Counts counts = Counts.ZERO;
            Map<String, List<Status>> statusesByScope = new TreeMap<>();
            List<Finding> findings = new ArrayList<>();
            for (String rule : req.rules()) {
                for (Result r : byRule.getOrDefault(rule, List.of())) {
                    counts = counts.plus(r.status());
                    statusesByScope.computeIfAbsent(scope(r), k -> new ArrayList<>()).add(r.status());
                    if (r.status() != Status.PASS) {
                        findings.add(new Finding(r.status(), r.ruleId(), r.resourceId(), r.resourceName(), r.account(), r.region(), r.reason()));
                    }
                }
            }
            RequirementStatus status = req.rules().isEmpty() ? RequirementStatus.MANUAL : status(counts);
            Map<String, RequirementStatus> byScope = new TreeMap<>();
            Map<String, Counts> countsByScope = new TreeMap<>();
            statusesByScope.forEach((scope, statuses) -> {
                Counts c = Counts.ZERO;
                for (Status s : statuses) c = c.plus(s);
                byScope.put(scope, status(c));
                countsByScope.put(scope, c);
                reqCountsByScope.computeIfAbsent(scope, k -> new TreeMap<>()).merge(status(c), 1L, Long::sum);
            });
            findings.sort(java.util.Comparator.comparing(Finding::status).thenComparing(Finding::account).thenComparing(Finding::region)
                    .thenComparing(Finding::resourceId));
            reqCounts.merge(status, 1L, Long::sum);
            reqs.add(new RequirementResult(req.id(), req.title(), req.section(), req.level(), req.automated(), req.rules(), status, counts,
                    byScope, countsByScope, findings));
        }
        List<ScopeScore> scopes = new ArrayList<>();
        scopeCounts.forEach((scope, c) -> {
            String[] parts = scope.split("/", 2);
            scopes.add(new ScopeScore(parts[0], parts[1], c, reqCountsByScope.getOrDefault(scope, Map.of())));
        });
        return new Assessment(framework.id(), framework.name(), framework.version(), level, total, reqCounts, scopes, reqs);
    }

    private static RequirementStatus status(Counts c) {
        if (c.failed() > 0) return RequirementStatus.FAIL;
        if (c.error() + c.unknown() > 0) return RequirementStatus.ERROR;
        if (c.passed() > 0) return RequirementStatus.PASS;
        return RequirementStatus.NO_RESOURCES;
    }

    private static Counts add(Counts a, Counts b) {
        return new Counts(a.passed() + b.passed(), a.failed() + b.failed(), a.error() + b.error(), a.unknown() + b.unknown());
    }

    /** "account/region": neither an account id nor a region name holds a slash. */
    static String scope(Result r) {
        return r.account() + "/" + r.region();
    }

    /** Frameworks in a stable order, for writers that assess several. */
    public static List<Assessment> of(List<Framework> frameworks, Map<String, Integer> levels, List<Result> results) {
        List<Assessment> out = new ArrayList<>();
        for (Framework f : new LinkedHashSet<>(frameworks)) out.add(of(f, levels.get(f.id()), results));
        return out;
    }
}
