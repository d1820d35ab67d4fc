package dev.vigil.iac.terraform.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * The raw text of one HCL file, read once for what hcl4j's lexer does not keep: comments (for
 * {@code vigil:ignore} marks), where a block closes (its last line), and whether every bracket,
 * string, heredoc and comment is closed (the lexer silently drops an unclosed block at the end of a
 * file). It recognises tokens only far enough to skip strings, heredocs and comments; it is not a
 * parser.
 */
public final class SourceText {
    /**
     * A comment, with the 1-based line it starts on.
     *
     * @param ownLine true when nothing but blanks precedes it on its line
     */
    public record Comment(int line, String text, boolean ownLine) {
    }

    private final String text;
    private final int[] lineStarts;
    private final List<Comment> comments = new ArrayList<>();
    /** For each opening bracket offset, the offset of its closing partner (-1 for none). */
    private final int[] partner;
    private String problem;
    private int problemLine;
    /** Offsets of the '{' of every {@code { for ... }} object expression. */
    private final List<Integer> forObjects = new ArrayList<>();
    /** Quoted strings with {@code \\u} escapes (which the lexer rejects) and no template: offset of the closing quote -> value. */
    private final java.util.Map<Integer, String> escapedStrings = new java.util.HashMap<>();
    /** Object keys written {@code (expr) = value}: offset of the ')' -> the expression's text. */
    private final java.util.Map<Integer, String> parenKeys = new java.util.HashMap<>();

