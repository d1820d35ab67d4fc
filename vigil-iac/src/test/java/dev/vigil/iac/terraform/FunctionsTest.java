package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.Unresolved;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform's built-in functions; expected values are the examples of Terraform's function documentation. */
class FunctionsTest {
    @TempDir
    Path dir;

    private Object v(String expr) {
        return Tf.value(dir, expr);
    }

    @Test
    void strings() {
        assertThat(v("lower(\"HELLO\")")).isEqualTo("hello");
        assertThat(v("upper(\"hello\")")).isEqualTo("HELLO");
        assertThat(v("title(\"hello world\")")).isEqualTo("Hello World");
        assertThat(v("substr(\"hello world\", 1, 4)")).isEqualTo("ello");
        assertThat(v("trim(\"?!hello?!\", \"!?\")")).isEqualTo("hello");
        assertThat(v("trimspace(\"  hello\\n\")")).isEqualTo("hello");
        assertThat(v("trimprefix(\"helloworld\", \"hello\")")).isEqualTo("world");
        assertThat(v("trimsuffix(\"helloworld\", \"world\")")).isEqualTo("hello");
        assertThat(v("replace(\"1 + 2 + 3\", \"+\", \"-\")")).isEqualTo("1 - 2 - 3");
        assertThat(v("replace(\"hello world\", \"/w.*d/\", \"everybody\")")).isEqualTo("hello everybody");
        assertThat(v("join(\", \", [\"foo\", \"bar\", \"baz\"])")).isEqualTo("foo, bar, baz");
        assertThat(v("split(\",\", \"foo,bar,baz\")")).isEqualTo(List.of("foo", "bar", "baz"));
        assertThat(v("format(\"Hello, %s!\", \"Ander\")")).isEqualTo("Hello, Ander!");
        assertThat(v("format(\"There are %d lights\", 4)")).isEqualTo("There are 4 lights");
        assertThat(v("formatlist(\"Hello, %s!\", [\"Valentina\", \"Ander\"])")).isEqualTo(List.of("Hello, Valentina!", "Hello, Ander!"));
        assertThat(v("startswith(\"hello world\", \"hello\")")).isEqualTo(true);
        assertThat(v("endswith(\"hello world\", \"hello\")")).isEqualTo(false);
        assertThat(v("length(\"héllo\")")).isEqualTo(5L);
        assertThat(v("strrev(\"hello\")")).isEqualTo("olleh");
    }

