package dev.vigil.aws.live;

import java.util.Map;
import java.util.TreeMap;

/** Collects, while a mapper works, the properties whose reads failed, with the failure as the reason. */
public final class Failures {
    private final Map<String, String> byPath = new TreeMap<>();

    /** Notes {@code path} as failed when {@code read} is. */
    public <T> Read<T> check(String path, Read<T> read) {
        if (read.failure() != null) byPath.put(path, read.failure().getMessage());
        return read;
    }

    public Map<String, String> byPath() {
        return byPath;
    }
}
