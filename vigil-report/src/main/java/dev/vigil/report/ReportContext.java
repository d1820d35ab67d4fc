package dev.vigil.report;

import dev.vigil.rules.Catalog;

/**
 * What writers need besides the report: the catalog (titles, remediation, framework mappings) and
 * presentation choices.
 *
 * @param colour      use ANSI colours (only for a terminal)
 * @param showPassed  list passing results too, not only their count
 * @param version     Vigil's version, recorded in machine outputs
 * @param compliance  framework id to the profile level assessed ({@code null} for all levels), in
 *                    report order: what the compliance writers assess
 * @param disabled    rule id to the reason an organization profile switched it off: reported, so
 *                    that nobody mistakes a rule not run for a rule passed
 */
public record ReportContext(Catalog catalog, boolean colour, boolean showPassed, String version, java.util.Map<String, Integer> compliance,
                            java.util.Map<String, String> disabled) {

    public ReportContext(Catalog catalog, boolean colour, boolean showPassed, String version) {
        this(catalog, colour, showPassed, version, java.util.Map.of(), java.util.Map.of());
    }

    /** The frameworks to assess: those asked for, else every framework of the catalog. */
    public java.util.List<dev.vigil.engine.compliance.Assessment> assessments(java.util.List<dev.vigil.model.Result> results) {
        java.util.List<dev.vigil.model.framework.Framework> fws = compliance.isEmpty()
                ? java.util.List.copyOf(catalog.frameworks())
                : compliance.keySet().stream().map(id -> catalog.framework(id).orElseThrow()).toList();
        return dev.vigil.engine.compliance.Assessment.of(fws, compliance, results);
    }
}