    @Test
    void regularExpressions() {
        assertThat(v("regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")")).isEqualTo("aaabbbccc");
        assertThat(v("regexall(\"[a-z]+\", \"1234abcd5678efgh9\")")).isEqualTo(List.of("abcd", "efgh"));
        assertThat(v("regex(\"(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)\", \"2019-02-01\")")).isEqualTo(List.of("2019", "02", "01"));
        assertThat(v("regex(\"^(?P<scheme>[a-z]+)://(?P<host>[^/]+)\", \"https://terraform.io/docs/\")"))
                .isEqualTo(Map.of("scheme", "https", "host", "terraform.io"));
        assertThat(Tf.reason(v("regex(\"[0-9]+\", \"none\")"))).contains("did not match");
    }

    @Test
    void collections() {
        assertThat(v("merge({a = \"b\", c = \"d\"}, {e = \"f\", c = \"z\"})")).isEqualTo(Map.of("a", "b", "c", "z", "e", "f"));
        assertThat(v("lookup({a = \"ay\", b = \"bee\"}, \"a\", \"what?\")")).isEqualTo("ay");
        assertThat(v("lookup({a = \"ay\", b = \"bee\"}, \"c\", \"what?\")")).isEqualTo("what?");
        assertThat(v("flatten([[\"a\", \"b\"], [], [\"c\"]])")).isEqualTo(List.of("a", "b", "c"));
        assertThat(v("distinct([\"a\", \"b\", \"a\", \"c\", \"d\", \"b\"])")).isEqualTo(List.of("a", "b", "c", "d"));
        assertThat(v("zipmap([\"a\", \"b\"], [1, 2])")).isEqualTo(Map.of("a", 1L, "b", 2L));
        assertThat(v("range(3)")).isEqualTo(List.of(0L, 1L, 2L));
        assertThat(v("range(1, 4)")).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(v("range(0, 10, 5)")).isEqualTo(List.of(0L, 5L));
        assertThat(v("keys({a = 1, c = 2, d = 3})")).isEqualTo(List.of("a", "c", "d"));
        assertThat(v("values({a = 3, c = 2, d = 1})")).isEqualTo(List.of(3L, 2L, 1L));
        assertThat(v("coalesce(\"\", \"b\")")).isEqualTo("b");
        assertThat(v("coalescelist([], [\"x\"])")).isEqualTo(List.of("x"));
        assertThat(v("compact([\"a\", \"\", \"b\", null])")).isEqualTo(List.of("a", "b"));
        assertThat(v("contains([\"a\", \"b\"], \"b\")")).isEqualTo(true);
        assertThat(v("element([\"a\", \"b\", \"c\"], 3)")).isEqualTo("a");
        assertThat(v("length({a = 1})")).isEqualTo(1L);
        assertThat(v("toset([\"b\", \"a\", \"b\"])")).isEqualTo(List.of("a", "b"));
        assertThat(v("one([])")).isNull();
        assertThat(v("sum([1, 2, 3])")).isEqualTo(6L);
        assertThat(v("reverse([1, 2, 3])")).isEqualTo(List.of(3L, 2L, 1L));
        assertThat(v("slice([\"a\", \"b\", \"c\", \"d\"], 1, 3)")).isEqualTo(List.of("b", "c"));
        assertThat(v("setunion([\"a\", \"b\"], [\"b\", \"c\"])")).isEqualTo(List.of("a", "b", "c"));
        assertThat(v("alltrue([true, true])")).isEqualTo(true);
        assertThat(v("anytrue([false])")).isEqualTo(false);
        assertThat(v("index([\"a\", \"b\"], \"b\")")).isEqualTo(1L);
        assertThat(v("sort([\"e\", \"d\", \"a\"])")).isEqualTo(List.of("a", "d", "e"));
    }

    @Test
    void numbers() {
        assertThat(v("abs(-12.4)")).isEqualTo(12.4);
        assertThat(v("ceil(5.1)")).isEqualTo(6L);
        assertThat(v("floor(4.9)")).isEqualTo(4L);
        assertThat(v("max(12, 54, 3)")).isEqualTo(54L);
        assertThat(v("min(12, 54, 3)")).isEqualTo(3L);
        assertThat(v("pow(3, 2)")).isEqualTo(9L);
        assertThat(v("parseint(\"FF\", 16)")).isEqualTo(255L);
        assertThat(v("signum(-13)")).isEqualTo(-1L);
    }

    @Test
    void typeConversions() {
        assertThat(v("tonumber(\"42\")")).isEqualTo(42L);
        assertThat(v("tostring(5)")).isEqualTo("5");
        assertThat(v("tobool(\"true\")")).isEqualTo(true);
        assertThat(v("tolist([\"a\"])")).isEqualTo(List.of("a"));
        assertThat(v("tomap({a = 1})")).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void encodingsAndHashes() {
        assertThat(v("jsonencode({b = 1, a = [\"x\", true], c = null})")).isEqualTo("{\"a\":[\"x\",true],\"b\":1,\"c\":null}");
        assertThat(v("jsonencode(\"<b>\")")).isEqualTo("\"\\u003cb\\u003e\"");
        assertThat(v("jsondecode(\"{\\\"a\\\": [1, 2.5]}\")")).isEqualTo(Map.of("a", List.of(1L, 2.5)));
        assertThat(v("base64encode(\"Hello World\")")).isEqualTo("SGVsbG8gV29ybGQ=");
        assertThat(v("base64decode(\"SGVsbG8gV29ybGQ=\")")).isEqualTo("Hello World");
        assertThat(v("md5(\"hello world\")")).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
        assertThat(v("sha1(\"hello world\")")).isEqualTo("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed");
        assertThat(v("sha256(\"hello world\")")).isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
        assertThat(v("urlencode(\"Hello World!\")")).isEqualTo("Hello+World%21");
        assertThat(v("yamldecode(\"a: 1\\nb:\\n  - x\\n  - true\\n\")")).isEqualTo(Map.of("a", 1L, "b", List.of("x", true)));
        assertThat(v("yamldecode(yamlencode({ b = [\"x: y\"], a = 1 }))")).as("what yamlencode writes reads back the same")
                .isEqualTo(Map.of("a", 1L, "b", List.of("x: y")));
    }

    @Test
    void networks() {
        assertThat(v("cidrsubnet(\"10.0.0.0/16\", 8, 2)")).isEqualTo("10.0.2.0/24");
        assertThat(v("cidrsubnet(\"172.16.0.0/12\", 4, 2)")).isEqualTo("172.18.0.0/16");
        assertThat(v("cidrhost(\"10.12.112.0/20\", 16)")).isEqualTo("10.12.112.16");
        assertThat(v("cidrhost(\"10.12.112.0/20\", 268)")).isEqualTo("10.12.113.12");
        assertThat(v("cidrnetmask(\"172.16.0.0/12\")")).isEqualTo("255.240.0.0");
        assertThat(v("cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)")).isEqualTo(List.of("10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"));
        assertThat(v("cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162)")).isEqualTo("fd00:fd12:3456:7800:a200::/72");
    }

    @Test
    void functionsOfTimeOrChanceAreUnresolved() {
        assertThat(Tf.reason(v("timestamp()"))).contains("timestamp()");
        assertThat(Tf.reason(v("uuid()"))).contains("uuid()");
        assertThat(v("provider::aws::arn_parse(\"arn:aws:s3:::b\")")).isInstanceOf(Unresolved.class);
    }

    @Test
    void anUnresolvedArgumentMakesTheResultUnresolvedExceptWhereStructureIsEnough() {
        Object joined = Tf.value(dir, "join(\"-\", [var.a, \"b\"])", "v.tf", "variable \"a\" {}\n");
        assertThat(Tf.reason(joined)).contains("var.a has no value");
        Object merged = Tf.value(dir, "merge({ a = var.a }, { b = 1 })", "v.tf", "variable \"a\" {}\n");
        assertThat(merged).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) merged).get("b")).isEqualTo(1L);
        assertThat(((Map<?, ?>) merged).get("a")).isInstanceOf(Unresolved.class);
        assertThat(Tf.value(dir, "length([var.a, 2])", "v.tf", "variable \"a\" {}\n")).isEqualTo(2L);
    }

    @Test
    void filesAreReadOnlyInsideTheScannedTree() {
        Tf.write(dir, "policy.json", "{\"Statement\": []}", "greeting.tpl", "Hello, ${name}!%{ for x in items } ${x}%{ endfor }");
        assertThat(v("file(\"${path.module}/policy.json\")")).isEqualTo("{\"Statement\": []}");
        assertThat(v("templatefile(\"greeting.tpl\", { name = \"you\", items = [1, 2] })")).isEqualTo("Hello, you! 1 2");
        assertThat(Tf.reason(v("file(\"/etc/hostname\")"))).contains("outside the scanned files");
        assertThat(Tf.reason(v("file(\"../outside.txt\")"))).contains("outside the scanned files");
        assertThat(Arrays.asList(1)).isNotEmpty();
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aRegularExpressionThatWouldBacktrackForEverGivesUp() {
        // Java's engine backtracks through (.*a){12} for minutes on this input; RE2 would not
        Object v = v("regex(\"(.*a){12}$\", \"" + "a".repeat(40) + "b\")");
        assertThat(Tf.reason(v)).contains("takes too long");
    }

    @Test
    void aModuleReadsItsOwnFilesEvenOutsideTheScannedDirectoryButALinkOutIsNotFollowed() throws Exception {
        Tf.write(dir,
                "infra/main.tf", "module \"p\" {\n  source = \"../modules/pol\"\n}\n",
                "modules/pol/main.tf", "resource \"aws_iam_policy\" \"p\" {\n  policy = file(\"${path.module}/policy.json\")\n  other = file(\"${path.module}/link.json\")\n}\n",
                "modules/pol/policy.json", "{\"Version\": \"2012-10-17\"}",
                "secret.txt", "not for you");
        java.nio.file.Files.createSymbolicLink(dir.resolve("modules/pol/link.json"), dir.resolve("secret.txt"));
        TerraformModules.Result r = new TerraformModules(dev.vigil.iac.IacOptions.none()).evaluate(Tf.files(dir.resolve("infra")));
        Map<String, Object> p = Tf.attrs(r, "module.p.aws_iam_policy.p");
        assertThat(p.get("policy")).isEqualTo("{\"Version\": \"2012-10-17\"}");
        assertThat(Tf.reason(p.get("other"))).contains("outside the scanned files");
    }
}
