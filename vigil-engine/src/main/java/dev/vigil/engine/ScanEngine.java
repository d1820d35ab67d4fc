package dev.vigil.engine;

import dev.vigil.model.Inventory;
import dev.vigil.model.Resource;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.input.BadFile;
import dev.vigil.model.input.CollectionStats;
import dev.vigil.model.input.InlineSuppression;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.LiveInput;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.model.input.InputException;
import dev.vigil.model.input.ScanInput;
import dev.vigil.rules.Catalog;
import dev.vigil.rules.CompiledRule;
import dev.vigil.rules.Evaluator;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The scan pipeline. The stages run in this order and nowhere else:
 *
 * <ol>
 *   <li>discover: expand the paths into files and give each to the input that claims it;</li>
 *   <li>read: each input turns its files into canonical resources and coverage gaps;</li>
 *   <li>index: one inventory of every resource, for rules that look across resources;</li>
 *   <li>select: the rules the request asks for;</li>
 *   <li>evaluate: every selected rule on every resource of its type;</li>
 *   <li>report: results sorted most severe first, with counts, gaps and the parameters used.</li>
 * </ol>
 *
 * Inputs and the catalog come in through the constructor; the engine knows no input format.
 */
public final class ScanEngine {
    private final List<ScanInput> inputs;
    private final Catalog catalog;
    private final Clock clock;

    public ScanEngine(List<ScanInput> inputs, Catalog catalog, Clock clock) {
        Map<String, ScanInput> ids = new HashMap<>();
        for (ScanInput i : inputs) {
            if (ids.putIfAbsent(i.id(), i) != null) throw new IllegalStateException("two inputs share the id " + i.id());
        }
        this.inputs = List.copyOf(inputs);
        this.catalog = catalog;
        this.clock = clock;
    }

    public ScanReport scan(ScanRequest request) {
        return scan(request, List.of());
    }

    /** Scans the live inputs, then the request's paths, as one inventory. */
    public ScanReport scan(ScanRequest request, List<LiveInput> live) {
        return scan(request, live, inventory -> { });
    }

    /**
     * Scans as {@link #scan(ScanRequest, List)} and hands {@code inventory} every resource the scan
     * read (for the findings store, which keeps them beside the report).
     */
    public ScanReport scan(ScanRequest request, List<LiveInput> live, java.util.function.Consumer<List<Resource>> inventory) {
        Instant started = clock.instant();
        Map<String, Duration> stages = new LinkedHashMap<>();
        Instant mark = started;

        List<Collected> collected = new ArrayList<>();
        for (LiveInput in : live) collected.add(in.collect());
        if (!live.isEmpty()) mark = lap(stages, "collect", mark);

        Map<ScanInput, List<Path>> assigned = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        discover(request.paths(), assigned, skipped);
        mark = lap(stages, "discover", mark);

        List<Resource> resources = new ArrayList<>();
        List<CoverageGap> gaps = new ArrayList<>();
        Map<String, Long> unmodelled = new TreeMap<>();
        List<String> files = new ArrayList<>();
        Instant describes = null;
        CollectionStats stats = null;
        List<InlineSuppression> suppressions = new ArrayList<>();
        List<BadFile> badFiles = new ArrayList<>();
        for (var e : assigned.entrySet()) collected.add(e.getKey().read(e.getValue()));
        for (Collected c : collected) {
            suppressions.addAll(c.suppressions());
            badFiles.addAll(c.badFiles());
            if (c.stats() != null) stats = c.stats();
            resources.addAll(c.resources());
            for (CoverageGap g : c.gaps()) if (!gaps.contains(g)) gaps.add(g);
            c.unmodelled().forEach((k, v) -> unmodelled.merge(k, v, Long::sum));
            files.addAll(c.files());
            if (c.describesTime() != null && (describes == null || c.describesTime().isAfter(describes))) describes = c.describesTime();
        }

        mark = lap(stages, "read", mark);
        inventory.accept(java.util.Collections.unmodifiableList(resources));
        Inventory index = new Inventory(resources);
        mark = lap(stages, "index", mark);

        List<CompiledRule> rules = select(request);

        Instant asOf = request.asOf() != null ? request.asOf() : describes != null ? describes : started;
        Evaluator evaluator = new Evaluator(index, asOf, request.parameters());
        Map<String, List<CompiledRule>> rulesByType = new HashMap<>();
        for (CompiledRule r : rules) rulesByType.computeIfAbsent(r.rule().resourceType(), k -> new ArrayList<>()).add(r);
        GapResults gapResults = new GapResults(gaps, rules);
        InlineSuppressions inline = new InlineSuppressions(suppressions, asOf);
        Map<String, Severity> overrides = request.severityOverrides();
        List<Result> results = Stream.concat(
                        resources.parallelStream().flatMap(res -> rulesByType.getOrDefault(res.type(), List.of()).stream()
                                .map(r -> gapResults.overrule(r, res, evaluator.evaluate(r, res)))),
                        gapResults.unseen().stream())
                .map(r -> overrides.containsKey(r.ruleId()) ? r.withSeverity(overrides.get(r.ruleId())) : r)
                .map(inline::apply)
                .sorted(Priority.order(catalog))
                .toList();
        lap(stages, "evaluate", mark);

        Map<String, Map<String, Object>> parameters = new TreeMap<>();
        for (CompiledRule r : rules) {
            if (!r.rule().params().isEmpty()) parameters.put(r.id(), new TreeMap<>(evaluator.params(r)));
        }
        Map<String, Long> byType = new TreeMap<>();
        for (Resource r : resources) byType.merge(r.type(), 1L, Long::sum);
        return new ScanReport(files, skipped, resources.size(), byType, unmodelled, gaps, results, parameters, rules.size(), asOf, started,
                Duration.between(started, clock.instant()), stages, stats, badFiles);
    }

