package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.Unresolved;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HCL expressions evaluate as Terraform evaluates them. */
class ExpressionsTest {
    @TempDir
    Path dir;

    private Object v(String expr, String... more) {
        return Tf.value(dir, expr, more);
    }

    @Test
    void literalsKeepTheirTypes() {
        assertThat(v("\"text\"")).isEqualTo("text");
        assertThat(v("42")).isEqualTo(42L);
        assertThat(v("1.5")).isEqualTo(1.5);
        assertThat(v("-3")).isEqualTo(-3L);
        assertThat(v("true")).isEqualTo(true);
        assertThat(v("null")).isNull();
        assertThat(v("1e3")).isEqualTo(1000L);
    }

    @Test
    void arithmeticFollowsPrecedence() {
        assertThat(v("3 + 4 * 2")).isEqualTo(11L);
        assertThat(v("(3 + 4) * 2")).isEqualTo(14L);
        assertThat(v("10 - 2 - 3")).isEqualTo(5L);
        assertThat(v("10 -1")).isEqualTo(9L);
        assertThat(v("7 / 2")).isEqualTo(3.5);
        assertThat(v("8 / 2")).isEqualTo(4L);
        assertThat(v("10 % 3")).isEqualTo(1L);
        assertThat(v("-(2 + 3)")).isEqualTo(-5L);
    }

    @Test
    void comparisonsAndLogic() {
        assertThat(v("1 < 2 && 2 <= 2")).isEqualTo(true);
        assertThat(v("\"a\" == \"b\" || !false")).isEqualTo(true);
        assertThat(v("1 == 1.0")).isEqualTo(true);
        assertThat(v("[1, 2] != [1, 2]")).isEqualTo(false);
    }

    @Test
    void conditionalsPickOneBranch() {
        assertThat(v("2 > 1 ? \"big\" : \"small\"")).isEqualTo("big");
        assertThat(v("false ? 1 : true ? 2 : 3")).isEqualTo(2L);
    }

    @Test
    void templatesInterpolate() {
        assertThat(v("\"${local.a}-${1 + 1}\"", "l.tf", "locals {\n  a = \"x\"\n}\n")).isEqualTo("x-2");
        assertThat(v("\"${local.n}\"", "l.tf", "locals {\n  n = 5\n}\n")).as("a lone interpolation keeps the value's type").isEqualTo(5L);
        assertThat(v("\"cost: $${x} %%{y}\"")).isEqualTo("cost: ${x} %{y}");
        assertThat(v("\"caf\\u00e9 \\\"q\\\" \\U0001F600\"")).as("unicode escapes").isEqualTo("café \"q\" \uD83D\uDE00");
        assertThat(v("{ \"\\u0041\" = \"\\u0042\" }")).isEqualTo(Map.of("A", "B"));
        assertThat(v("\"${true ? \"on\" : \"off\"}\"")).isEqualTo("on");
    }

    @Test
    void templateDirectives() {
        assertThat(v("\"%{ if local.on }yes%{ else }no%{ endif }\"", "l.tf", "locals {\n  on = false\n}\n")).isEqualTo("no");
        assertThat(v("\"%{ for s in local.l }${s},%{ endfor }\"", "l.tf", "locals {\n  l = [\"a\", \"b\"]\n}\n")).isEqualTo("a,b,");
    }

    @Test
    void heredocsAreTemplatesAndIndentedOnesLoseTheirIndent() {
        Object plain = v("<<EOT\n{\"Name\": \"${local.n}\"}\nEOT", "l.tf", "locals {\n  n = \"logs\"\n}\n");
        assertThat(plain).isEqualTo("{\"Name\": \"logs\"}\n");
        Object indented = v("<<-EOT\n    one\n      two\n    EOT");
        assertThat(indented).isEqualTo("one\n  two\n");
    }

    @Test
    void collectionsIndexAndAttributes() {
        String locals = "locals {\n  obj = { list = [{ k = \"first\" }, { k = \"second\" }], m = { \"a b\" = 1 } }\n}\n";
        assertThat(v("local.obj.list[1].k", "l.tf", locals)).isEqualTo("second");
        assertThat(v("local.obj.list[0][\"k\"]", "l.tf", locals)).isEqualTo("first");
        assertThat(v("local.obj.m[\"a b\"]", "l.tf", locals)).isEqualTo(1L);
        assertThat(v("[1, \"two\", [3]]")).isEqualTo(List.of(1L, "two", List.of(3L)));
        assertThat(v("{ a = 1, \"b\" = \"x\" }")).isEqualTo(Map.of("a", 1L, "b", "x"));
    }

    @Test
    void splatsCollectOneAttributeOfEach() {
        String locals = "locals {\n  l = [{ id = \"a\" }, { id = \"b\" }]\n}\n";
        assertThat(v("local.l[*].id", "l.tf", locals)).isEqualTo(List.of("a", "b"));
        assertThat(v("local.l.*.id", "l.tf", locals)).isEqualTo(List.of("a", "b"));
    }

