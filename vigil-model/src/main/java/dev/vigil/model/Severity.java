package dev.vigil.model;

import java.util.Locale;

/** How bad a failure is. Ordered from most to least severe; {@link #atLeast} follows that order. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is as severe as {@code threshold} or more. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses {@code critical|high|medium|low|info} (also {@code informational}), any case. */
    public static Severity parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("INFORMATIONAL")) return INFO;
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected critical, high, medium, low or info)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
