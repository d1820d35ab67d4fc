package dev.vigil.report.sarif;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.engine.ScanReport;
import dev.vigil.model.Location;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.Suppressed;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.report.ReportContext;
import dev.vigil.report.ReportWriter;
import dev.vigil.rules.Rule;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SARIF 2.1.0, shaped for GitHub code scanning: one run, a rule descriptor for every rule that has a
 * result in the log, and one SARIF result per FAIL, ERROR and UNKNOWN result. Passes are left out:
 * GitHub turns every SARIF result into an alert, whatever its {@code kind}.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li><b>ERROR and UNKNOWN are reported</b>, as {@code kind: "review"} with {@code level: "note"}
 *       and the reason Vigil could not decide. Vigil never lets "could not tell" read as "fine",
 *       and GitHub ignores {@code kind} (it shows every result as an alert), so leaving them out
 *       would hide them. SARIF §3.27.9 asks for level {@code none} when kind is not {@code fail};
 *       we write {@code note} because GitHub lists only error, warning and note, and a
 *       consumer that honours {@code kind} still sees "review".</li>
 *   <li><b>Locations.</b> An IaC result points at its file ({@code uriBaseId %SRCROOT%}, relative,
 *       forward slashes) and the resource's line range (line 1 when the input has no lines, as a
 *       Terraform plan). A result of a live or snapshot scan has no
 *       file: it carries only a logical location (the resource id, kind {@code resource}). Other
 *       SARIF viewers show it; GitHub code scanning refuses a whole upload in which a result has
 *       no file, so SARIF for GitHub comes from IaC scans (docs/ci.md). Pointing such a result at
 *       some file to please GitHub would be a false location.</li>
 *   <li><b>Fingerprints</b> ({@code partialFingerprints["vigil/v1"]}) hash the rule id and the
 *       resource id only, so an alert keeps its identity when the resource moves in its file.</li>
 *   <li><b>Suppressed results</b> are written with a {@code suppressions} entry ({@code inSource}
 *       for a {@code vigil:ignore} mark, {@code external} for a stored exception or the baseline,
 *       status {@code accepted}), as the specification says, rather than left out: the log is the
 *       whole record. GitHub code scanning does not act on {@code suppressions} (it opens an alert
 *       for them too); docs/ci.md shows how to dismiss or drop them before upload.</li>
 *   <li><b>Baseline.</b> When the scan was compared with a baseline (some result carries a
 *       baseline suppression), FAIL results get {@code baselineState}: {@code unchanged} for those
 *       the baseline holds, {@code new} for the unsuppressed ones. FAILs suppressed otherwise, and
 *       ERROR and UNKNOWN results (a baseline records failures only), get none: Vigil does not
 *       know whether they were there before.</li>
 *   <li><b>Bad files, coverage gaps and rules the profile switched off</b> are tool execution
 *       notifications of the one invocation, which is unsuccessful when a file could not be read.</li>
 * </ul>
 * The output is deterministic: rules sorted by id, results by severity, rule, file, line and
 * resource, maps in a fixed order.
 */
public final class SarifReportWriter implements ReportWriter {
    /** The project's home, named in the tool descriptor. */
    static final String INFORMATION_URI = "https://vigil.dev";
    /** The partialFingerprints key; bump the version if the fingerprint's inputs ever change. */
    static final String FINGERPRINT_KEY = "vigil/v1";

    /** Indented with "\n" whatever the platform: the same scan gives the same bytes everywhere. */
    private static final ObjectWriter JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    /** The order results are listed in; equal keys keep the report's order (a stable sort). */
    static final Comparator<Result> ORDER = Comparator.comparing((Result r) -> r.severity() == null ? Severity.INFO : r.severity())
            .thenComparing(Result::ruleId)
            .thenComparing(r -> r.location() == null ? "" : r.location().file())
            .thenComparingInt(r -> r.location() == null ? 0 : r.location().startLine())
            .thenComparing(r -> r.resourceId() == null ? "" : r.resourceId())
            .thenComparing(Result::status);

    @Override
    public String id() {
        return "sarif";
    }

