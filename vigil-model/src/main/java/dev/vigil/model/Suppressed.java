package dev.vigil.model;

/**
 * Why a result is not to be acted on. Suppressing never changes a result's status: a suppressed
 * FAIL is still a FAIL, reported with this mark and left out of exit-code gates.
 *
 * @param by      what suppressed it
 * @param reason  the reason the person who suppressed it gave
 * @param source  where the suppression lives: {@code main.tf:12} for an inline comment, the
 *                exception id, or the baseline file
 * @param expires the day it stops applying ({@code YYYY-MM-DD}), empty when it does not expire
 */
public record Suppressed(By by, String reason, String source, String expires) {

    public enum By {
        /** A {@code vigil:ignore} comment, CloudFormation Metadata or Kubernetes annotation next to the resource. */
        INLINE,
        /** A stored exception (vigil exceptions add). */
        EXCEPTION,
        /** Present in the baseline file the scan was compared with: not a new failure. */
        BASELINE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Suppressed {
        reason = reason == null ? "" : reason;
        source = source == null ? "" : source;
        expires = expires == null ? "" : expires;
    }
}
