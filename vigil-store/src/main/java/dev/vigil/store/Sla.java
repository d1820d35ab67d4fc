package dev.vigil.store;

import dev.vigil.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Remediation targets by severity (default critical 24 h, high 7 days, medium 30 days, low 90
 * days; info has none) and the SLA state of a finding against them. A finding's clock starts when
 * it was first seen failing.
 */
public record Sla(Map<Severity, Duration> targets) {
    public static final String DEFAULTS = "critical=24h,high=7d,medium=30d,low=90d";

    /** Where a finding stands against its target. */
    public enum State {
        /** Still failing, within its target. */
        WITHIN,
        /** Still failing, past its target. */
        BREACHED,
        /** Resolved within its target. */
        MET,
        /** Resolved, but after its target. */
        MISSED,
        /** No target for its severity, or an exception covers it. */
        NONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Sla {
        targets = Map.copyOf(targets);
    }

    public static Sla defaults() {
        return parse(DEFAULTS);
    }

    /**
     * Parses {@code critical=24h,high=7d,...} (units m, h, d, w), starting from the defaults: a severity
     * not named keeps its default; {@code low=none} removes a target.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static Sla parse(String text) {
        Map<Severity, Duration> out = new EnumMap<>(Severity.class);
        if (!text.equals(DEFAULTS)) out.putAll(defaults().targets());
        for (String part : text.split(",")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("'" + part.trim() + "' is not SEVERITY=DURATION (e.g. high=7d)");
            Severity s = Severity.parse(part.substring(0, eq));
            String d = part.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            if (d.equals("none")) {
                out.remove(s);
                continue;
            }
            out.put(s, duration(d, part.trim()));
        }
        return new Sla(out);
    }

    private static Duration duration(String d, String part) {
        if (d.length() < 2) throw new IllegalArgumentException("'" + part + "': duration must be a number and a unit m, h, d or w (e.g. 7d)");
        long n;
        try {
            n = Long.parseLong(d.substring(0, d.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + part + "': duration must be a number and a unit m, h, d or w (e.g. 7d)");
        }
        if (n <= 0) throw new IllegalArgumentException("'" + part + "': duration must be positive");
        return switch (d.charAt(d.length() - 1)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> throw new IllegalArgumentException("'" + part + "': duration must be a number and a unit m, h, d or w (e.g. 7d)");
        };
    }

    public Duration target(Severity s) {
        return targets.get(s);
    }

    /** When the finding is due: first seen plus its target, or {@code null} without a target. */
    public Instant due(Finding f) {
        Duration t = targets.get(f.severity());
        return t == null ? null : f.firstSeen().plus(t);
    }

    public State state(Finding f, Instant asOf) {
        Instant due = due(f);
        if (due == null || f.status() == FindingStatus.SUPPRESSED) return State.NONE;
        if (f.status() == FindingStatus.RESOLVED) {
            return f.resolvedAt() != null && f.resolvedAt().isAfter(due) ? State.MISSED : State.MET;
        }
        return asOf.isAfter(due) ? State.BREACHED : State.WITHIN;
    }

    /** A duration as a person reads it: 45m, 5h, 3d 4h. */
    public static String human(Duration d) {
        if (d.isNegative()) return "-" + human(d.negated());
        long days = d.toDays();
        long hours = d.toHoursPart();
        if (days > 0) return hours == 0 ? days + "d" : days + "d " + hours + "h";
        if (d.toHours() > 0) return d.toHours() + "h" + (d.toMinutesPart() == 0 ? "" : " " + d.toMinutesPart() + "m");
        if (d.toMinutes() > 0) return d.toMinutes() + "m";
        return d.toSeconds() + "s";
    }
}
