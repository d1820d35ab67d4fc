package dev.vigil.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Result;
import dev.vigil.model.Status;
import dev.vigil.model.Suppressed;
import dev.vigil.model.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The failures a team has accepted as they stand, so that a CI gate breaks only on new ones.
 *
 * <p>A baseline holds finding ids ({@link Result#findingId()}: provider, account, region, rule and
 * resource id, never a line number), so moving a resource within its file, or adding lines above it,
 * keeps it in the baseline; renaming the resource or its file makes it new. A result found in the
 * baseline keeps its status and is marked {@link Suppressed.By#BASELINE}: it is still reported, it
 * just does not count towards {@code --fail-on}. Only FAIL results are baselined: an ERROR or
 * UNKNOWN says Vigil could not look, and that is never accepted in advance.
 *
 * @param created     when the baseline was written
 * @param findingIds  the accepted failures
 */
public record Baseline(Instant created, Set<String> findingIds) {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Baseline {
        findingIds = Set.copyOf(findingIds);
    }

    /** The failures of {@code report}, suppressed or not (a suppression that expires later is still a known failure). */
    public static Baseline of(ScanReport report, Instant now) {
        Set<String> ids = new LinkedHashSet<>();
        for (Result r : report.results()) if (r.status() == Status.FAIL) ids.add(r.findingId());
        return new Baseline(now, ids);
    }

    /** {@code report} with every FAIL this baseline holds marked as baselined; inline and exception marks win. */
    public ScanReport apply(ScanReport report, String source) {
        String reason = "accepted in the baseline of " + created;
        List<Result> out = new ArrayList<>(report.results().size());
        for (Result r : report.results()) {
            boolean known = r.status() == Status.FAIL && r.suppressed() == null && findingIds.contains(r.findingId());
            out.add(known ? r.suppressedBy(new Suppressed(Suppressed.By.BASELINE, reason, source, "")) : r);
        }
        return report.withResults(out);
    }

    /**
     * The baseline file's text: each failure's id, with its rule, resource and location beside it so
     * that a reviewer of the file can see what was accepted. Writing it is the front end's
     * (whole or not at all).
     */
    public static String json(ScanReport report, Instant now) {
        ObjectNode root = JSON.createObjectNode();
        root.put("vigilBaseline", FORMAT);
        root.put("created", now.toString());
        ArrayNode findings = root.putArray("findings");
        report.results().stream()
                .filter(r -> r.status() == Status.FAIL)
                .sorted(Comparator.comparing(Result::ruleId).thenComparing(Result::resourceId))
                .forEach(r -> {
                    ObjectNode f = findings.addObject();
                    f.put("id", r.findingId());
                    f.put("rule", r.ruleId());
                    f.put("resource", r.resourceId());
                    if (r.location() != null) f.put("location", r.location().toString());
                });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /** @throws InputException naming the file (and line) when it is not a baseline Vigil wrote */
    public static Baseline read(Path file) {
        String name = file.toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(name, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read the baseline: " + e.getMessage());
        }
        if (root == null || !root.has("vigilBaseline") || !root.path("findings").isArray()) {
            throw new InputException(name, 1, "not a Vigil baseline (create one with 'vigil baseline create')");
        }
        if (root.get("vigilBaseline").asInt() > FORMAT) {
            throw new InputException(name, 1, "baseline format " + root.get("vigilBaseline").asInt() + " is newer than this Vigil reads (" + FORMAT + ")");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode f : root.get("findings")) {
            String id = f.path("id").asText("");
            if (id.isEmpty()) throw new InputException(name, 0, "a finding has no id");
            ids.add(id);
        }
        Instant created;
        try {
            created = Instant.parse(root.path("created").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InputException(name, 0, "'created' is not a time: " + root.path("created").asText());
        }
        return new Baseline(created, ids);
    }
}
