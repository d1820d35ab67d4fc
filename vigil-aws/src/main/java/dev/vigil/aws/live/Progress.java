package dev.vigil.aws.live;

import java.util.List;

/** Hears how a live collection goes, for a progress bar or log lines. Called from many threads. */
public interface Progress {

    default void identified(String account, String principal, List<String> regions) {
    }

    default void planned(int units) {
    }

    default void started(String service, String region) {
    }

    /**
     * @param failure   why the unit stopped early, or {@code null}
     * @param apiCalls  API calls of the whole scan so far
     */
    default void finished(String service, String region, String failure, long apiCalls) {
    }

    static Progress none() {
        return new Progress() {
        };
    }
}
