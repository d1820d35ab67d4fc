package dev.vigil.report;

import dev.vigil.rules.Catalog;

/**
 * What writers need besides the report: the catalog (titles, remediation, framework mappings) and
 * presentation choices.
 *
 * @param colour      use ANSI colours (only for a terminal)
 * @param showPassed  list passing results too, not only their count
 * @param version     Vigil's version, recorded in machine outputs
 */
public record ReportContext(Catalog catalog, boolean colour, boolean showPassed, String version) {
}
