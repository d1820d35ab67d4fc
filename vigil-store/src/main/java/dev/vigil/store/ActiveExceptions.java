package dev.vigil.store;

import dev.vigil.model.Result;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored exceptions as the store's {@link Suppressions}: a FAIL is covered when an exception
 * active at the scan's time matches it (the lowest id wins when several do). {@link #covers} knows no
 * tags, so an exception scoped by tag covers only through {@link #coveredBy}, which the store calls
 * with the resource's tags.
 */
public final class ActiveExceptions implements Suppressions {
    private final List<ExceptionRecord> exceptions;

    public ActiveExceptions(List<ExceptionRecord> exceptions) {
        this.exceptions = List.copyOf(exceptions);
    }

    @Override
    public boolean covers(Result result, Instant at) {
        return coveredBy(result, Map.of(), at).isPresent();
    }

    /** The exception covering a result on a resource with these tags at a time, if any. */
    public Optional<ExceptionRecord> coveredBy(Result result, Map<String, String> tags, Instant at) {
        if (result.status() != dev.vigil.model.Status.FAIL) return Optional.empty();
        for (ExceptionRecord e : exceptions) {
            if (e.activeAt(at) && e.scope().matches(result, tags)) return Optional.of(e);
        }
        return Optional.empty();
    }

    public Optional<ExceptionRecord> get(long id) {
        return exceptions.stream().filter(e -> e.id() == id).findFirst();
    }
}
