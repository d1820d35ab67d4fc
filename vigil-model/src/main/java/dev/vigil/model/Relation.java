package dev.vigil.model;

/**
 * A directed edge from one resource to another, by the target's canonical id (an ARN for AWS).
 * Kinds are kebab-case verbs: {@code attached-to}, {@code member-of}, {@code uses-key},
 * {@code logs-to}, {@code in-vpc}, {@code protected-by}.
 */
public record Relation(String kind, String targetType, String targetId) {
}
