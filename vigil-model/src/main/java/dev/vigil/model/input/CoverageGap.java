package dev.vigil.model.input;

/**
 * Something a scan could not see: a whole scope ({@code aws.iam.user credentials}, {@code eu-west-1
 * ec2}) and why. Reports list every gap beside the results; rules touching the gap are UNKNOWN or
 * ERROR, never PASS.
 */
public record CoverageGap(String scope, String reason) {
}
