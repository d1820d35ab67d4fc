package dev.vigil.model;

/**
 * The outcome of one rule on one resource.
 *
 * <p>{@code ERROR} means Vigil could not collect or evaluate (a denied API call, a malformed value);
 * {@code UNKNOWN} means the input does not say (an unresolved IaC value, data an offline snapshot
 * does not record). Neither is ever counted as compliant.
 */
public enum Status {
    PASS, FAIL, ERROR, UNKNOWN
}
