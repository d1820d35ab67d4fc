package dev.vigil.cli;

import dev.vigil.aws.config.ConfigSnapshotInput;
import dev.vigil.engine.Baseline;
import dev.vigil.engine.ScanEngine;
import dev.vigil.iac.IacInputs;
import dev.vigil.iac.IacOptions;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.InputException;
import dev.vigil.engine.ScanReport;
import dev.vigil.engine.ScanRequest;
import dev.vigil.model.Severity;
import dev.vigil.model.input.LiveInput;
import dev.vigil.report.ReportContext;
import dev.vigil.report.ReportWriter;
import dev.vigil.report.ReportWriters;
import dev.vigil.rules.Catalog;
import dev.vigil.model.Resource;
import dev.vigil.store.Recorded;
import dev.vigil.store.Store;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;

/** The options every scan command shares: rule selection, parameters, output and exit policy. */
final class ScanOptions {
    @Option(names = "--severity", split = ",", paramLabel = "LEVEL", description = "Only rules of these severities (critical,high,medium,low,info).")
    List<String> severities = new ArrayList<>();

    @Option(names = "--rules", split = ",", paramLabel = "GLOB", description = "Only rules whose id matches, e.g. 'aws-s3-*'.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--compliance", split = ",", paramLabel = "FRAMEWORK", description = "Only rules mapped to this framework, e.g. cis-aws-3.0.")
    List<String> frameworks = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, json, sarif or junit (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (written whole or not at all).")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit with code 3 when a failure at or above this severity remains "
            + "that no inline mark, exception or baseline suppresses.")
    String failOn;

    @Option(names = "--soft-fail", description = "Report failures but never exit non-zero for them (bad input still exits 1).")
    boolean softFail;

