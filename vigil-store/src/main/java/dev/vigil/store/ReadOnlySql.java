package dev.vigil.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first line of defence of {@link Store#query}: the text must be exactly one statement that
 * starts with {@code SELECT} or {@code WITH} and names no writing keyword. Comments, string
 * literals, quoted identifiers and PostgreSQL dollar-quoted strings are skipped, so a {@code ;} or
 * a {@code DELETE} inside them is harmless. The second line is the database's own: the query runs
 * on a read-only connection (SQLite) or in a {@code READ ONLY} transaction (PostgreSQL).
 */
public final class ReadOnlySql {
    private static final Set<String> WRITING = Set.of("INSERT", "UPDATE", "DELETE", "DROP", "CREATE", "ALTER", "TRUNCATE", "REPLACE",
            "MERGE", "UPSERT", "ATTACH", "DETACH", "PRAGMA", "VACUUM", "REINDEX", "ANALYZE", "GRANT", "REVOKE", "COPY", "CALL", "LOCK",
            "COMMIT", "ROLLBACK", "BEGIN", "SAVEPOINT", "RELEASE", "SET", "RESET", "INTO");

    private ReadOnlySql() {
    }

    /**
     * The statement to run (the text without its trailing {@code ;}), or a {@link StoreException}
     * with a one-line reason.
     */
    public static String check(String sql) {
        if (sql == null || sql.isBlank()) throw new StoreException("empty query: give one SELECT or WITH statement");
        List<String> words = new ArrayList<>();
        int statements = 0;
        boolean inStatement = false;
        int end = sql.length(); // end of the first statement
        int n = sql.length();
        for (int i = 0; i < n; ) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) throw new StoreException("unterminated /* comment in the query");
                i = close + 2;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char closing = c == '[' ? ']' : c;
                int j = i + 1;
                while (true) {
                    if (j >= n) throw new StoreException("unterminated " + (c == '\'' ? "string literal" : "quoted identifier") + " in the query");
                    if (sql.charAt(j) == closing) {
                        if (closing != ']' && j + 1 < n && sql.charAt(j + 1) == closing) {
                            j += 2; // doubled quote: an escaped one
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                if (!inStatement) {
                    inStatement = true;
                    statements++;
                }
                i = j + 1;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                if (close < 0) throw new StoreException("unterminated " + tag + " string in the query");
                if (!inStatement) {
                    inStatement = true;
                    statements++;
                }
                i = close + tag.length();
            } else if (c == ';') {
                if (inStatement && statements == 1) end = i;
                inStatement = false;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                if (!inStatement) {
                    inStatement = true;
                    statements++;
                }
                if (Character.isLetter(c) || c == '_') {
                    int j = i;
                    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) j++;
                    int k = j;
                    while (k < n && Character.isWhitespace(sql.charAt(k))) k++;
                    boolean call = k < n && sql.charAt(k) == '(' && !words.isEmpty(); // replace(...) is a function
                    if (statements == 1) words.add((call ? "(" : "") + sql.substring(i, j).toUpperCase(Locale.ROOT));
                    i = j;
                } else {
                    i++;
                }
            }
        }
        if (statements == 0) throw new StoreException("empty query: give one SELECT or WITH statement");
        if (statements > 1) throw new StoreException("only one statement may be given; found " + statements);
        String first = words.isEmpty() ? "" : words.get(0);
        if (!first.equals("SELECT") && !first.equals("WITH")) {
            throw new StoreException("only a SELECT or WITH statement may be run; this one starts with "
                    + (first.isEmpty() ? "'" + sql.strip().charAt(0) + "'" : first));
        }
        for (String w : words) {
            if (WRITING.contains(w)) throw new StoreException("only reading is allowed; the query contains " + w);
        }
        return sql.substring(0, end).strip();
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, else null. */
    private static String dollarTag(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) return null; // part of a name
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) return sql.substring(i, j + 1);
        return null;
    }
}
