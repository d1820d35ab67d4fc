package dev.vigil.engine;

import dev.vigil.model.Resource;
import dev.vigil.model.Result;
import dev.vigil.model.Status;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.rules.CompiledRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns coverage gaps into results, so that what could not be listed is never read as compliant.
 *
 * <ul>
 *   <li>A rule whose own resource type is hidden by a gap gets one ERROR result for the gap's scope
 *       (say, "123456789012/eu-west-1 aws.rds.db-instance"): the resources it would have judged are
 *       unseen.</li>
 *   <li>A rule that looks across resources of a hidden type (an account rule reading the trails)
 *       has every result in that account turned into ERROR (the listing failed) or UNKNOWN (the
 *       service was left out of the scan): its PASS or FAIL rests on a partial list.</li>
 *   <li>A gap the input chose (a service left out) adds no results of its own: the user asked
 *       not to look.</li>
 * </ul>
 */
final class GapResults {
    private final List<CoverageGap> gaps;
    private final List<CompiledRule> rules;

    GapResults(List<CoverageGap> gaps, List<CompiledRule> rules) {
        this.gaps = gaps.stream().filter(g -> !g.types().isEmpty()).toList();
        this.rules = rules;
    }

    /** One ERROR per rule and gap that hides the rule's own type. */
    List<Result> unseen() {
        List<Result> out = new ArrayList<>();
        for (CoverageGap g : gaps) {
            if (!g.failed()) continue;
            for (CompiledRule cr : rules) {
                String type = cr.rule().resourceType();
                if (!g.types().contains(type)) continue;
                String scope = g.account() + (g.region().isEmpty() ? "" : "/" + g.region());
                out.add(new Result(cr.id(), cr.rule().severity(), Status.ERROR,
                        "could not list " + type + " in " + g.scope() + ": " + g.reason(),
                        type, scope + "/" + type, g.scope(), type.substring(0, type.indexOf('.')), g.account(), g.region(), ""));
            }
        }
        return out;
    }

    /** The result itself, or ERROR when the rule read resources of a type a gap hides in that account. */
    Result overrule(CompiledRule cr, Resource subject, Result result) {
        if (gaps.isEmpty()) return result;
        // an ERROR from the subject's own failed reads stands; one from evaluating across a hidden type is the gap's to explain
        if (result.status() == Status.ERROR && !subject.failures().isEmpty()) return result;
        Set<String> reasons = new LinkedHashSet<>();
        boolean failed = false;
        for (String type : cr.crossTypes()) {
            for (CoverageGap g : gaps) {
                if (g.types().contains(type) && g.account().equals(subject.account())) {
                    reasons.add(type + (g.failed() ? " could not be listed in " : " was not read in ") + g.scope() + ": " + g.reason());
                    failed |= g.failed();
                }
            }
        }
        if (reasons.isEmpty()) return result;
        if (!failed && result.status() == Status.UNKNOWN) return result;
        if (failed && result.status() == Status.ERROR) return result;
        return result.withStatus(failed ? Status.ERROR : Status.UNKNOWN, String.join("; ", reasons));
    }
}