    @Test
    void forExpressions() {
        String locals = "locals {\n  m = { a = \"x\", b = \"\" }\n  l = [\"p\", \"\", \"q\"]\n}\n";
        assertThat(v("[for s in local.l : upper(s) if s != \"\"]", "l.tf", locals)).isEqualTo(List.of("P", "Q"));
        assertThat(v("[for i, s in local.l : \"${i}=${s}\"]", "l.tf", locals)).isEqualTo(List.of("0=p", "1=", "2=q"));
        assertThat(v("{ for k, v in local.m : k => upper(v) if v != \"\" }", "l.tf", locals)).isEqualTo(Map.of("a", "X"));
        assertThat(v("{for s in local.l : s => s...}", "l.tf", locals)).isEqualTo(Map.of("p", List.of("p"), "", List.of(""), "q", List.of("q")));
    }

    @Test
    void functionArgumentsAreSplitAtTheirCommas() {
        assertThat(v("max(1 + 2, 3 * 2, -1)")).isEqualTo(6L);
        assertThat(v("format(\"%s-%03d\", \"a\", 7)")).isEqualTo("a-007");
        assertThat(v("concat([1], [2, 3])")).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(v("element(split(\",\", \"a,b,c\"), 1)")).isEqualTo("b");
        assertThat(v("min([5, 2, 9]...)")).isEqualTo(2L);
        assertThat(v("max(4, -local.n)", "l.tf", "locals {\n  n = 7\n}\n")).isEqualTo(4L);
    }

    @Test
    void localsReferToEachOther() {
        assertThat(v("local.c", "l.tf", "locals {\n  a = \"x\"\n  b = \"${local.a}y\"\n}\nlocals {\n  c = upper(local.b)\n}\n")).isEqualTo("XY");
    }

    @Test
    void aLocalThatRefersToItselfIsUnresolved() {
        assertThat(v("local.a", "l.tf", "locals {\n  a = local.b\n  b = local.a\n}\n")).isInstanceOf(Unresolved.class);
    }

    @Test
    void anEvaluationErrorIsUnresolvedWithItsPlace() {
        Object v = v("local.m.missing", "l.tf", "locals {\n  m = { a = 1 }\n}\n");
        assertThat(Tf.reason(v)).contains("main.tf:2").contains("no attribute \"missing\"");
    }

    @Test
    void tryAndCan() {
        String locals = "locals {\n  m = { a = 1 }\n}\n";
        assertThat(v("try(local.m.b, local.m.a, 0)", "l.tf", locals)).isEqualTo(1L);
        assertThat(v("can(local.m.b)", "l.tf", locals)).isEqualTo(false);
        assertThat(v("can(local.m.a)", "l.tf", locals)).isEqualTo(true);
    }

    @Test
    void pathModuleOfTheRootIsDot() {
        assertThat(v("path.module")).isEqualTo(".");
        assertThat(v("terraform.workspace")).isEqualTo("default");
    }

    @Test
    void shapesTheLexerFlattensAreRestored() {
        String locals = "locals {\n  l = [\"p\", \"q\"]\n  k = \"kk\"\n}\n";
        assertThat(v("{ for s in local.l : s => \"v-${s}\" }", "l.tf", locals)).as("a template inside a for object")
                .isEqualTo(Map.of("p", "v-p", "q", "v-q"));
        assertThat(v("{ \"${local.k}\" = 1 }", "l.tf", locals)).as("an interpolated key").isEqualTo(Map.of("kk", 1L));
        assertThat(v("{\n    for s in\n    local.l : s => upper(s)\n  }", "l.tf", locals)).as("a for object over several lines")
                .isEqualTo(Map.of("p", "P", "q", "Q"));
        assertThat(v("merge([for s in local.l : { (s) = upper(s) }]...)", "l.tf", locals)).as("(expr) keys")
                .isEqualTo(Map.of("p", "P", "q", "Q"));
        assertThat(v("{\n    (local.k) = 1\n    other = 2\n  }", "l.tf", locals)).isEqualTo(Map.of("kk", 1L, "other", 2L));
        assertThat(v("(local.k == \"kk\" ?\n    (1) : (2))", "l.tf", locals)).as("not a key: the end of a conditional").isEqualTo(1L);
        assertThat(v("jsondecode(<<EOT\n{\"a\": \"${local.k}\"}\nEOT\n  )", "l.tf", locals)).as("a heredoc argument")
                .isEqualTo(Map.of("a", "kk"));
        assertThat(v("(\n    local.k == \"kk\"\n    ? 1\n    : 2\n  )", "l.tf", locals)).as("a conditional over several lines").isEqualTo(1L);
        assertThat(v("merge(\n    { a = 1 }, # one\n    { b = 2 },\n  )")).as("trailing commas and comments").isEqualTo(Map.of("a", 1L, "b", 2L));
        assertThat(v("[for k, v in { a = { n = 1 } } : { name = k, inner = { for i in [1, 2] : tostring(i) => v.n * i } }]"))
                .isEqualTo(List.of(Map.of("name", "a", "inner", Map.of("1", 1L, "2", 2L))));
    }
}
