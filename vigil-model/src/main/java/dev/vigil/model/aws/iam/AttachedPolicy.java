package dev.vigil.model.aws.iam;

/** A managed policy attached to a user, group or role. */
public record AttachedPolicy(String name, String arn) {
}
