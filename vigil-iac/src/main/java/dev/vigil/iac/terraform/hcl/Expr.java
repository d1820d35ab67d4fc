package dev.vigil.iac.terraform.hcl;

import java.util.List;

/**
 * An HCL expression, unevaluated: what {@link SymbolReader} builds from hcl4j's lexer symbols.
 * Every node keeps the 1-based line it starts on, for messages.
 */
public sealed interface Expr {
    int line();

    /** A string, number (Long or Double), boolean or null. */
    record Literal(Object value, int line) implements Expr {
    }

    /** A string template: its parts are concatenated (literal parts are {@link Literal} strings). */
    record Template(List<Expr> parts, int line) implements Expr {
    }

    /** {@code %{ if cond }then%{ else }otherwise%{ endif }} inside a template. */
    record TemplateIf(Expr condition, Expr then, Expr otherwise, int line) implements Expr {
    }

    /** {@code %{ for k, v in coll }body%{ endfor }} inside a template. */
    record TemplateFor(String keyVar, String valueVar, Expr collection, Expr body, int line) implements Expr {
    }

    /** A root name: {@code var}, {@code local}, {@code aws_s3_bucket}, {@code each}, a for variable. */
    record Name(String name, int line) implements Expr {
    }

    /** {@code object.name} */
    record GetAttr(Expr object, String name, int line) implements Expr {
    }

    /** {@code collection[key]} */
    record Index(Expr collection, Expr key, int line) implements Expr {
    }

    /** {@code source[*].rest}: {@code each} applies to every element ({@link Name} {@code "~splat"} stands for the element). */
    record Splat(Expr source, Expr each, int line) implements Expr {
    }

    /** A function call; {@code expandLast} for {@code f(list...)}; {@code provider} for {@code provider::p::f}. */
    record Call(String name, List<Expr> args, boolean expandLast, int line) implements Expr {
    }

    record Unary(String op, Expr operand, int line) implements Expr {
    }

    record Binary(String op, Expr left, Expr right, int line) implements Expr {
    }

    record Conditional(Expr condition, Expr then, Expr otherwise, int line) implements Expr {
    }

    record Tuple(List<Expr> items, int line) implements Expr {
    }

    /** An object constructor; keys are expressions (a bare key is a string {@link Literal}). */
    record ObjectCons(List<Expr> keys, List<Expr> values, int line) implements Expr {
    }

    /** A for expression; {@code keyExpr} is null for the tuple form. */
    record For(String keyVar, String valueVar, Expr collection, Expr keyExpr, Expr valueExpr, Expr condition, boolean grouping,
               int line) implements Expr {
    }

    /** An expression whose shape was lost between the source and the lexer: it evaluates to unresolved. */
    record Lost(String why, int line) implements Expr {
    }
}
