package dev.vigil.cli;

import dev.vigil.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** What the commands reading the findings store share besides {@link StoreOptions}: reading times, printing columns. */
final class StoreAccess {
    private StoreAccess() {
    }

    /** An ISO-8601 time, or a date (midnight UTC). */
    static Instant time(String text, String option) {
        if (text == null) return null;
        try {
            return text.length() == 10 ? Instant.parse(text + "T00:00:00Z") : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Vigil.UsageException(option + " '" + text + "' is not an ISO-8601 date or time such as 2026-11-15 or 2026-11-15T00:00:00Z");
        }
    }

    /** Left-aligned columns, two spaces apart. */
    static String row(int[] widths, String... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            sb.append(c);
            if (i < cells.length - 1) sb.append(" ".repeat(Math.max(0, widths[i] - c.length()) + 2));
        }
        return sb.toString().stripTrailing();
    }

    static int[] widths(java.util.List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i] == null ? 0 : r[i].length());
        return w;
    }
}
