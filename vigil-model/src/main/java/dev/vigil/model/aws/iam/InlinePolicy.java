package dev.vigil.model.aws.iam;

/** A policy embedded in a user, group or role. */
public record InlinePolicy(String name, PolicyDocument document) {
}
