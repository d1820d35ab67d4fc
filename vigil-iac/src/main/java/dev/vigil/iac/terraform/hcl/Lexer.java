package dev.vigil.iac.terraform.hcl;

import com.bertramlabs.plugins.hcl4j.HCLParserException;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hcl4j's lexer ({@code HCLLexer}), and nothing else of hcl4j: its {@code HCLParser.parse()}
 * evaluates {@code data "http"} blocks by sending the request, which a scanner of untrusted code
 * must never do. The lexer only tokenises text into symbols with lines and offsets.
 *
 * <p>{@code HCLLexer} is package-private in hcl4j 0.9.8 (only the parser is public), so it is
 * reached by reflection, once, into method handles. Vigil runs on the class path, where that
 * access is allowed.
 */
final class Lexer {
    private static final MethodHandle NEW;
    private static final MethodHandle LEX;
    private static final MethodHandle STACK;
    private static final Pattern ILLEGAL = Pattern.compile("Illegal character <\\((.*)\\) - state: \\d+> found on line: (\\d+) col: (\\d+)", Pattern.DOTALL);

    static {
        try {
            Class<?> c = Class.forName("com.bertramlabs.plugins.hcl4j.HCLLexer");
            Constructor<?> k = c.getDeclaredConstructor(java.io.Reader.class);
            k.setAccessible(true);
            Method m = c.getDeclaredMethod("yylex");
            m.setAccessible(true);
            Field f = c.getDeclaredField("elementStack");
            f.setAccessible(true);
            MethodHandles.Lookup l = MethodHandles.lookup();
            NEW = l.unreflectConstructor(k).asType(MethodType.methodType(Object.class, java.io.Reader.class));
            LEX = l.unreflect(m).asType(MethodType.methodType(Object.class, Object.class));
            STACK = l.unreflectGetter(f).asType(MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Lexer() {
    }

    /** A syntax error the lexer found: 1-based line and a one-line problem. */
    static final class SyntaxError extends Exception {
        final int line;

        SyntaxError(int line, String problem) {
            super(problem, null, false, false);
            this.line = line;
        }
    }

    /** The top-level symbols of {@code text}. */
    @SuppressWarnings("unchecked")
    static List<Symbol> lex(String text) throws SyntaxError {
        try {
            Object lexer = NEW.invoke(new StringReader(text));
            LEX.invoke(lexer);
            return (List<Symbol>) STACK.invoke(lexer);
        } catch (HCLParserException e) {
            throw translate(e);
        } catch (Error | RuntimeException e) {
            throw new SyntaxError(0, "syntax error (" + e.getClass().getSimpleName() + ")");
        } catch (Throwable e) {
            throw new SyntaxError(0, "syntax error: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static SyntaxError translate(HCLParserException e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = ILLEGAL.matcher(msg);
        if (m.find()) {
            String ch = m.group(1);
            String shown = ch.equals("\n") ? "end of line" : "'" + ch + "'";
            return new SyntaxError(Integer.parseInt(m.group(2)), "syntax error: unexpected " + shown + " at column " + m.group(3));
        }
        return new SyntaxError(0, "syntax error: " + oneLine(msg));
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
