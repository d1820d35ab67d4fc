package dev.vigil.iac;

import dev.vigil.model.input.InlineSuppression;
import dev.vigil.model.input.InputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the inline suppression syntax shared by every IaC format:
 * {@code vigil:ignore=<rule-id> <reason> [exp:YYYY-MM-DD]}. It may sit inside a longer comment
 * ({@code # vigil:ignore=aws-s3-bucket-logging logs go to the SIEM exp:2027-01-31}); the expiry may
 * stand anywhere after the rule id. A mark without a reason or with a date that is not a date is
 * bad input, not a silent no-op: a typo must not hide a finding forever, nor fail to hide it quietly.
 */
public final class IgnoreMarks {
    private static final Pattern MARK = Pattern.compile("vigil:ignore=(\\S*)(.*)");
    private static final Pattern EXPIRY = Pattern.compile("(?:^|\\s)exp:(\\S*)");

    private IgnoreMarks() {
    }

    /** True when {@code text} carries a mark (cheap test before {@link #parse}). */
    public static boolean present(String text) {
        return text != null && text.contains("vigil:ignore");
    }

    /**
     * The mark in {@code text}, attached to {@code resourceId}; {@code null} when there is none.
     *
     * @throws InputException naming {@code file} and {@code line} when the mark is malformed
     */
    public static InlineSuppression parse(String text, String resourceId, String file, int line) {
        if (!present(text)) return null;
        Matcher m = MARK.matcher(text);
        if (!m.find()) throw new InputException(file, line, "vigil:ignore must be written vigil:ignore=<rule-id> <reason> [exp:YYYY-MM-DD]");
        String rule = m.group(1).trim();
        String rest = m.group(2);
        // a comment or annotation may close after the mark (-->, */, a quote)
        rest = rest.replaceAll("(\\*/|-->)\\s*$", "");
        if (rule.isEmpty()) throw new InputException(file, line, "vigil:ignore names no rule id (write vigil:ignore=<rule-id> <reason>)");
        LocalDate expires = null;
        Matcher e = EXPIRY.matcher(rest);
        if (e.find()) {
            try {
                expires = LocalDate.parse(e.group(1));
            } catch (DateTimeParseException ex) {
                throw new InputException(file, line, "vigil:ignore=" + rule + " has expiry '" + e.group(1) + "', which is not a date YYYY-MM-DD");
            }
            rest = rest.substring(0, e.start()) + " " + rest.substring(e.end());
        }
        String reason = rest.trim().replaceAll("\\s+", " ");
        if (reason.isEmpty()) throw new InputException(file, line, "vigil:ignore=" + rule + " gives no reason (write vigil:ignore=" + rule + " <reason>)");
        return new InlineSuppression(resourceId, rule, reason, expires, file, line);
    }
}
