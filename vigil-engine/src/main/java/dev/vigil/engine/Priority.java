package dev.vigil.engine;

import dev.vigil.model.Result;
import dev.vigil.rules.Catalog;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The order results are worked through. Most severe first; at equal severity, failures before
 * errors, unknowns and passes; then a rule that breaks requirements of more frameworks before one
 * that breaks fewer, because fixing it moves more compliance reports at once; then by rule,
 * account, region and resource, so that the order is stable.
 */
public final class Priority {
    private Priority() {
    }

    public static Comparator<Result> order(Catalog catalog) {
        return Comparator.comparing(Result::severity)
                .thenComparing(r -> switch (r.status()) {
                    case FAIL -> 0;
                    case ERROR -> 1;
                    case UNKNOWN -> 2;
                    case PASS -> 3;
                })
                .thenComparing(r -> -catalog.frameworksOf(r.ruleId()).size())
                .thenComparing(Result::ruleId)
                .thenComparing(Result::account)
                .thenComparing(Result::region)
                .thenComparing(Result::resourceId);
    }

    /** Why a rule ranks where it does, e.g. "breaks 3 frameworks: cis-aws-3.0 2.1.4; aws-fsbp S3.8; nist-800-53-r5 AC-3". */
    public static String why(Catalog catalog, String ruleId) {
        Map<String, List<String>> fw = catalog.frameworksOf(ruleId);
        if (fw.isEmpty()) return "maps to no framework";
        return "breaks " + fw.size() + (fw.size() == 1 ? " framework: " : " frameworks: ")
                + fw.entrySet().stream().map(e -> e.getKey() + " " + String.join(", ", e.getValue())).collect(Collectors.joining("; "));
    }
}