    public SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        partner = new int[text.length() + 1];
        java.util.Arrays.fill(partner, -1);
        scan();
    }

    public String text() {
        return text;
    }

    public List<Comment> comments() {
        return comments;
    }

    /** The first structural problem (unclosed bracket, string, heredoc or comment; stray closer), or null. */
    public String problem() {
        return problem;
    }

    public int problemLine() {
        return problemLine;
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int lo = 0, hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }

    /** The offset of the first {@code open} character at or after {@code from}, then of its partner; -1 when none. */
    public int closingAfter(int from, char open) {
        for (int i = Math.max(0, from); i < text.length(); i++) {
            if (text.charAt(i) == open && partner[i] >= 0) return partner[i];
        }
        return -1;
    }

    /** The partner of the bracket at {@code offset}, or -1. */
    public int partnerOf(int offset) {
        return offset >= 0 && offset < partner.length ? partner[offset] : -1;
    }

    /** The first non-blank character before {@code offset}, or 0 when none. */
    public char previousNonBlank(int offset) {
        for (int i = Math.min(offset, text.length()) - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) return c;
        }
        return 0;
    }

    /** {@code (expr) = value} as an object item: alone at the start of its line or after '{' or ',', followed by '=' or ':'. */
    private boolean isParenKey(int open, int close) {
        if (close - open < 2 || text.substring(open, close).indexOf('\n') >= 0) return false;
        char before = previousNonBlank(open);
        boolean afterItem = before == '{' || before == ',';
        if (!(afterItem || ownLine(open))) return false;
        int k = close + 1;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k++;
        if (k >= text.length()) return false;
        char after = text.charAt(k);
        // "(a) : b" alone on a line may be the end of a conditional: ':' counts only right after '{' or ','
        return after == ':' && afterItem || after == '=' && (k + 1 >= text.length() || text.charAt(k + 1) != '=');
    }

    /** HCL's string escapes; null when one is not valid. */
    private static String decode(String body) {
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i >= body.length()) return null;
            char e = body.charAt(i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                case 'u', 'U' -> {
                    int len = e == 'u' ? 4 : 8;
                    if (i + len >= body.length()) return null;
                    try {
                        int cp = Integer.parseInt(body.substring(i + 1, i + 1 + len), 16);
                        b.appendCodePoint(cp);
                    } catch (RuntimeException x) {
                        return null;
                    }
                    i += len;
                }
                default -> {
                    return null;
                }
            }
        }
        return b.toString();
    }

    /** The value of a quoted string with {@code \\u} escapes whose closing quote is at {@code closeOffset}, or null. */
    public String escapedString(int closeOffset) {
        return escapedStrings.get(closeOffset);
    }

    /** The expression text of a {@code (expr) = value} object key closing at {@code closeOffset}, or null. */
    public String parenKey(int closeOffset) {
        return parenKeys.get(closeOffset);
    }

    /** True when the character at {@code j} is preceded by an odd number of backslashes. */
    private boolean escapedBefore(int j) {
        int n = 0;
        for (int k = j - 1; k >= 0 && text.charAt(k) == '\\'; k--) n++;
        return n % 2 == 1;
    }

    private boolean startsFor(int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return text.startsWith("for", i) && i + 3 < text.length() && Character.isWhitespace(text.charAt(i + 3));
    }

    /**
     * The text to hand to hcl4j's lexer: the same, except that {@code (expr) = value} object keys
     * become quoted names of the same length (see {@link #parenKey}), and the key and value part of every
     * {@code { for ... : key => value }} is blanked (newlines kept, so offsets and lines do not
     * move). The lexer keeps only the collection of such an expression anyway, and loses its way in
     * a template string there; {@link SymbolReader} reads those parts from the original text.
     */
    public String lexable() {
        if (forObjects.isEmpty() && parenKeys.isEmpty() && escapedStrings.isEmpty()) return text;
        char[] out = text.toCharArray();
        // strings with \\u escapes, which the lexer rejects, become underscores; their value is decoded here
        for (int close : escapedStrings.keySet()) {
            int j = close - 1;
            while (j >= 0 && !(out[j] == '"' && !escapedBefore(j))) out[j--] = '_';
        }
        // (expr) = value keys, which the lexer rejects, become a quoted name of the same length
        for (java.util.Map.Entry<Integer, String> k : parenKeys.entrySet()) {
            int close = k.getKey();
            int open = close - k.getValue().length() - 1;
            out[open] = '"';
            for (int j = open + 1; j < close; j++) out[j] = '_';
            out[close] = '"';
        }
        for (int open : forObjects) {
            int close = partner[open];
            if (close < 0) continue;
            String inner = text.substring(open + 1, close);
            int in = Templates.topLevelWord(inner, "in", 0);
            int colon = in < 0 ? -1 : Templates.topLevel(inner, ":", in);
            if (colon < 0) continue;
            for (int k = open + 1 + colon + 1; k < close; k++) if (out[k] != '\n') out[k] = ' ';
        }
        return new String(out);
    }

    private boolean ownLine(int offset) {
        for (int i = lineStarts[lineOf(offset) - 1]; i < offset; i++) if (!Character.isWhitespace(text.charAt(i))) return false;
        return true;
    }

    private void fail(int offset, String what) {
        if (problem == null) {
            problem = what;
            problemLine = lineOf(offset);
        }
    }

    private void scan() {
        int[] stack = new int[64];
        int depth = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '#' || (c == '/' && i + 1 < n && text.charAt(i + 1) == '/')) {
                int end = text.indexOf('\n', i);
                if (end < 0) end = n;
                comments.add(new Comment(lineOf(i), text.substring(i, end), ownLine(i)));
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    fail(i, "comment /* is not closed");
                    return;
                }
                comments.add(new Comment(lineOf(i), text.substring(i, end + 2), ownLine(i)));
                i = end + 2;
            } else if (c == '"') {
                i = skipString(i);
                if (i < 0) return;
            } else if (c == '<' && text.startsWith("<<", i) && heredocStart(i) > 0) {
                i = skipHeredoc(i);
                if (i < 0) return;
            } else if (c == '{' || c == '[' || c == '(') {
                if (c == '{' && startsFor(i + 1)) forObjects.add(i);
                if (depth == stack.length) stack = java.util.Arrays.copyOf(stack, depth * 2);
                stack[depth++] = i;
                i++;
            } else if (c == '}' || c == ']' || c == ')') {
                char want = c == '}' ? '{' : c == ']' ? '[' : '(';
                if (depth == 0 || text.charAt(stack[depth - 1]) != want) {
                    fail(i, depth == 0 ? "unexpected '" + c + "' (nothing to close)"
                            : "'" + text.charAt(stack[depth - 1]) + "' opened on line " + lineOf(stack[depth - 1]) + " is closed by '" + c + "'");
                    return;
                }
                int open = stack[--depth];
                partner[open] = i;
                if (c == ')' && isParenKey(open, i)) parenKeys.put(i, text.substring(open + 1, i));
                i++;
            } else {
                i++;
            }
        }
        if (depth > 0) fail(stack[depth - 1], "'" + text.charAt(stack[depth - 1]) + "' is never closed");
    }

    /** Skips a quoted string starting at {@code i} (with ${...} interpolations that may hold strings); returns the offset after it, or -1. */
    private int skipString(int i) {
        int n = text.length();
        int j = i + 1;
        while (j < n) {
            char c = text.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == '"') {
                String body = text.substring(i + 1, j);
                if ((body.contains("\\u") || body.contains("\\U")) && !body.contains("${") && !body.contains("%{")) {
                    String decoded = decode(body);
                    if (decoded != null) escapedStrings.put(j, decoded);
                }
                return j + 1;
            } else if (c == '\n') {
                fail(i, "string is not closed on its line");
                return -1;
            } else if ((c == '$' || c == '%') && j + 1 < n && text.charAt(j + 1) == '{') {
                if (j > i + 1 && text.charAt(j - 1) == c && !(j > i + 2 && text.charAt(j - 2) == c)) {
                    j += 2; // $${ or %%{ is a literal
                    continue;
                }
                j = skipInterpolation(j + 2, i);
                if (j < 0) return -1;
            } else {
                j++;
            }
        }
        fail(i, "string is not closed");
        return -1;
    }

    /** Skips the inside of ${ ... } up to its closing brace; returns the offset after it, or -1. */
    private int skipInterpolation(int j, int stringStart) {
        int n = text.length();
        int depth = 1;
        while (j < n) {
            char c = text.charAt(j);
            if (c == '"') {
                j = skipString(j);
                if (j < 0) return -1;
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return j + 1;
            j++;
        }
        fail(stringStart, "interpolation ${ is not closed");
        return -1;
    }

    /** Length of the heredoc opener at {@code i} ({@code <<EOT} or {@code <<-EOT}) up to its end of line, or 0. */
    private int heredocStart(int i) {
        int j = i + 2;
        if (j < text.length() && text.charAt(j) == '-') j++;
        int k = j;
        while (k < text.length() && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '_')) k++;
        if (k == j || !Character.isLetter(text.charAt(j))) return 0;
        return k - i;
    }

    private int skipHeredoc(int i) {
        int len = heredocStart(i);
        String marker = text.substring(i + 2, i + len);
        if (marker.startsWith("-")) marker = marker.substring(1);
        int eol = text.indexOf('\n', i);
        if (eol < 0) {
            fail(i, "heredoc <<" + marker + " is not closed");
            return -1;
        }
        int pos = eol + 1;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) end = text.length();
            String line = text.substring(pos, end).strip();
            if (line.equals(marker)) return end;
            if (end >= text.length()) break;
            pos = end + 1;
        }
        fail(i, "heredoc <<" + marker + " is not closed (no line '" + marker + "')");
        return -1;
    }
}
