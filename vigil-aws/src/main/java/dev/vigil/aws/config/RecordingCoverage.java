package dev.vigil.aws.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells whether the inputs prove that AWS Config records a resource type in an account and
 * region. Only then does the absence of items of that type mean "there are none"; otherwise
 * absence means "unknown". Proof is an item of the type in that region, or the region's recorder
 * recording all supported types (plus global types, for IAM) or naming the type.
 */
final class RecordingCoverage {
    record Recorder(Boolean recording, Boolean allSupported, Boolean includeGlobal, List<String> resourceTypes) {
    }

    private final Set<String> seen = new HashSet<>();
    private final Map<String, Recorder> recorders = new HashMap<>();

    void saw(String account, String region, String type) {
        seen.add(account + "|" + region + "|" + type);
    }

    void recorder(String account, String region, Recorder recorder) {
        recorders.put(account + "|" + region, recorder);
    }

    Recorder recorder(String account, String region) {
        return recorders.get(account + "|" + region);
    }

    boolean recorded(String account, String region, String type) {
        if (seen.contains(account + "|" + region + "|" + type)) return true;
        Recorder r = recorders.get(account + "|" + region);
        if (r == null) return false;
        if (Boolean.TRUE.equals(r.allSupported())) return true;
        return r.resourceTypes().contains(type);
    }

    /** Recorded in at least one of the regions. */
    boolean recordedAnywhere(String account, Set<String> regions, String type) {
        for (String region : regions) if (recorded(account, region, type)) return true;
        return false;
    }
}
