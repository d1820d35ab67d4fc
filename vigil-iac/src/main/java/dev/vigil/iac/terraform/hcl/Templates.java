package dev.vigil.iac.terraform.hcl;

import dev.vigil.iac.terraform.hcl.Expr.Literal;
import dev.vigil.iac.terraform.hcl.Expr.Template;
import dev.vigil.iac.terraform.hcl.Expr.TemplateFor;
import dev.vigil.iac.terraform.hcl.Expr.TemplateIf;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * String templates: {@code ${ expr }} interpolations and {@code %{ if }}/{@code %{ for }}
 * directives, for the texts the lexer hands over raw (heredocs, strings with directives, JSON
 * syntax strings, {@code templatefile} files). Each interpolated expression is lexed on its own.
 */
public final class Templates {
    private Templates() {
    }

    /** Reads one expression's source text into an {@link Expr}. */
    @FunctionalInterface
    interface Fragments {
        Expr read(String text, int line) throws Lexer.SyntaxError;
    }

    private record Directive(String content, int line, boolean stripBefore, boolean stripAfter) {
    }

    /** A raw template text starting on {@code line}. */
    static Expr parse(String raw, int line, Fragments fragments) throws Lexer.SyntaxError {
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int n = raw.length();
        int i = 0;
        int curLine = line;
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '$' && i + 1 < n && raw.charAt(i + 1) == '{') {
                int end = closeBrace(raw, i + 2);
                if (end < 0) throw new Lexer.SyntaxError(curLine, "syntax error: interpolation ${ is not closed");
                if (lit.length() > 0) {
                    parts.add(lit.toString());
                    lit.setLength(0);
                }
                String inner = raw.substring(i + 2, end);
                boolean stripBefore = inner.startsWith("~");
                boolean stripAfter = inner.endsWith("~");
                if (stripBefore) inner = inner.substring(1);
                if (stripAfter) inner = inner.substring(0, inner.length() - 1);
                if (stripBefore && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof String s) parts.set(parts.size() - 1, s.stripTrailing());
                parts.add(fragments.read(inner, curLine));
                i = end + 1;
                if (stripAfter) while (i < n && Character.isWhitespace(raw.charAt(i))) i++;
                continue;
            }
            if ((c == '$' || c == '%') && i + 2 < n && raw.charAt(i + 1) == c && raw.charAt(i + 2) == '{') {
                lit.append(c).append(c).append('{'); // kept escaped; assemble() unescapes literal text
                i += 3;
                continue;
            }
            if (c == '\n') curLine++;
            lit.append(c);
            i++;
        }
        if (lit.length() > 0) parts.add(lit.toString());
        return assemble(parts, line, fragments);
    }

    /**
     * Joins literal texts (which may still hold directives and escapes) and interpolated
     * expressions into a template expression.
     */
    static Expr assemble(List<Object> parts, int line, Fragments fragments) throws Lexer.SyntaxError {
        List<Object> toks = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String s) splitDirectives(s, line, toks);
            else toks.add(p);
        }
        // strip markers
        for (int k = 0; k < toks.size(); k++) {
            if (toks.get(k) instanceof Directive d) {
                if (d.stripBefore() && k > 0 && toks.get(k - 1) instanceof String s) toks.set(k - 1, s.stripTrailing());
                if (d.stripAfter() && k + 1 < toks.size() && toks.get(k + 1) instanceof String s) toks.set(k + 1, s.stripLeading());
            }
        }
        int[] at = {0};
        List<Expr> seq = sequence(toks, at, Set.of(), line, fragments);
        if (at[0] < toks.size()) {
            Directive d = (Directive) toks.get(at[0]);
            throw new Lexer.SyntaxError(d.line(), "syntax error: template directive %{" + d.content() + "} has no opening if/for");
        }
        return of(seq, line);
    }

    private static Expr of(List<Expr> seq, int line) {
        if (seq.isEmpty()) return new Literal("", line);
        if (seq.size() == 1 && seq.get(0) instanceof Literal l) return l;
        return new Template(seq, line);
    }

    private static List<Expr> sequence(List<Object> toks, int[] at, Set<String> until, int line, Fragments fragments) throws Lexer.SyntaxError {
        List<Expr> out = new ArrayList<>();
        while (at[0] < toks.size()) {
            Object t = toks.get(at[0]);
            if (t instanceof String s) {
                if (!s.isEmpty()) out.add(new Literal(SymbolReader.unescape(s), line));
                at[0]++;
            } else if (t instanceof Expr e) {
                out.add(e);
                at[0]++;
            } else {
                Directive d = (Directive) t;
                String word = d.content().split("\\s+", 2)[0];
                if (until.contains(word)) return out;
                at[0]++;
                if (word.equals("if")) {
                    Expr cond = fragments.read(d.content().substring(2), d.line());
                    List<Expr> then = sequence(toks, at, Set.of("else", "endif"), line, fragments);
                    List<Expr> otherwise = List.of();
                    if (at[0] < toks.size() && ((Directive) toks.get(at[0])).content().startsWith("else")) {
                        at[0]++;
                        otherwise = sequence(toks, at, Set.of("endif"), line, fragments);
                    }
                    expect(toks, at, "endif", d);
                    out.add(new TemplateIf(cond, of(then, d.line()), of(otherwise, d.line()), d.line()));
                } else if (word.equals("for")) {
                    String spec = d.content().substring(3);
                    int in = topLevelWord(spec, "in", 0);
                    if (in < 0) throw new Lexer.SyntaxError(d.line(), "syntax error: %{for} needs 'in'");
                    String[] vars = spec.substring(0, in).split(",");
                    String k = vars.length == 2 ? vars[0].strip() : null;
                    String v = vars[vars.length - 1].strip();
                    Expr coll = fragments.read(spec.substring(in + 2), d.line());
                    List<Expr> body = sequence(toks, at, Set.of("endfor"), line, fragments);
                    expect(toks, at, "endfor", d);
                    out.add(new TemplateFor(k, v, coll, of(body, d.line()), d.line()));
                } else {
                    throw new Lexer.SyntaxError(d.line(), "syntax error: unexpected template directive %{" + d.content() + "}");
                }
            }
        }
        return out;
    }

    private static void expect(List<Object> toks, int[] at, String word, Directive opener) throws Lexer.SyntaxError {
        if (at[0] >= toks.size() || !((Directive) toks.get(at[0])).content().startsWith(word)) {
            throw new Lexer.SyntaxError(opener.line(), "syntax error: %{" + opener.content() + "} has no %{" + word + "}");
        }
        at[0]++;
    }

    private static void splitDirectives(String s, int line, List<Object> out) throws Lexer.SyntaxError {
        int i = 0;
        StringBuilder lit = new StringBuilder();
        int curLine = line;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 1 < s.length() && s.charAt(i + 1) == '{' && !(i > 0 && s.charAt(i - 1) == '%')) {
                int end = closeBrace(s, i + 2);
                if (end < 0) throw new Lexer.SyntaxError(curLine, "syntax error: template directive %{ is not closed");
                out.add(lit.toString());
                lit.setLength(0);
                String content = s.substring(i + 2, end).strip();
                boolean before = content.startsWith("~");
                boolean after = content.endsWith("~");
                if (before) content = content.substring(1);
                if (after) content = content.substring(0, content.length() - 1);
                out.add(new Directive(content.strip(), curLine, before, after));
                i = end + 1;
                continue;
            }
            if (c == '\n') curLine++;
            lit.append(c);
            i++;
        }
        out.add(lit.toString());
    }

    /** The offset of the brace closing one opened just before {@code from}, skipping quoted strings; -1 when none. */
    static int closeBrace(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = skipQuoted(s, i);
                if (i < 0) return -1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int skipQuoted(String s, int i) {
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') j++;
            else if (c == '"') return j;
        }
        return -1;
    }

    /** The first offset of {@code token} at bracket depth 0 (outside strings) at or after {@code from}; -1 when none. */
    static int topLevel(String s, String token, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = skipQuoted(s, i);
                if (i < 0) return -1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (depth == 0 && s.startsWith(token, i)) {
                if (token.equals(":") && (s.startsWith("::", i) || (i > 0 && s.charAt(i - 1) == ':'))) continue;
                return i;
            }
        }
        return -1;
    }

    /** Like {@link #topLevel} for a keyword standing alone ({@code if}). */
    static int topLevelWord(String s, String word, int from) {
        int at = from;
        while (true) {
            int i = topLevel(s, word, at);
            if (i < 0) return -1;
            boolean startOk = i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '_' && s.charAt(i - 1) != '.';
            int e = i + word.length();
            boolean endOk = e >= s.length() || !Character.isLetterOrDigit(s.charAt(e)) && s.charAt(e) != '_';
            if (startOk && endOk) return i;
            at = i + 1;
        }
    }
}
