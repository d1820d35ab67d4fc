package dev.vigil.aws.live;

import java.util.function.Function;

/**
 * The answer to one detail call of one resource, as the mapper sees it: the response, a documented
 * "there is none" (no bucket policy, no encryption configuration), or a failure that must surface
 * as ERROR on the properties it would have filled.
 */
public sealed interface Read<T> {

    record Found<T>(T value) implements Read<T> {
    }

    record Absent<T>() implements Read<T> {
    }

    record Failed<T>(ApiFailure failure) implements Read<T> {
    }

    static <T> Read<T> found(T value) {
        return new Found<>(value);
    }

    static <T> Read<T> absent() {
        return new Absent<>();
    }

    static <T> Read<T> failed(ApiFailure f) {
        return new Failed<>(f);
    }

    /** The mapped value, {@code ifAbsent} when there is none, {@code null} when the call failed. */
    default <R> R map(Function<T, R> found, R ifAbsent) {
        return switch (this) {
            case Found<T> f -> found.apply(f.value());
            case Absent<T> a -> ifAbsent;
            case Failed<T> x -> null;
        };
    }

    /** The failure, or {@code null}. */
    default ApiFailure failure() {
        return this instanceof Failed<T> f ? f.failure() : null;
    }
}