    @Override
    public void write(ScanReport report, ReportContext ctx, Writer out) throws IOException {
        List<Result> reported = report.results().stream().filter(r -> r.status() != Status.PASS).sorted(ORDER).toList();
        boolean baselineUsed = reported.stream().anyMatch(r -> r.suppressed() != null && r.suppressed().by() == Suppressed.By.BASELINE);

        // One descriptor per rule with a result, sorted by id; ruleIndex points into this list.
        Map<String, Severity> severityOf = new TreeMap<>();
        for (Result r : reported) severityOf.putIfAbsent(r.ruleId(), r.severity());
        List<Sarif.Rule> rules = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (var e : severityOf.entrySet()) {
            index.put(e.getKey(), rules.size());
            rules.add(rule(e.getKey(), e.getValue(), ctx));
        }

        List<Sarif.Result> results = reported.stream().map(r -> result(r, index.get(r.ruleId()), baselineUsed)).toList();
        String version = ctx.version() == null || ctx.version().isBlank() ? null : ctx.version();
        Sarif.Driver driver = new Sarif.Driver("Vigil", version, version, INFORMATION_URI, rules);
        Sarif.Run run = new Sarif.Run(new Sarif.Tool(driver), List.of(invocation(report, ctx)), results, null, null);
        JSON.writeValue(new NonClosing(out), new Sarif.Log(Sarif.SCHEMA, Sarif.VERSION, List.of(run)));
        out.write("\n");
        out.flush();
    }

