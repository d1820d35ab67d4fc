package dev.vigil.iac.terraform.hcl;

import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import dev.vigil.model.input.InputException;
import java.util.List;

/**
 * One HCL file, read: its body and its comments. Reading never evaluates anything and never
 * touches the network (see {@link Lexer}).
 *
 * @param file     the file's display name, for messages and locations
 * @param body     top-level attributes and blocks
 * @param comments every comment with its line, for {@code vigil:ignore} marks
 */
public record HclFile(String file, Body body, List<SourceText.Comment> comments) {

    /**
     * Reads {@code text}.
     *
     * @throws InputException naming the file and line of the first syntax error
     */
    public static HclFile read(String file, String text) {
        SourceText src = new SourceText(text);
        if (src.problem() != null) throw new InputException(file, src.problemLine(), "syntax error: " + src.problem());
        try {
            List<Symbol> symbols = Lexer.lex(src.lexable());
            Body body = new SymbolReader(src, file, 0).body(symbols);
            return new HclFile(file, body, src.comments());
        } catch (Lexer.SyntaxError e) {
            throw new InputException(file, e.line, e.getMessage());
        }
    }

    /** A string in Terraform's JSON syntax, which is a template: {@code "${var.x}-logs"}. */
    public static Expr template(String file, String s, int line) {
        if (!SymbolReader.hasTemplate(s)) return new Expr.Literal(SymbolReader.unescape(s), line);
        SymbolReader r = new SymbolReader(new SourceText(""), file, 0);
        try {
            return Templates.parse(s, line, r::fragment);
        } catch (Lexer.SyntaxError e) {
            throw new InputException(file, e.line, e.getMessage());
        }
    }

    /** One expression's text (a {@code --var} value, a JSON {@code "${...}"}). */
    public static Expr expression(String file, String s, int line) {
        SymbolReader r = new SymbolReader(new SourceText(""), file, 0);
        try {
            return r.fragment(s, line);
        } catch (Lexer.SyntaxError e) {
            throw new InputException(file, e.line, e.getMessage());
        }
    }
}
