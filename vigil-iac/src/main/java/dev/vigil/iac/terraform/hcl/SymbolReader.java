package dev.vigil.iac.terraform.hcl;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedObject;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedTuple;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ForConditional;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ForSource;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Function;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.GroupedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Operator;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.PrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.StringInterpolatedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Variable;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLArray;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import dev.vigil.iac.terraform.hcl.Expr.Binary;
import dev.vigil.iac.terraform.hcl.Expr.Call;
import dev.vigil.iac.terraform.hcl.Expr.Conditional;
import dev.vigil.iac.terraform.hcl.Expr.For;
import dev.vigil.iac.terraform.hcl.Expr.GetAttr;
import dev.vigil.iac.terraform.hcl.Expr.Index;
import dev.vigil.iac.terraform.hcl.Expr.Literal;
import dev.vigil.iac.terraform.hcl.Expr.Lost;
import dev.vigil.iac.terraform.hcl.Expr.Name;
import dev.vigil.iac.terraform.hcl.Expr.ObjectCons;
import dev.vigil.iac.terraform.hcl.Expr.Splat;
import dev.vigil.iac.terraform.hcl.Expr.Tuple;
import dev.vigil.iac.terraform.hcl.Expr.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Body} and {@link Expr} trees from hcl4j lexer symbols.
 *
 * <p>The lexer flattens expressions: an attribute's value is a list of operands and operators
 * ({@code var.n + 1 * 2} is five symbols), function arguments are concatenated without their
 * commas, and minus is sometimes a "number" {@code -}. This reader restores the shape: operator
 * precedence by its own precedence climbing, argument boundaries where an operand follows an
 * operand, and a minus that follows an operand is binary unless the source has a comma before it.
 *
 * <p>Shapes the lexer loses, and what happens to them:
 * <ul>
 *   <li>{@code { for k, v in coll : key => value }}: the lexer keeps only the collection, and loses
 *       its way in a template string after the colon. {@link SourceText#lexable()} blanks that part
 *       before lexing; the key, value, grouping {@code ...} and {@code if} condition are cut from
 *       the original text (by bracket matching) and lexed again on their own.</li>
 *   <li>heredocs and strings holding {@code %{ }} directives come back as raw text: their
 *       templates are read here ({@link Templates}), each {@code ${ }} expression lexed on its own;
 *       {@code <<-} indentation is stripped here.</li>
 *   <li>a heredoc as a function argument comes back after an empty call: it is put back in.</li>
 *   <li>{@code "${expr}" = value} object keys come back as a template and a nameless attribute:
 *       joined again.</li>
 *   <li>a number with an exponent ({@code 1e3}) comes back as a number and a name: joined again;
 *       {@code a -1} comes back as two operands: read as a subtraction unless a comma precedes the
 *       {@code -1} in the source.</li>
 *   <li>{@code list.*.attr} (legacy splat) comes back as operand, {@code *}, {@code "."}, name:
 *       read as a splat.</li>
 *   <li>{@code (expr) = value} object keys make the lexer fail: {@link SourceText#lexable()} turns
 *       them into quoted names of the same length, and the key expression is lexed on its own.</li>
 *   <li>{@code \\u} escapes make the lexer fail: {@link SourceText#lexable()} blanks such strings
 *       (when they hold no template) and decodes them itself.</li>
 *   <li>{@code \\u} escapes in a string with a template, {@code ${~ } } strip markers and
 *       quoted strings inside a {@code %{ }} directive of a quoted string make the lexer fail: the
 *       file is reported as a syntax error naming the line (hcl4j's limit, not the file's; in a
 *       heredoc the directive form works).</li>
 *   <li>anything else that does not fit the grammar becomes {@link Expr.Lost}, which evaluates to
 *       unresolved, never to a guessed value; a stray symbol in a body is a syntax error, never
 *       silently dropped.</li>
 * </ul>
 */
final class SymbolReader {
    private static final List<List<String>> LEVELS = List.of(
            List.of("||"), List.of("&&"), List.of("==", "!="), List.of("<", ">", "<=", ">="), List.of("+", "-"), List.of("*", "/", "%"));

    private final SourceText text;
    private final String file;
    private final int lineBase;

    SymbolReader(SourceText text, String file, int lineBase) {
        this.text = text;
        this.file = file;
        this.lineBase = lineBase;
    }

    private int line(Symbol s) {
        Integer l = s.getLine();
        return (l == null ? 0 : l) + 1 + lineBase;
    }

    // ---------------------------------------------------------------- bodies

    Body body(List<Symbol> symbols) throws Lexer.SyntaxError {
        Body body = new Body();
        for (Symbol s : symbols) {
            if (s instanceof HCLBlock b) {
                body.blocks().add(block(b));
            } else if (s instanceof HCLAttribute a && a.getName() != null) {
                Body.Attribute before = body.attributes().get(a.getName());
                if (before != null) {
                    throw new Lexer.SyntaxError(line(a), "attribute " + a.getName() + " is set twice (first on line " + before.line() + ")");
                }
                body.attributes().put(a.getName(), new Body.Attribute(a.getName(), attributeValue(a), line(a)));
            } else {
                // nothing else belongs in a body; dropping it silently could drop a setting
                throw new Lexer.SyntaxError(line(s), "syntax error: expected an attribute or a block");
            }
        }
        return body;
    }

    private Body.Block block(HCLBlock b) throws Lexer.SyntaxError {
        List<String> names = b.blockNames == null ? List.of(b.getName()) : b.blockNames;
        long pos = b.getPosition() == null ? 0 : b.getPosition();
        int close = text.closingAfter((int) pos, '{');
        int start = line(b);
        int end = close >= 0 ? text.lineOf(close) + lineBase : start;
        return new Body.Block(names.get(0), List.copyOf(names.subList(1, names.size())), body(b.getChildren()), file, start, end);
    }

    private Expr attributeValue(HCLAttribute a) throws Lexer.SyntaxError {
        List<Symbol> items = a.getChildren();
        if (items == null || items.isEmpty()) throw new Lexer.SyntaxError(line(a), "syntax error: attribute " + a.getName() + " has no value");
        List<List<Tok>> groups = groups(tokens(items));
        if (groups.size() != 1) {
            Tok second = groups.get(1).get(0);
            throw new Lexer.SyntaxError(second.line, "syntax error: attribute " + a.getName() + " holds more than one expression (missing operator or comma?)");
        }
        return parse(groups.get(0), line(a));
    }

    // ---------------------------------------------------------------- tokens

    /** An operand (expr != null) or an operator. */
    private record Tok(Expr expr, String op, int line, boolean newGroup) {
        boolean operand() {
            return expr != null;
        }
    }

    private List<Tok> tokens(List<Symbol> items) throws Lexer.SyntaxError {
        List<Tok> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Symbol s = items.get(i);
            int line = line(s);
            boolean afterOperand = !out.isEmpty() && out.get(out.size() - 1).operand();
            if (s instanceof Operator op) {
                String o = op.getName();
                // legacy splat: list.*.attr comes as operand, *, ".", name
                if (o.equals("*") && afterOperand && i + 2 < items.size() && items.get(i + 1) instanceof HCLValue dot && ".".equals(dot.value)
                        && items.get(i + 2) instanceof VariableTree rest) {
                    Tok prev = out.remove(out.size() - 1);
                    Expr each = steps(new Name("~splat", line), rest.getChildren(), 0);
                    out.add(new Tok(new Splat(prev.expr(), each, line), null, prev.line(), prev.newGroup()));
                    i += 2;
                    continue;
                }
                // provider::name::function(...)
                if (o.equals(":") && afterOperand && out.get(out.size() - 1).expr() instanceof Name pn && pn.name().equals("provider")
                        && i + 5 < items.size() && items.get(i + 5) instanceof VariableTree fn && !fn.getChildren().isEmpty()
                        && fn.getChildren().get(0) instanceof Function) {
                    Tok prev = out.remove(out.size() - 1);
                    Expr call = variableTree(fn);
                    if (call instanceof Call c) call = new Call("provider::" + items.get(i + 2).getName() + "::" + c.name(), c.args(), c.expandLast(), c.line());
                    out.add(new Tok(call, null, prev.line(), prev.newGroup()));
                    i += 5;
                    continue;
                }
                boolean group = afterOperand && o.equals("!");
                out.add(new Tok(null, o, line, group));
            } else if (s instanceof HCLValue v && "number".equals(v.type)) {
                String num = String.valueOf(v.value);
                long pos = v.getPosition() == null ? -1 : v.getPosition();
                boolean commaBefore = pos >= 0 && text.previousNonBlank((int) pos) == ',';
                if (num.equals("...")) {
                    out.add(new Tok(null, "...", line, false));
                } else if (num.equals("-")) {
                    out.add(new Tok(null, "-", line, afterOperand && commaBefore));
                } else if (num.startsWith("-") && afterOperand && !commaBefore) {
                    out.add(new Tok(null, "-", line, false));
                    out.add(new Tok(new Literal(number(num.substring(1), line), line), null, line, false));
                } else {
                    String n = num;
                    // 1e3 and 1.5e-3 come back as a number followed by a name
                    if (i + 1 < items.size() && items.get(i + 1) instanceof VariableTree vt && vt.getName() != null && vt.getName().matches("[eE][+-]?\\d+")
                            && vt.getPosition() != null && pos >= 0 && vt.getPosition() == pos + num.length()) {
                        n = num + vt.getName();
                        i++;
                    }
                    out.add(new Tok(new Literal(number(n, line), line), null, line, afterOperand));
                }
            } else if (s instanceof VariableTree vt && vt.getChildren().size() == 1 && vt.getChildren().get(0) instanceof Function f
                    && f.getChildren().isEmpty() && i + 1 < items.size() && items.get(i + 1) instanceof HCLValue hv && isHeredoc(hv)) {
                // f(<<EOT ... EOT): the lexer closes the call before the heredoc and puts the heredoc after it
                out.add(new Tok(new Call(f.getName(), List.of(value(hv)), false, line), null, line, afterOperand));
                i++;
            } else {
                out.add(new Tok(operand(s), null, line, afterOperand));
            }
        }
        return out;
    }

    private boolean isHeredoc(HCLValue v) {
        if (!"string".equals(v.type) || v.getPosition() == null) return false;
        long pos = v.getPosition();
        return pos < text.text().length() && text.text().charAt((int) pos) != '"';
    }

    private static List<List<Tok>> groups(List<Tok> toks) {
        List<List<Tok>> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        for (Tok t : toks) {
            if (t.newGroup() && !cur.isEmpty()) {
                out.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(t);
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    private Object number(String s, int line) throws Lexer.SyntaxError {
        try {
            if (s.matches("-?\\d+")) return Long.parseLong(s);
            double d = Double.parseDouble(s);
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) return (long) d;
            return d;
        } catch (NumberFormatException e) {
            throw new Lexer.SyntaxError(line, "syntax error: '" + s + "' is not a number");
        }
    }

    // ---------------------------------------------------------------- precedence climbing

    private final class Parser {
        final List<Tok> toks;
        int i;
        final int line;

        Parser(List<Tok> toks, int line) {
            this.toks = toks;
            this.line = line;
        }

        Expr expression() {
            Expr cond = binary(0);
            if (cond == null) return null;
            if (peek("?")) {
                i++;
                Expr a = expression();
                if (!peek(":")) return null;
                i++;
                Expr b = expression();
                if (a == null || b == null) return null;
                return new Conditional(cond, a, b, cond.line());
            }
            return cond;
        }

        Expr binary(int level) {
            if (level == LEVELS.size()) return unary();
            Expr left = binary(level + 1);
            while (left != null && i < toks.size() && toks.get(i).op() != null && LEVELS.get(level).contains(toks.get(i).op())) {
                String op = toks.get(i++).op();
                Expr right = binary(level + 1);
                if (right == null) return null;
                left = new Binary(op, left, right, left.line());
            }
            return left;
        }

        Expr unary() {
            if (i >= toks.size()) return null;
            Tok t = toks.get(i);
            if (t.op() != null && (t.op().equals("!") || t.op().equals("-"))) {
                i++;
                Expr e = unary();
                return e == null ? null : new Unary(t.op(), e, t.line());
            }
            if (t.operand()) {
                i++;
                return t.expr();
            }
            return null;
        }

        boolean peek(String op) {
            return i < toks.size() && op.equals(toks.get(i).op());
        }
    }

    /** One expression from one group of tokens; a trailing {@code ...} is left to the caller. */
    private Expr parse(List<Tok> toks, int line) {
        Parser p = new Parser(toks, line);
        Expr e = p.expression();
        if (e == null || p.i != toks.size()) return new Lost("expression on line " + line + " was not understood by the HCL lexer", line);
        return e;
    }

    private List<Expr> list(List<Symbol> items, boolean[] expand) throws Lexer.SyntaxError {
        List<Expr> out = new ArrayList<>();
        if (items == null) return out;
        List<List<Tok>> groups = groups(tokens(items));
        for (int g = 0; g < groups.size(); g++) {
            List<Tok> group = groups.get(g);
            if (!group.isEmpty() && "...".equals(group.get(group.size() - 1).op())) {
                group = group.subList(0, group.size() - 1);
                if (expand != null && g == groups.size() - 1) expand[0] = true;
            }
            int line = group.isEmpty() ? lineBase : group.get(0).line();
            out.add(parse(group, line));
        }
        return out;
    }

    private Expr single(List<Symbol> items, int line) throws Lexer.SyntaxError {
        List<Expr> l = list(items, null);
        if (l.size() != 1) return new Lost("expression on line " + line + " was not understood by the HCL lexer", line);
        return l.get(0);
    }

    // ---------------------------------------------------------------- operands

    private Expr operand(Symbol s) throws Lexer.SyntaxError {
        int line = line(s);
        if (s instanceof HCLValue v) return value(v);
        if (s instanceof StringInterpolatedExpression sie) return template(sie);
        if (s instanceof VariableTree vt) return variableTree(vt);
        if (s instanceof ComputedTuple ct) return forTuple(ct);
        if (s instanceof ComputedObject co) return forObject(co);
        if (s instanceof GroupedExpression g) return single(g.getChildren(), line);
        if (s instanceof HCLArray a) return new Tuple(list(a.getChildren(), null), line);
        if (s instanceof HCLBlock b) return object(b);
        if (s instanceof Function f) return call(f);
        if (s instanceof PrimitiveType p) return typeConstraint(p);
        if (s instanceof Variable v) return new Name(v.getName(), line);
        return new Lost("expression on line " + line + " (" + s.getClass().getSimpleName() + ") was not understood by the HCL lexer", line);
    }

    /**
     * A type constraint: {@code string} is a {@link Name}; {@code list(string)}, {@code map(...)} and
     * {@code object({...})} (which the lexer calls a map holding a block) are {@link Call}s of the
     * type's name, which are read, never called.
     */
    private Expr typeConstraint(PrimitiveType p) throws Lexer.SyntaxError {
        int line = line(p);
        List<Symbol> ch = p.getChildren();
        if (ch == null || ch.isEmpty()) return new Name(p.getName(), line);
        String name = p.getName();
        if (ch.size() == 1 && ch.get(0) instanceof HCLBlock b && name.equals("map")) return new Call("object", List.of(object(b)), false, line);
        List<Expr> args = new ArrayList<>();
        for (Symbol c : ch) args.add(operand(c));
        return new Call(name, args, false, line);
    }

    private Expr object(HCLBlock b) throws Lexer.SyntaxError {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        List<Symbol> children = b.getChildren();
        for (int i = 0; i < children.size(); i++) {
            Symbol c = children.get(i);
            Expr interpolatedKey = null;
            // "${expr}" = value comes as the key's template followed by an attribute without a name
            if (c instanceof StringInterpolatedExpression sie && i + 1 < children.size() && children.get(i + 1) instanceof HCLAttribute next
                    && next.getName() == null) {
                interpolatedKey = template(sie);
                c = next;
                i++;
            }
            if (c instanceof HCLAttribute a) {
                String parenKey = a.getPosition() == null ? null : text.parenKey(a.getPosition().intValue());
                if (parenKey != null) interpolatedKey = fragment(parenKey, line(a));
                String escapedKey = a.getPosition() == null ? null : text.escapedString(a.getPosition().intValue());
                if (escapedKey != null) interpolatedKey = new Literal(unescape(escapedKey), line(a));
                keys.add(interpolatedKey != null ? interpolatedKey : a.runtimeName != null ? template(a.runtimeName) : new Literal(a.getName(), line(a)));
                List<Symbol> items = a.getChildren();
                values.add(items == null || items.isEmpty() ? new Lost("object key " + a.getName() + " has no value", line(a)) : single(items, line(a)));
            } else {
                return new Lost("object on line " + line(b) + " was not understood by the HCL lexer", line(b));
            }
        }
        return new ObjectCons(keys, values, line(b));
    }

    private Expr value(HCLValue v) throws Lexer.SyntaxError {
        int line = line(v);
        String type = v.type == null ? "" : v.type;
        switch (type) {
            case "boolean":
                return new Literal(Boolean.parseBoolean(String.valueOf(v.value)), line);
            case "null":
                return new Literal(null, line);
            case "number":
                return new Literal(number(String.valueOf(v.value), line), line);
            default:
                break;
        }
        String s = v.value == null ? "" : v.value.toString();
        long pos = v.getPosition() == null ? -1 : v.getPosition();
        String escaped = pos < 0 ? null : text.escapedString((int) pos);
        if (escaped != null) return new Literal(unescape(escaped), line);
        if (pos >= 0 && pos < text.text().length() && text.text().charAt((int) pos) != '"') {
            Expr heredoc = heredoc(s, (int) pos, line);
            if (heredoc != null) return heredoc;
        }
        if (hasTemplate(s)) return Templates.parse(s, line, this::fragment);
        return new Literal(unescape(s), line);
    }

    /** A heredoc's raw text: the lexer positions it at the closing marker; {@code <<-} strips the common indentation. */
    private Expr heredoc(String raw, int pos, int line) throws Lexer.SyntaxError {
        String src = text.text();
        int eol = src.indexOf('\n', pos);
        String marker = src.substring(pos, eol < 0 ? src.length() : eol).strip();
        if (!marker.matches("[A-Za-z_][A-Za-z0-9_]*")) return null;
        int open = src.lastIndexOf("<<", pos);
        boolean indented = open >= 0 && src.startsWith("<<-", open);
        String body = raw;
        if (indented) body = stripIndent(body);
        int startLine = open >= 0 ? text.lineOf(open) + 1 + lineBase : line;
        return Templates.parse(body, startLine, this::fragment);
    }

    private static String stripIndent(String body) {
        String[] lines = body.split("\n", -1);
        int min = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) continue;
            int k = 0;
            while (k < l.length() && (l.charAt(k) == ' ' || l.charAt(k) == '\t')) k++;
            min = Math.min(min, k);
        }
        if (min == Integer.MAX_VALUE || min == 0) return body;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            b.append(l.length() >= min ? l.substring(min) : l.strip());
            if (i < lines.length - 1) b.append('\n');
        }
        return b.toString();
    }

    static boolean hasTemplate(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '$' || c == '%') && s.charAt(i + 1) == '{') {
                if (i > 0 && s.charAt(i - 1) == c) continue;
                return true;
            }
        }
        return false;
    }

    static String unescape(String s) {
        return s.replace("$${", "${").replace("%%{", "%{");
    }

    /** A quoted string the lexer split at its ${ } interpolations; directives left in the literal parts are read here. */
    private Expr template(StringInterpolatedExpression sie) throws Lexer.SyntaxError {
        int line = line(sie);
        List<Object> parts = new ArrayList<>();
        for (Symbol c : sie.getChildren()) {
            if (c instanceof HCLValue v && !"number".equals(v.type) && !"boolean".equals(v.type)) {
                parts.add(v.value == null ? "" : v.value.toString());
            } else if (c instanceof Operator op && op.getName().equals("+")) {
                continue;
            } else if (c instanceof StringInterpolatedExpression inner) {
                parts.add(single(inner.getChildren(), line(inner)));
            } else {
                parts.add(operand(c));
            }
        }
        return Templates.assemble(parts, line, this::fragment);
    }

    private Expr variableTree(VariableTree vt) throws Lexer.SyntaxError {
        List<Symbol> ch = vt.getChildren();
        int line = line(vt);
        if (ch == null || ch.isEmpty()) return new Lost("empty reference", line);
        Symbol first = ch.get(0);
        Expr root;
        if (first instanceof Function f) root = call(f);
        else root = new Name(first.getName(), line);
        return steps(root, ch, 1);
    }

    private Expr steps(Expr root, List<Symbol> ch, int from) throws Lexer.SyntaxError {
        Expr cur = root;
        for (int i = from; i < ch.size(); i++) {
            Symbol s = ch.get(i);
            int line = line(s);
            if (s instanceof HCLArray a) {
                List<Symbol> inside = a.getChildren();
                if (inside.size() == 1 && inside.get(0) instanceof Operator op && op.getName().equals("*")) {
                    Expr each = steps(new Name("~splat", line), ch, i + 1);
                    return new Splat(cur, each, line);
                }
                cur = new Index(cur, single(inside, line), line);
            } else if (s instanceof Variable v) {
                String n = v.getName();
                if (n.matches("\\d+")) cur = new Index(cur, new Literal(Long.parseLong(n), line), line); // legacy list.0
                else cur = new GetAttr(cur, n, line);
            } else {
                return new Lost("reference on line " + line + " was not understood by the HCL lexer", line);
            }
        }
        return cur;
    }

    private Expr call(Function f) throws Lexer.SyntaxError {
        boolean[] expand = {false};
        List<Expr> args = list(f.getChildren(), expand);
        return new Call(f.getName(), args, expand[0], line(f));
    }

    private Expr forTuple(ComputedTuple ct) throws Lexer.SyntaxError {
        int line = line(ct);
        List<Symbol> source = new ArrayList<>();
        List<Symbol> target = new ArrayList<>();
        List<Symbol> cond = null;
        boolean afterSource = false;
        for (Symbol c : ct.getChildren()) {
            if (c instanceof ForSource) afterSource = true;
            else if (c instanceof ForConditional fc) cond = fc.getChildren();
            else (afterSource ? target : source).add(c);
        }
        String[] vars = forVars(ct.getVariables());
        if (vars == null || !afterSource) return new Lost("for expression on line " + line + " was not understood by the HCL lexer", line);
        return new For(vars[0], vars[1], single(source, line), null, single(target, line), cond == null ? null : single(cond, line), false, line);
    }

    private static String[] forVars(List<Variable> vars) {
        if (vars == null || vars.isEmpty() || vars.size() > 2) return null;
        if (vars.size() == 1) return new String[]{null, vars.get(0).getName()};
        return new String[]{vars.get(0).getName(), vars.get(1).getName()};
    }

    /**
     * {@code { for k, v in coll : key => value if cond }}: the lexer keeps only {@code coll}; the
     * rest is cut from the source text at its top-level {@code :}, {@code =>}, {@code ...} and
     * {@code if}, and each piece lexed again.
     */
    private Expr forObject(ComputedObject co) throws Lexer.SyntaxError {
        int line = line(co);
        String src = text.text();
        long pos = co.getPosition() == null ? -1 : co.getPosition();
        int open = pos < 0 ? -1 : src.indexOf('{', (int) pos);
        int close = open < 0 ? -1 : text.partnerOf(open);
        String[] vars = forVars(co.getVariables());
        Lost lost = new Lost("for expression on line " + line + " was not understood by the HCL lexer", line);
        if (close < 0 || vars == null) return lost;
        String inner = src.substring(open + 1, close);
        int lineOffset = text.lineOf(open) - 1 + lineBase;
        int in = Templates.topLevelWord(inner, "in", 0);
        int colon = in < 0 ? -1 : Templates.topLevel(inner, ":", in);
        int arrow = colon < 0 ? -1 : Templates.topLevel(inner, "=>", colon);
        if (arrow < 0) return lost;
        int ifAt = Templates.topLevelWord(inner, "if", arrow + 2);
        String valuePart = inner.substring(arrow + 2, ifAt < 0 ? inner.length() : ifAt);
        boolean grouping = false;
        if (valuePart.strip().endsWith("...")) {
            grouping = true;
            valuePart = valuePart.substring(0, valuePart.lastIndexOf("..."));
        }
        int keyLine = lineOffset + lines(inner, colon);
        int valueLine = lineOffset + lines(inner, arrow);
        try {
            Expr coll = fragment(inner.substring(in + 2, colon), lineOffset + lines(inner, in));
            Expr key = fragment(inner.substring(colon + 1, arrow), keyLine);
            Expr value = fragment(valuePart, valueLine);
            Expr cond = ifAt < 0 ? null : fragment(inner.substring(ifAt + 2), lineOffset + lines(inner, ifAt));
            return new For(vars[0], vars[1], coll, key, value, cond, grouping, line);
        } catch (Lexer.SyntaxError e) {
            // the lexer accepted the whole; a piece that fails alone is more likely a cut in the wrong
            // place (a conditional's ':' in the collection) than bad input
            return lost;
        }
    }

    private static int lines(String s, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo && i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    /** Lexes one expression's text on its own; {@code line} is the 1-based line the text starts on. */
    Expr fragment(String exprText, int line) throws Lexer.SyntaxError {
        String flat = exprText.strip();
        for (SourceText.Comment c : new SourceText(flat).comments()) flat = flat.replace(c.text(), " ");
        String wrapped = "v = " + flat.replace("\n", " ") + "\n";
        SourceText st = new SourceText(wrapped);
        if (st.problem() != null) throw new Lexer.SyntaxError(line, "syntax error: " + st.problem());
        List<Symbol> syms;
        try {
            syms = Lexer.lex(st.lexable());
        } catch (Lexer.SyntaxError e) {
            throw new Lexer.SyntaxError(line, e.getMessage());
        }
        SymbolReader r = new SymbolReader(st, file, line - 1);
        for (Symbol s : syms) {
            if (s instanceof HCLAttribute a) return r.attributeValue(a);
        }
        return new Lost("expression on line " + line + " was not understood by the HCL lexer", line);
    }

    /** Attributes of a whole file (a .tfvars file): name -> expression. */
    Map<String, Body.Attribute> attributes(List<Symbol> symbols) throws Lexer.SyntaxError {
        return body(symbols).attributes();
    }
}