    /** GitHub's score for a severity: 9.0 and above is Critical, 7.0-8.9 High, 4.0-6.9 Medium, below 4.0 Low. */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    /** The SARIF level of a failure of this severity. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** A stable hash of (rule, resource): the same finding gets the same fingerprint wherever its lines are. */
    static String fingerprint(String ruleId, String resourceId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((ruleId + "\u001f" + (resourceId == null ? "" : resourceId)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * A file path as a SARIF relative reference: forward slashes, no leading {@code ./}, each
     * segment percent-encoded where a URI needs it. An absolute path becomes a {@code file:} URI
     * (no base id); run the scan on a relative path for results GitHub can place.
     */
    static Sarif.ArtifactLocation artifact(String file) {
        String path = file.replace('\\', '/');
        while (path.startsWith("./")) path = path.substring(2);
        boolean absolute = path.startsWith("/") || path.matches("^[A-Za-z]:/.*");
        try {
            if (absolute) {
                String p = path.startsWith("/") ? path : "/" + path;
                return new Sarif.ArtifactLocation("file://" + new URI(null, null, p, null).toASCIIString(), null);
            }
            return new Sarif.ArtifactLocation(new URI(null, null, path, null).toASCIIString(), "%SRCROOT%");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express the path '" + file + "' as a URI: " + e.getMessage(), e);
        }
    }

    private static Sarif.Rule rule(String ruleId, Severity severity, ReportContext ctx) {
        Severity sev = severity == null ? Severity.INFO : severity;
        var compiled = ctx.catalog() == null ? java.util.Optional.<dev.vigil.rules.CompiledRule>empty() : ctx.catalog().rule(ruleId);
        Set<String> tags = new LinkedHashSet<>();
        tags.add("security");
        String shortText = ruleId, fullText = ruleId;
        Sarif.Help help = null;
        if (compiled.isPresent()) {
            Rule rule = compiled.get().rule();
            tags.addAll(rule.categories());
            shortText = nonBlank(rule.title(), ruleId);
            fullText = nonBlank(rule.description(), shortText);
            help = help(rule);
        }
        return new Sarif.Rule(ruleId, identifier(ruleId), new Sarif.Text(shortText), new Sarif.Text(fullText), help, null,
                new Sarif.Configuration(level(sev)),
                new Sarif.RuleProperties(List.copyOf(tags).subList(0, Math.min(tags.size(), 20)), "very-high", securitySeverity(sev)));
    }

    /** The rule's risk and remediation, as plain text and as Markdown (GitHub shows the Markdown on the alert). */
    private static Sarif.Help help(Rule rule) {
        StringBuilder text = new StringBuilder(), md = new StringBuilder();
        if (!rule.risk().isBlank()) {
            text.append("Risk: ").append(rule.risk().strip()).append("\n\n");
            md.append("**Risk.** ").append(rule.risk().strip()).append("\n\n");
        }
        Rule.Remediation fix = rule.remediation();
        if (fix != null) {
            if (notBlank(fix.text())) {
                text.append("Remediation: ").append(fix.text().strip()).append("\n\n");
                md.append("**Remediation.** ").append(fix.text().strip()).append("\n\n");
            }
            if (notBlank(fix.console())) {
                text.append("Console: ").append(fix.console().strip()).append("\n\n");
                md.append("**Console.** ").append(fix.console().strip()).append("\n\n");
            }
            if (notBlank(fix.cli())) {
                text.append("CLI: ").append(fix.cli().strip()).append("\n\n");
                md.append("**CLI**\n\n```sh\n").append(fix.cli().strip()).append("\n```\n\n");
            }
            if (notBlank(fix.terraform())) {
                text.append("Terraform:\n").append(fix.terraform().strip()).append("\n\n");
                md.append("**Terraform**\n\n```hcl\n").append(fix.terraform().strip()).append("\n```\n\n");
            }
        }
        if (text.isEmpty()) return null;
        return new Sarif.Help(text.toString().strip(), md.toString().strip());
    }

    private static Sarif.Result result(Result r, int ruleIndex, boolean baselineUsed) {
        Severity sev = r.severity() == null ? Severity.INFO : r.severity();
        boolean fail = r.status() == Status.FAIL;
        String resource = nonBlank(r.resourceId(), r.resourceName());
        String reason = nonBlank(r.reason(), r.status().name());
        String message = switch (r.status()) {
            case FAIL -> reason;
            case ERROR -> "Vigil could not evaluate this rule (ERROR): " + reason;
            case UNKNOWN -> "Vigil could not decide this rule from the input (UNKNOWN): " + reason;
            case PASS -> throw new IllegalArgumentException("passes are not written");
        } + " [resource: " + resource + "]";

        List<Sarif.LogicalLocation> logical = List.of(new Sarif.LogicalLocation(r.resourceName(), resource, "resource"));
        Sarif.PhysicalLocation physical = null;
        Location loc = r.location();
        if (loc != null && !loc.file().isBlank()) {
            // A file without lines (a Terraform plan) points at its first line: GitHub does not
            // display a result without a region, and line 1 is how scanners say "this file".
            physical = new Sarif.PhysicalLocation(artifact(loc.file()), loc.startLine() >= 1
                    ? new Sarif.Region(loc.startLine(), Math.max(loc.startLine(), loc.endLine())) : new Sarif.Region(1, 1));
        }

        List<Sarif.Suppression> suppressions = null;
        String baselineState = null;
        Suppressed s = r.suppressed();
        if (s != null) {
            Map<String, String> props = new TreeMap<>();
            props.put("vigil/by", s.by().label());
            if (!s.source().isBlank()) props.put("vigil/source", s.source());
            if (!s.expires().isBlank()) props.put("vigil/expires", s.expires());
            suppressions = List.of(new Sarif.Suppression(s.by() == Suppressed.By.INLINE ? "inSource" : "external", "accepted",
                    nonBlank(s.reason(), "suppressed (" + s.by().label() + ")"), props));
        }
        if (baselineUsed && fail) {
            if (s == null) baselineState = "new";
            else if (s.by() == Suppressed.By.BASELINE) baselineState = "unchanged";
        }

        Map<String, Object> props = new TreeMap<>();
        props.put("vigil/status", r.status().name());
        props.put("vigil/severity", sev.label());
        if (r.resourceType() != null) props.put("vigil/resourceType", r.resourceType());
        props.put("vigil/findingId", r.findingId());

        return new Sarif.Result(r.ruleId(), ruleIndex, fail ? "fail" : "review", fail ? level(sev) : "note", new Sarif.Text(message),
                List.of(new Sarif.Location(physical, logical)), Map.of(FINGERPRINT_KEY, fingerprint(r.ruleId(), resource)),
                suppressions, baselineState, props);
    }

    private static Sarif.Invocation invocation(ScanReport report, ReportContext ctx) {
        List<Sarif.Notification> notes = new ArrayList<>();
        for (BadFile b : report.badFiles()) {
            Sarif.PhysicalLocation where = new Sarif.PhysicalLocation(artifact(b.file()), b.line() >= 1 ? new Sarif.Region(b.line(), b.line()) : null);
            notes.add(new Sarif.Notification("error", new Sarif.Text("cannot read " + b.message()), List.of(new Sarif.Location(where, null))));
        }
        for (CoverageGap g : report.gaps()) {
            notes.add(new Sarif.Notification(g.failed() ? "warning" : "note",
                    new Sarif.Text("coverage gap " + g.scope() + ": " + g.reason()), null));
        }
        new TreeMap<>(ctx.disabled() == null ? Map.<String, String>of() : ctx.disabled()).forEach((rule, why) -> notes.add(
                new Sarif.Notification("note", new Sarif.Text("rule " + rule + " was not evaluated: switched off by the profile (" + why + ")"), null)));
        return new Sarif.Invocation(report.badFiles().isEmpty(), notes.isEmpty() ? null : notes);
    }

    /** {@code aws-s3-bucket-not-public} as {@code AwsS3BucketNotPublic}: SARIF's {@code name} is an identifier, not a title. */
    static String identifier(String ruleId) {
        StringBuilder b = new StringBuilder();
        for (String part : ruleId.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return b.isEmpty() ? ruleId : b.toString();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String nonBlank(String s, String fallback) {
        return notBlank(s) ? s.strip() : fallback;
    }

    /** Jackson closes the writer it is given; the caller owns it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
