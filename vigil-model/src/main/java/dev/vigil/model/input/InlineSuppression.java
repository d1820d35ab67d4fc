package dev.vigil.model.input;

import dev.vigil.model.Glob;
import java.time.LocalDate;

/**
 * A {@code vigil:ignore=<rule-id> <reason> [exp:YYYY-MM-DD]} written next to a resource in IaC (a
 * comment, CloudFormation {@code Metadata}, a Kubernetes annotation). The engine marks the matching
 * results of that resource suppressed while it has not expired; an expired one suppresses nothing
 * and the result says so.
 *
 * @param resourceId the canonical id of the resource it sits on
 * @param rule       a rule id, or a glob over rule ids ({@code aws-s3-*}, as {@link Glob} reads it)
 * @param reason     required: a suppression without a reason is bad input
 * @param expires    the last day it applies, or {@code null} for no expiry
 * @param file       the file it is written in
 * @param line       its line, 1-based
 */
public record InlineSuppression(String resourceId, String rule, String reason, LocalDate expires, String file, int line) {

    public boolean matches(String ruleId) {
        return Glob.matches(rule, ruleId);
    }

    /** True on {@code day} when it has not expired (it applies through its expiry day). */
    public boolean activeOn(LocalDate day) {
        return expires == null || !day.isAfter(expires);
    }

    public String source() {
        return file + ":" + line;
    }
}