    @Option(names = "--skip-bad-files", description = "Files that cannot be read are reported and skipped; without this they make the exit code 1.")
    boolean skipBadFiles;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Failures recorded in this baseline ('vigil baseline create') are "
            + "reported as baselined and do not count for --fail-on: only new failures break the build.")
    Path baseline;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A Terraform variable or CloudFormation parameter value (repeatable).")
    List<String> vars = new ArrayList<>();

    @Option(names = "--var-file", paramLabel = "FILE", description = "A Terraform .tfvars (or .tfvars.json) file applied to every module scanned (repeatable).")
    List<Path> varFiles = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with rule parameter values.")
    Path config;

    @Option(names = "--as-of", paramLabel = "TIME", description = "Evaluate ages (key rotation, unused credentials) as of this ISO-8601 time. "
            + "Default: the capture time of the newest snapshot item, else now.")
    String asOf;

    @Option(names = "--show-passed", description = "List passing results too in the table.")
    boolean showPassed;

    @Option(names = "--no-color", description = "No colours, even on a terminal.")
    boolean noColor;

    @Option(names = "--profile-file", paramLabel = "FILE", description = "The organization's profile (YAML): frameworks and levels, "
            + "rules that do not apply, severity overrides, parameters, extra rule directories.")
    Path profileFile;

    @Option(names = "--db", paramLabel = "URL", description = "Record the scan (report and resources) in this findings store: "
            + "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB.")
    String db;

    @Option(names = "--record", description = "Record the scan in the default findings store (${sys:user.home}/.vigil/vigil.db) "
            + "unless --db names another.")
    boolean record;

    @Mixin
    CatalogOptions catalogOptions;

    /** What a command renders: scan results, or the compliance assessment of them at a level. */
    record Mode(ReportWriters writers, boolean compliance, Integer level) {
        static Mode scan() {
            return new Mode(ReportWriters.standard(), false, null);
        }
    }

    /**
     * Runs a scan of {@code paths} and {@code live} inputs and writes the report; returns the exit code.
     * {@code live} is built after the catalog and options are checked, so a usage error costs no API call.
     */
    int run(CommandSpec spec, List<Path> paths, java.util.function.Supplier<List<LiveInput>> live) throws IOException {
        return run(spec, paths, live, Mode.scan());
    }

    int run(CommandSpec spec, List<Path> paths, java.util.function.Supplier<List<LiveInput>> live, Mode mode) throws IOException {
        ReportWriters writers = mode.writers();
        ReportWriter writer = writers.find(format)
                .orElseThrow(() -> new Vigil.UsageException("unknown --format '" + format + "' (use one of: "
                        + String.join(", ", writers.ids()) + ")"));
        Severity threshold = failOn == null ? null : severity(failOn, "--fail-on");
        Set<Severity> sevs = EnumSet.noneOf(Severity.class);
        for (String s : severities) sevs.add(severity(s, "--severity"));
        Instant when = null;
        if (asOf != null) {
            try {
                when = asOf.length() == 10 ? Instant.parse(asOf + "T00:00:00Z") : Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new Vigil.UsageException("--as-of '" + asOf + "' is not an ISO-8601 time such as 2026-11-15T00:00:00Z");
            }
        }

        OrgProfile profile = profileFile == null ? OrgProfile.none() : OrgProfile.read(profileFile);
        Catalog catalog = catalogOptions.load(profileFile == null ? List.of() : profile.rulesDirs(profileFile));
        for (String f : frameworks) {
            if (catalog.framework(f).isEmpty()) {
                throw new Vigil.UsageException("unknown framework '" + f + "' for --compliance (known: "
                        + String.join(", ", catalog.frameworks().stream().map(x -> x.id()).toList()) + ")");
            }
        }
        OrgProfile.Resolved org = profile.resolve(profileFile, catalog);
        ScanConfig cfg = config == null ? ScanConfig.none() : ScanConfig.load(config, catalog);
        Map<String, Map<String, Object>> parameters = new java.util.LinkedHashMap<>(org.parameters());
        parameters.putAll(cfg.parameters());
        // The frameworks in force: --compliance, else the profile's. Levels: --level, else the profile's.
        Map<String, Integer> assessed = new java.util.LinkedHashMap<>();
        if (!frameworks.isEmpty()) for (String f : frameworks) assessed.put(f, mode.level() != null ? mode.level() : org.frameworks().get(f));
        else org.frameworks().forEach((f, lvl) -> assessed.put(f, mode.level() != null ? mode.level() : lvl));
        if (mode.level() != null && assessed.isEmpty()) {
            throw new Vigil.UsageException("--level needs a framework: name one with --compliance (or in the --profile-file)");
        }
        Baseline accepted = baseline == null ? null : Baseline.read(baseline);
        // the store is opened before the scan: a wrong URL or a newer schema costs no scan
        Store store = db != null || record ? Store.open(db != null ? db : Store.defaultUrl()) : null;
        try (store) {
            ScanEngine engine = new ScanEngine(inputs(iacOptions()), catalog, Clock.systemUTC());
            List<Resource> inventory = new ArrayList<>();
            ScanReport report = engine.scan(new ScanRequest(paths, sevs, rules, List.copyOf(assessed.keySet()), parameters, when,
                    org.disabled().keySet(), org.severity()), live.get(), inventory::addAll);
            if (accepted != null) report = accepted.apply(report, baseline.toString());
            int code = write(spec, report, catalog, assessed, org, writer, threshold);
            for (BadFile bad : report.badFiles()) spec.commandLine().getErr().println("vigil: " + bad.message());
            if (!report.badFiles().isEmpty()) {
                spec.commandLine().getErr().println("vigil: " + report.badFiles().size() + " file(s) could not be read"
                        + (skipBadFiles ? " and were skipped (--skip-bad-files)" : "; the rest were scanned (--skip-bad-files to exit 0 for them)"));
                if (!skipBadFiles) code = Vigil.INPUT_ERROR;
            }
            if (store != null) {
                Recorded recorded = store.record(report, inventory, Vigil.version());
                spec.commandLine().getErr().println("vigil: recorded scan " + recorded.scanId() + " in " + store.url() + " (findings: "
                        + recorded.opened() + " opened, " + recorded.reopened() + " reopened, " + recorded.resolved() + " resolved, "
                        + recorded.suppressed() + " suppressed)");
                // An exception that expired or was revoked no longer hides its findings: say so where the scan is run.
                for (String note : recorded.notes()) spec.commandLine().getErr().println("vigil: " + note);
            }
            return code;
        }
    }

    /** --var and --var-file, checked: a value without a name is a usage error, a missing file an input error. */
    IacOptions iacOptions() {
        return iacOptions(vars, varFiles);
    }

    static IacOptions iacOptions(List<String> vars, List<Path> varFiles) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String v : vars) {
            int eq = v.indexOf('=');
            if (eq <= 0) throw new Vigil.UsageException("--var '" + v + "' must be NAME=VALUE");
            values.put(v.substring(0, eq).trim(), v.substring(eq + 1));
        }
        for (Path f : varFiles) {
            if (!Files.isRegularFile(f)) throw new InputException(f.toString(), 0, "--var-file: no such file");
        }
        return new IacOptions(values, varFiles);
    }

    /** The file inputs, IaC first: the AWS Config input claims any JSON file the others leave. */
    static List<dev.vigil.model.input.ScanInput> inputs(IacOptions options) {
        List<dev.vigil.model.input.ScanInput> all = new ArrayList<>(IacInputs.all(options));
        all.add(new ConfigSnapshotInput());
        return all;
    }

    private int write(CommandSpec spec, ScanReport report, Catalog catalog, Map<String, Integer> assessed, OrgProfile.Resolved org,
                      ReportWriter writer, Severity threshold) throws IOException {

        boolean colour = output == null && !noColor && System.getenv("NO_COLOR") == null && Terminal.isInteractive();
        ReportContext ctx = new ReportContext(catalog, colour, showPassed, Vigil.version(), assessed, org.disabled());
        if (output == null) {
            Writer out = spec.commandLine().getOut();
            writer.write(report, ctx, out);
        } else {
            writeAtomically(output, report, ctx, writer);
            spec.commandLine().getErr().println("vigil: wrote " + output + " (" + report.results().size() + " results)");
        }
        return !softFail && threshold != null && report.failsAtOrAbove(threshold) ? Vigil.FAILURES : Vigil.OK;
    }

    /** Renders in memory, then replaces the target in one move: a failed write never leaves half a report. */
    private static void writeAtomically(Path target, ScanReport report, ReportContext ctx, ReportWriter writer) throws IOException {
        StringWriter buffer = new StringWriter();
        writer.write(report, ctx, buffer);
        AtomicFile.write(target, buffer.toString());
    }

    private static Severity severity(String text, String option) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Vigil.UsageException(option + ": " + e.getMessage());
        }
    }
}