    private Instant lap(Map<String, Duration> stages, String stage, Instant since) {
        Instant now = clock.instant();
        stages.put(stage, Duration.between(since, now));
        return now;
    }

    private List<CompiledRule> select(ScanRequest request) {
        List<PathMatcher> globs = request.ruleGlobs().stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        List<CompiledRule> out = new ArrayList<>();
        for (CompiledRule r : catalog.rules()) {
            if (!request.severities().isEmpty() && !request.severities().contains(r.rule().severity())) continue;
            if (!globs.isEmpty() && globs.stream().noneMatch(m -> m.matches(Path.of(r.id())))) continue;
            if (!request.frameworks().isEmpty() && request.frameworks().stream().noneMatch(f -> catalog.frameworksOf(r.id()).containsKey(f))) continue;
            if (request.disabled().contains(r.id())) continue;
            out.add(r);
        }
        return out;
    }

    /**
     * Files named on the command line must be claimed by an input; files found inside a directory
     * that no input claims are listed as skipped (a README beside a snapshot, for instance).
     */
    private void discover(List<Path> paths, Map<ScanInput, List<Path>> assigned, List<String> skipped) {
        for (Path path : paths) {
            if (!Files.exists(path)) throw new InputException(path.toString(), 0, "no such file or directory");
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path f : walk.filter(Files::isRegularFile).filter(f -> !underToolDirectory(path, f)).sorted().toList()) {
                        ScanInput in = claimant(f);
                        if (in == null) skipped.add(f.toString());
                        else assigned.computeIfAbsent(in, k -> new ArrayList<>()).add(f);
                    }
                } catch (IOException e) {
                    throw new InputException(path.toString(), 0, "cannot list directory: " + e.getMessage());
                }
            } else {
                ScanInput in = claimant(path);
                if (in == null) throw new InputException(path.toString(), 0, "not a file Vigil can read (supported: "
                        + String.join(", ", inputs.stream().map(ScanInput::id).toList()) + ")");
                assigned.computeIfAbsent(in, k -> new ArrayList<>()).add(path);
            }
        }
    }

    /**
     * Directories that tools fill, not people: a repository's {@code .git}, the modules and
     * providers {@code terraform init} downloads into {@code .terraform}, Terragrunt's cache and
     * {@code node_modules}. Scanning them would judge third-party code as if it were the
     * repository's own; naming such a directory on the command line still scans it.
     */
    static final java.util.Set<String> TOOL_DIRECTORIES = java.util.Set.of(".git", ".terraform", ".terragrunt-cache", "node_modules");

    private static boolean underToolDirectory(Path root, Path file) {
        for (Path part : root.relativize(file)) if (TOOL_DIRECTORIES.contains(part.toString())) return true;
        return false;
    }

    private ScanInput claimant(Path file) {
        for (ScanInput in : inputs) if (in.claims(file)) return in;
        return null;
    }
}
