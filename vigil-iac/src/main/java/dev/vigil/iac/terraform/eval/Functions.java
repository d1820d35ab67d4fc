package dev.vigil.iac.terraform.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.eval.Values.EvalError;
import dev.vigil.iac.terraform.hcl.HclFile;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terraform's built-in functions that Vigil evaluates, and the ones it knows but leaves
 * unresolved (time, randomness, files outside what is read). A name in neither list is not a
 * Terraform function: the caller reports it as bad input.
 */
final class Functions {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Functions that exist in Terraform but whose result Vigil does not compute. */
    private static final Set<String> NOT_EVALUATED = Set.of("timestamp", "plantimestamp", "uuid", "uuidv5", "bcrypt", "formatdate", "timeadd",
            "timecmp", "csvdecode", "rsadecrypt", "base64gzip", "fileset", "filebase64", "filemd5", "filesha1",
            "filesha256", "filesha512", "filebase64sha256", "filebase64sha512", "textdecodebase64", "textencodebase64", "setproduct", "templatestring",
            "type", "ephemeralasnull", "abspath", "pathexpand", "log", "base64sha512", "sha512", "transpose", "matchkeys", "chunklist", "list", "map");

    private static final Set<String> EVALUATED = Set.of("abs", "ceil", "floor", "max", "min", "parseint", "pow", "signum", "chomp", "endswith",
            "format", "formatlist", "indent", "join", "lower", "regex", "regexall", "replace", "split", "startswith", "strcontains", "strrev", "substr",
            "title", "trim", "trimprefix", "trimsuffix", "trimspace", "upper", "alltrue", "anytrue", "coalesce", "coalescelist", "compact", "concat",
            "contains", "distinct", "element", "flatten", "index", "keys", "length", "lookup", "merge", "one", "range", "reverse", "setintersection",
            "setsubtract", "setunion", "slice", "sort", "sum", "values", "zipmap", "base64decode", "base64encode", "jsondecode", "jsonencode",
            "urlencode", "yamlencode", "yamldecode", "dirname", "basename", "file", "fileexists", "templatefile", "md5", "sha1", "sha256", "base64sha256", "cidrhost",
            "cidrnetmask", "cidrsubnet", "cidrsubnets", "tobool", "tolist", "tomap", "tonumber", "toset", "tostring", "sensitive", "nonsensitive",
            "issensitive");

    /** Functions whose arguments may hold unresolved values inside without making the whole result unresolved. */
    private static final Set<String> STRUCTURAL = Set.of("merge", "concat", "lookup", "element", "length", "keys", "values", "tolist", "tomap",
            "zipmap", "coalescelist", "slice", "reverse", "sensitive", "nonsensitive", "flatten", "one");

    private Functions() {
    }

    static boolean exists(String name) {
        return EVALUATED.contains(name) || NOT_EVALUATED.contains(name);
    }

    static Object call(String name, List<Object> a, Evaluator ev, int line) {
        if (NOT_EVALUATED.contains(name)) return Unresolved.because(name + "() is not evaluated by Vigil");
        for (Object o : a) if (o instanceof Unresolved u) return u;
        if (!STRUCTURAL.contains(name)) {
            for (Object o : a) {
                Unresolved u = Values.unresolvedIn(o);
                if (u != null) return u;
            }
        }
        return switch (name) {
            // numbers
            case "abs" -> { Object n = Values.num(arg(a, 0, name)); yield n instanceof Long l ? (Object) Math.abs(l) : (Object) Math.abs((Double) n); }
            case "ceil" -> Values.normalize(Math.ceil(Values.dbl(arg(a, 0, name))));
            case "floor" -> Values.normalize(Math.floor(Values.dbl(arg(a, 0, name))));
            case "max", "min" -> {
                if (a.isEmpty()) throw new EvalError(name + "() needs at least one number");
                Object best = Values.num(a.get(0));
                for (Object o : a) {
                    Object n = Values.num(o);
                    double c = Double.compare(((Number) n).doubleValue(), ((Number) best).doubleValue());
                    if (name.equals("max") ? c > 0 : c < 0) best = n;
                }
                yield best;
            }
            case "parseint" -> {
                try {
                    yield Long.parseLong(Values.str(arg(a, 0, name)), (int) Values.integer(arg(a, 1, name)));
                } catch (NumberFormatException e) {
                    throw new EvalError("parseint: " + a.get(0) + " is not a number in base " + a.get(1));
                }
            }
            case "pow" -> Values.normalize(Math.pow(Values.dbl(arg(a, 0, name)), Values.dbl(arg(a, 1, name))));
            case "signum" -> (long) Math.signum(Values.dbl(arg(a, 0, name)));
            // strings
            case "chomp" -> Values.str(arg(a, 0, name)).replaceAll("(\\r?\\n)+$", "");
            case "endswith" -> Values.str(arg(a, 0, name)).endsWith(Values.str(arg(a, 1, name)));
            case "startswith" -> Values.str(arg(a, 0, name)).startsWith(Values.str(arg(a, 1, name)));
            case "strcontains" -> Values.str(arg(a, 0, name)).contains(Values.str(arg(a, 1, name)));
            case "format" -> format(Values.str(arg(a, 0, name)), a.subList(1, a.size()));
            case "formatlist" -> formatlist(a);
            case "indent" -> {
                String pad = " ".repeat((int) Values.integer(arg(a, 0, name)));
                yield Values.str(arg(a, 1, name)).replace("\n", "\n" + pad);
            }
            case "join" -> {
                String sep = Values.str(arg(a, 0, name));
                List<String> parts = new ArrayList<>();
                for (int i = 1; i < a.size(); i++) for (Object o : Values.list(a.get(i))) parts.add(Values.str(o));
                yield String.join(sep, parts);
            }
            case "lower" -> Values.str(arg(a, 0, name)).toLowerCase(Locale.ROOT);
            case "upper" -> Values.str(arg(a, 0, name)).toUpperCase(Locale.ROOT);
            case "title" -> title(Values.str(arg(a, 0, name)));
            case "regex" -> regex(Values.str(arg(a, 0, name)), Values.str(arg(a, 1, name)), false);
            case "regexall" -> regex(Values.str(arg(a, 0, name)), Values.str(arg(a, 1, name)), true);
            case "replace" -> replace(Values.str(arg(a, 0, name)), Values.str(arg(a, 1, name)), Values.str(arg(a, 2, name)));
            case "split" -> {
                String sep = Values.str(arg(a, 0, name));
                String s = Values.str(arg(a, 1, name));
                List<Object> out = new ArrayList<>();
                if (sep.isEmpty()) {
                    s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
                } else {
                    int from = 0;
                    while (true) {
                        int i = s.indexOf(sep, from);
                        if (i < 0) break;
                        out.add(s.substring(from, i));
                        from = i + sep.length();
                    }
                    out.add(s.substring(from));
                }
                yield out;
            }
            case "strrev" -> new StringBuilder(Values.str(arg(a, 0, name))).reverse().toString();
            case "substr" -> substr(Values.str(arg(a, 0, name)), Values.integer(arg(a, 1, name)), Values.integer(arg(a, 2, name)));
            case "trim" -> trim(Values.str(arg(a, 0, name)), Values.str(arg(a, 1, name)));
            case "trimprefix" -> {
                String s = Values.str(arg(a, 0, name)), p = Values.str(arg(a, 1, name));
                yield s.startsWith(p) ? s.substring(p.length()) : s;
            }
            case "trimsuffix" -> {
                String s = Values.str(arg(a, 0, name)), p = Values.str(arg(a, 1, name));
                yield s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
            }
            case "trimspace" -> Values.str(arg(a, 0, name)).strip();
            // collections
            case "alltrue" -> {
                for (Object o : Values.list(arg(a, 0, name))) if (!Values.bool(o)) yield false;
                yield true;
            }
            case "anytrue" -> {
                for (Object o : Values.list(arg(a, 0, name))) if (Values.bool(o)) yield true;
                yield false;
            }
            case "coalesce" -> {
                for (Object o : a) if (o != null && !"".equals(o)) yield o;
                throw new EvalError("no non-null, non-empty argument to coalesce()");
            }
            case "coalescelist" -> {
                for (Object o : a) if (o instanceof List<?> l && !l.isEmpty()) yield l;
                throw new EvalError("no non-empty list argument to coalescelist()");
            }
            case "compact" -> {
                List<Object> out = new ArrayList<>();
                for (Object o : Values.list(arg(a, 0, name))) if (o != null && !"".equals(o)) out.add(o);
                yield out;
            }
            case "concat" -> {
                List<Object> out = new ArrayList<>();
                for (Object o : a) out.addAll(Values.list(o));
                yield out;
            }
            case "contains" -> {
                for (Object o : Values.list(arg(a, 0, name))) if (Values.equal(o, arg(a, 1, name))) yield true;
                yield false;
            }
            case "distinct" -> distinct(Values.list(arg(a, 0, name)));
            case "element" -> {
                List<Object> l = Values.list(arg(a, 0, name));
                if (l.isEmpty()) throw new EvalError("element() of an empty list");
                long i = Values.integer(arg(a, 1, name));
                if (i < 0) throw new EvalError("element() index must not be negative");
                yield l.get((int) (i % l.size()));
            }
            case "flatten" -> {
                List<Object> out = new ArrayList<>();
                flatten(Values.list(arg(a, 0, name)), out);
                yield out;
            }
            case "index" -> {
                List<Object> l = Values.list(arg(a, 0, name));
                for (int i = 0; i < l.size(); i++) if (Values.equal(l.get(i), arg(a, 1, name))) yield (long) i;
                throw new EvalError("index(): the value is not in the list");
            }
            case "keys" -> {
                List<Object> ks = new ArrayList<>(Values.map(arg(a, 0, name)).keySet());
                ks.sort(null);
                yield ks;
            }
            case "values" -> {
                Map<String, Object> m = Values.map(arg(a, 0, name));
                List<Object> out = new ArrayList<>();
                for (String k : new TreeMap<>(m).keySet()) out.add(m.get(k));
                yield out;
            }
            case "length" -> {
                Object v = arg(a, 0, name);
                if (v instanceof String s) yield (long) s.codePointCount(0, s.length());
                if (v instanceof Map<?, ?> m) yield (long) m.size();
                if (v instanceof Values.Instance i) yield (long) i.attributes().size();
                yield (long) Values.list(v).size();
            }
            case "lookup" -> {
                Map<String, Object> m = Values.map(arg(a, 0, name));
                Object k = arg(a, 1, name);
                String key = Values.str(k);
                if (m.containsKey(key)) yield m.get(key);
                if (a.size() > 2) yield a.get(2);
                throw new EvalError("lookup(): the map has no key \"" + key + "\" and no default was given");
            }
            case "merge" -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Object o : a) if (o != null) out.putAll(Values.map(o));
                yield out;
            }
            case "one" -> {
                List<Object> l = Values.list(arg(a, 0, name));
                if (l.size() > 1) throw new EvalError("one() of a list of " + l.size());
                yield l.isEmpty() ? null : l.get(0);
            }
            case "range" -> range(a);
            case "reverse" -> {
                List<Object> l = new ArrayList<>(Values.list(arg(a, 0, name)));
                Collections.reverse(l);
                yield l;
            }
            case "setintersection" -> {
                List<Object> out = distinct(Values.list(arg(a, 0, name)));
                for (int i = 1; i < a.size(); i++) {
                    List<Object> other = Values.list(a.get(i));
                    out.removeIf(x -> other.stream().noneMatch(y -> Values.equal(x, y)));
                }
                yield out;
            }
            case "setsubtract" -> {
                List<Object> out = distinct(Values.list(arg(a, 0, name)));
                List<Object> other = Values.list(arg(a, 1, name));
                out.removeIf(x -> other.stream().anyMatch(y -> Values.equal(x, y)));
                yield out;
            }
            case "setunion" -> {
                List<Object> all = new ArrayList<>();
                for (Object o : a) all.addAll(Values.list(o));
                yield distinct(all);
            }
            case "slice" -> {
                List<Object> l = Values.list(arg(a, 0, name));
                long from = Values.integer(arg(a, 1, name)), to = Values.integer(arg(a, 2, name));
                if (from < 0 || to > l.size() || from > to) throw new EvalError("slice() indexes out of range");
                yield new ArrayList<>(l.subList((int) from, (int) to));
            }
            case "sort" -> {
                List<String> l = new ArrayList<>();
                for (Object o : Values.list(arg(a, 0, name))) l.add(Values.str(o));
                Collections.sort(l);
                yield new ArrayList<Object>(l);
            }
            case "sum" -> {
                double s = 0;
                boolean whole = true;
                long ls = 0;
                for (Object o : Values.list(arg(a, 0, name))) {
                    Object n = Values.num(o);
                    if (n instanceof Long l) ls += l;
                    else whole = false;
                    s += ((Number) n).doubleValue();
                }
                yield whole ? (Object) ls : Values.normalize(s);
            }
            case "zipmap" -> {
                List<Object> ks = Values.list(arg(a, 0, name)), vs = Values.list(arg(a, 1, name));
                if (ks.size() != vs.size()) throw new EvalError("zipmap(): the lists differ in length");
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < ks.size(); i++) {
                    if (ks.get(i) instanceof Unresolved u) yield u;
                    out.put(Values.str(ks.get(i)), vs.get(i));
                }
                yield out;
            }
            // encodings
            case "base64encode" -> Base64.getEncoder().encodeToString(Values.str(arg(a, 0, name)).getBytes(StandardCharsets.UTF_8));
            case "base64decode" -> {
                try {
                    yield new String(Base64.getDecoder().decode(Values.str(arg(a, 0, name))), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new EvalError("base64decode(): not valid base64");
                }
            }
            case "jsonencode" -> jsonencode(arg(a, 0, name));
            case "jsondecode" -> jsondecode(Values.str(arg(a, 0, name)));
            case "yamlencode" -> yamlencode(arg(a, 0, name));
            case "yamldecode" -> yamldecode(Values.str(arg(a, 0, name)));
            case "urlencode" -> URLEncoder.encode(Values.str(arg(a, 0, name)), StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
            // files
            case "dirname" -> {
                String p = Values.str(arg(a, 0, name));
                int i = p.lastIndexOf('/');
                yield i < 0 ? "." : i == 0 ? "/" : p.substring(0, i);
            }
            case "basename" -> {
                String p = Values.str(arg(a, 0, name));
                yield p.substring(p.lastIndexOf('/') + 1);
            }
            case "file" -> {
                Evaluator.FileText f = ev.scope().readFile(Values.str(arg(a, 0, name)), line);
                yield f == null ? Unresolved.because("file(\"" + a.get(0) + "\") is outside the scanned files or missing") : f.text();
            }
            case "fileexists" -> {
                Evaluator.FileText f = ev.scope().readFile(Values.str(arg(a, 0, name)), line);
                yield f == null ? Unresolved.because("fileexists(\"" + a.get(0) + "\") is outside the scanned files") : Boolean.TRUE;
            }
            case "templatefile" -> {
                Evaluator.FileText f = ev.scope().readFile(Values.str(arg(a, 0, name)), line);
                if (f == null) yield Unresolved.because("templatefile(\"" + a.get(0) + "\") is outside the scanned files or missing");
                Map<String, Object> vars = a.size() > 1 ? Values.map(a.get(1)) : Map.of();
                yield ev.renderTemplate(HclFile.template(f.file(), f.text(), 1), vars);
            }
            // hashes
            case "md5" -> hex("MD5", Values.str(arg(a, 0, name)));
            case "sha1" -> hex("SHA-1", Values.str(arg(a, 0, name)));
            case "sha256" -> hex("SHA-256", Values.str(arg(a, 0, name)));
            case "base64sha256" -> Base64.getEncoder().encodeToString(digest("SHA-256", Values.str(arg(a, 0, name))));
            // networks
            case "cidrhost" -> cidrhost(Values.str(arg(a, 0, name)), Values.integer(arg(a, 1, name)));
            case "cidrnetmask" -> cidrnetmask(Values.str(arg(a, 0, name)));
            case "cidrsubnet" -> cidrsubnet(Values.str(arg(a, 0, name)), (int) Values.integer(arg(a, 1, name)), BigInteger.valueOf(Values.integer(arg(a, 2, name))));
            case "cidrsubnets" -> cidrsubnets(a);
            // types
            case "tobool" -> arg(a, 0, name) == null ? null : Values.bool(a.get(0));
            case "tonumber" -> arg(a, 0, name) == null ? null : Values.num(a.get(0));
            case "tostring" -> {
                Object v = arg(a, 0, name);
                if (v instanceof List<?> || v instanceof Map<?, ?>) throw new EvalError("tostring() of a " + Values.typeName(v));
                yield v == null ? null : Values.str(v);
            }
            case "tolist" -> arg(a, 0, name) == null ? null : new ArrayList<>(Values.list(a.get(0)));
            case "toset" -> arg(a, 0, name) == null ? null : toset(Values.list(a.get(0)));
            case "tomap" -> arg(a, 0, name) == null ? null : new LinkedHashMap<>(Values.map(a.get(0)));
            case "sensitive", "nonsensitive" -> arg(a, 0, name);
            case "issensitive" -> false;
            default -> throw new EvalError("function " + name + "() is not implemented");
        };
    }

    private static Object arg(List<Object> a, int i, String fn) {
        if (i >= a.size()) throw new EvalError(fn + "() needs at least " + (i + 1) + " argument" + (i == 0 ? "" : "s"));
        return a.get(i);
    }

    /** toset: Terraform sets of strings iterate in lexical order; numbers become strings only when mixed. */
    private static List<Object> toset(List<Object> l) {
        List<Object> d = distinct(l);
        boolean allStrings = d.stream().allMatch(o -> o instanceof String);
        if (allStrings) {
            List<Object> sorted = new ArrayList<>(d);
            sorted.sort((x, y) -> ((String) x).compareTo((String) y));
            return sorted;
        }
        return d;
    }

    private static List<Object> distinct(List<Object> l) {
        List<Object> out = new ArrayList<>();
        for (Object o : l) {
            if (o instanceof Unresolved u) return new ArrayList<>(List.of(u));
            if (out.stream().noneMatch(x -> Values.equal(x, o))) out.add(o);
        }
        return out;
    }

    private static void flatten(List<Object> in, List<Object> out) {
        for (Object o : in) {
            if (o instanceof List<?> l) flatten(Values.list(l), out);
            else out.add(o);
        }
    }

    private static Object range(List<Object> a) {
        double start = 0, end, step = 1;
        if (a.size() == 1) {
            end = Values.dbl(a.get(0));
        } else if (a.size() == 2 || a.size() == 3) {
            start = Values.dbl(a.get(0));
            end = Values.dbl(a.get(1));
            if (a.size() == 3) step = Values.dbl(a.get(2));
        } else {
            throw new EvalError("range() takes 1 to 3 arguments");
        }
        if (step == 0) throw new EvalError("range() step must not be zero");
        List<Object> out = new ArrayList<>();
        if (start < end && step < 0 || start > end && step > 0) throw new EvalError("range() step goes the wrong way");
        for (double v = start; step > 0 ? v < end : v > end; v += step) {
            out.add(Values.normalize(v));
            if (out.size() > 1024) throw new EvalError("range() of more than 1024 elements");
        }
        return out;
    }

    private static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            b.append(start && Character.isLetter(c) ? Character.toUpperCase(c) : c);
            start = !Character.isLetterOrDigit(c);
        }
        return b.toString();
    }

    private static String substr(String s, long offset, long length) {
        int[] cps = s.codePoints().toArray();
        int n = cps.length;
        long from = offset < 0 ? n + offset : offset;
        if (from < 0 || from > n) throw new EvalError("substr(): offset out of range");
        long to = length < 0 ? n : Math.min(n, from + length);
        return new String(cps, (int) from, (int) (to - from));
    }

    private static String trim(String s, String cut) {
        int i = 0, j = s.length();
        while (i < j && cut.indexOf(s.charAt(i)) >= 0) i++;
        while (j > i && cut.indexOf(s.charAt(j - 1)) >= 0) j--;
        return s.substring(i, j);
    }

    /** Terraform regular expressions are RE2; Java's cover the common subset once named groups are renamed. */
    private static Pattern pattern(String re) {
        try {
            return Pattern.compile(re.replace("(?P<", "(?<"));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new EvalError("invalid regular expression: " + e.getDescription());
        }
    }

    /**
     * The subject of a regular expression match, counting how often the matcher reads it: a
     * pattern written to backtrack for ever (RE2, Terraform's engine, cannot; Java's can) fails
     * after a bounded amount of work instead of stalling the scan.
     */
    private static final class Bounded implements CharSequence {
        private final String s;
        private final long[] budget;

        Bounded(String s) {
            this(s, new long[]{20_000_000L});
        }

        private Bounded(String s, long[] budget) {
            this.s = s;
            this.budget = budget;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) throw new EvalError("the regular expression takes too long to evaluate");
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(s.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    private static String replace(String s, String search, String repl) {
        if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
            Pattern p = pattern(search.substring(1, search.length() - 1));
            return p.matcher(new Bounded(s)).replaceAll(repl.replaceAll("\\$\\{(\\w+)}", "\\${$1}").replace("\\", "\\\\"));
        }
        return s.replace(search, repl);
    }

    private static Object regex(String re, String s, boolean all) {
        Pattern p = pattern(re);
        Matcher m = p.matcher(new Bounded(s));
        List<String> names = new ArrayList<>();
        Matcher nm = Pattern.compile("\\(\\?P?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(re);
        while (nm.find()) names.add(nm.group(1));
        List<Object> out = new ArrayList<>();
        while (m.find()) {
            Object one;
            if (m.groupCount() == 0) {
                one = m.group();
            } else if (!names.isEmpty()) {
                Map<String, Object> g = new LinkedHashMap<>();
                for (String n : names) g.put(n, m.group(n));
                one = g;
            } else {
                List<Object> g = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) g.add(m.group(i));
                one = g;
            }
            if (!all) return one;
            out.add(one);
        }
        if (!all) throw new EvalError("regex(): the pattern did not match");
        return out;
    }

    static String format(String fmt, List<Object> args) {
        StringBuilder b = new StringBuilder();
        int ai = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') {
                b.append('%');
                i++;
                continue;
            }
            int j = i + 1;
            while (j < fmt.length() && "+-# 0123456789.[]".indexOf(fmt.charAt(j)) >= 0) j++;
            if (j >= fmt.length()) throw new EvalError("format(): unfinished verb");
            String flags = fmt.substring(i + 1, j).replaceAll("\\[\\d+]", "");
            char verb = fmt.charAt(j);
            if (ai >= args.size()) throw new EvalError("format(): not enough arguments");
            Object v = args.get(ai++);
            String spec = "%" + flags;
            b.append(switch (verb) {
                case 's' -> String.format(spec + "s", Values.str(v));
                case 'd' -> String.format(spec + "d", Values.integer(v));
                case 'f', 'e', 'g' -> String.format(spec + verb, Values.dbl(v));
                case 't' -> String.valueOf(Values.bool(v));
                case 'q' -> jsonencode(Values.str(v));
                case 'v' -> v instanceof String || v instanceof Number || v instanceof Boolean ? Values.str(v) : jsonencode(v);
                case 'x' -> v instanceof String s ? HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8)) : Long.toHexString(Values.integer(v));
                case 'o' -> Long.toOctalString(Values.integer(v));
                case 'b' -> Long.toBinaryString(Values.integer(v));
                default -> throw new EvalError("format(): unsupported verb %" + verb);
            });
            i = j;
        }
        return b.toString();
    }

    private static Object formatlist(List<Object> a) {
        String fmt = Values.str(arg(a, 0, "formatlist"));
        int n = -1;
        for (int i = 1; i < a.size(); i++) {
            if (a.get(i) instanceof List<?> l) {
                if (n >= 0 && l.size() != n) throw new EvalError("formatlist(): the lists differ in length");
                n = l.size();
            }
        }
        if (n < 0) n = 1;
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<Object> args = new ArrayList<>();
            for (int i = 1; i < a.size(); i++) args.add(a.get(i) instanceof List<?> l ? l.get(k) : a.get(i));
            out.add(format(fmt, args));
        }
        return out;
    }

    /** Like Terraform's jsonencode: object keys in lexical order, no spaces, HTML characters escaped. */
    static String jsonencode(Object v) {
        try {
            return JSON.writeValueAsString(sorted(Values.plain(v))).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new EvalError("jsonencode(): " + e.getOriginalMessage());
        }
    }

    private static Object sorted(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), sorted(e.getValue()));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(sorted(o));
            return out;
        }
        return v;
    }

    /** YAML in block style with object keys in lexical order, as Terraform writes it (quoting may differ in detail). */
    static String yamlencode(Object v) {
        org.yaml.snakeyaml.DumperOptions o = new org.yaml.snakeyaml.DumperOptions();
        o.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        o.setIndicatorIndent(0);
        return new org.yaml.snakeyaml.Yaml(o).dump(sorted(Values.plain(v)));
    }

    /**
     * YAML read with SnakeYAML's safe constructor (no types, alias expansion bounded). A value YAML
     * types beyond Terraform's (a timestamp, binary) is not guessed at.
     */
    static Object yamldecode(String s) {
        try {
            org.yaml.snakeyaml.LoaderOptions lo = new org.yaml.snakeyaml.LoaderOptions();
            Object v = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(lo)).load(s);
            return fromYaml(v);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new EvalError("yamldecode(): not valid YAML (" + Values.oneLine(e.getMessage()) + ")");
        }
    }

    private static Object fromYaml(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof java.math.BigInteger b) return b.bitLength() < 63 ? (Object) b.longValue() : (Object) b.doubleValue();
        if (v instanceof Number n) return Values.normalize(n);
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(fromYaml(o));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), fromYaml(e.getValue()));
            return out;
        }
        return Unresolved.because("yamldecode(): a " + v.getClass().getSimpleName() + " value is not decoded by Vigil");
    }

    static Object jsondecode(String s) {
        try {
            return fromJson(JSON.readTree(s));
        } catch (JsonProcessingException e) {
            throw new EvalError("jsondecode(): not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    static Object fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isTextual()) return n.textValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber()) return n.longValue();
        if (n.isNumber()) return Values.normalize(n.doubleValue());
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode x : n) out.add(fromJson(x));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), fromJson(e.getValue()));
        }
        return out;
    }

    private static byte[] digest(String alg, String s) {
        try {
            return MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(String alg, String s) {
        return HexFormat.of().formatHex(digest(alg, s));
    }

    // ---------------------------------------------------------------- CIDR arithmetic (IPv4 and IPv6)

    private record Net(BigInteger base, int prefix, int bits) {
    }

    private static Net net(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) throw new EvalError("\"" + cidr + "\" is not a CIDR prefix");
        String ip = cidr.substring(0, slash);
        try {
            byte[] addr = literalAddress(ip);
            int bits = addr.length * 8;
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > bits) throw new EvalError("\"" + cidr + "\" has an invalid prefix length");
            BigInteger v = new BigInteger(1, addr);
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
            return new Net(v.and(mask).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)), prefix, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new EvalError("\"" + cidr + "\" is not a CIDR prefix");
        }
    }

    /** Parses an address literal without any name lookup (InetAddress.getByName resolves anything that is not an IPv6 literal). */
    private static byte[] literalAddress(String ip) throws UnknownHostException {
        if (ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] p = ip.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(p[i]);
                if (v > 255) throw new UnknownHostException(ip);
                b[i] = (byte) v;
            }
            return b;
        }
        if (ip.contains(":") && ip.matches("[0-9a-fA-F:.]+")) return InetAddress.getByName("[" + ip + "]").getAddress();
        throw new UnknownHostException(ip);
    }

    private static String addr(BigInteger v, int bits) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[bits / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            String s = InetAddress.getByAddress(out).getHostAddress();
            return bits == 128 ? compressV6(s) : s;
        } catch (UnknownHostException e) {
            throw new EvalError("bad address");
        }
    }

    /** RFC 5952 form: Java already drops leading zeros; the longest run of zero groups becomes "::". */
    private static String compressV6(String s) {
        Matcher m = Pattern.compile("(?:^|:)(0(?::0)+)(?=:|$)").matcher(s);
        int bestStart = -1, bestEnd = -1;
        while (m.find()) {
            if (m.end(1) - m.start(1) > bestEnd - bestStart) {
                bestStart = m.start(1);
                bestEnd = m.end(1);
            }
        }
        if (bestStart < 0) return s;
        String left = s.substring(0, bestStart).replaceAll(":$", "");
        String right = s.substring(bestEnd).replaceAll("^:", "");
        return left + "::" + right;
    }

    private static String cidrhost(String cidr, long host) {
        Net n = net(cidr);
        BigInteger size = BigInteger.ONE.shiftLeft(n.bits() - n.prefix());
        BigInteger h = BigInteger.valueOf(host);
        if (h.signum() < 0) h = size.add(h);
        if (h.signum() < 0 || h.compareTo(size) >= 0) throw new EvalError("cidrhost(): host number " + host + " does not fit in " + cidr);
        return addr(n.base().add(h), n.bits());
    }

    private static String cidrnetmask(String cidr) {
        Net n = net(cidr);
        if (n.bits() != 32) throw new EvalError("cidrnetmask() only works with IPv4");
        BigInteger mask = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE).shiftRight(n.prefix()).not().and(BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE));
        return addr(mask, 32);
    }

    private static String cidrsubnet(String cidr, int newbits, BigInteger num) {
        Net n = net(cidr);
        int prefix = n.prefix() + newbits;
        if (prefix > n.bits()) throw new EvalError("cidrsubnet(): " + newbits + " more bits do not fit in " + cidr);
        if (num.signum() < 0 || num.compareTo(BigInteger.ONE.shiftLeft(newbits)) >= 0) throw new EvalError("cidrsubnet(): network number " + num + " does not fit in " + newbits + " bits");
        BigInteger v = n.base().or(num.shiftLeft(n.bits() - prefix));
        return addr(v, n.bits()) + "/" + prefix;
    }

    private static Object cidrsubnets(List<Object> a) {
        String cidr = Values.str(arg(a, 0, "cidrsubnets"));
        Net n = net(cidr);
        List<Object> out = new ArrayList<>();
        BigInteger next = n.base();
        for (int i = 1; i < a.size(); i++) {
            int prefix = n.prefix() + (int) Values.integer(a.get(i));
            if (prefix > n.bits()) throw new EvalError("cidrsubnets(): too many bits");
            BigInteger size = BigInteger.ONE.shiftLeft(n.bits() - prefix);
            BigInteger rem = next.subtract(n.base()).mod(size);
            if (rem.signum() != 0) next = next.add(size.subtract(rem));
            out.add(addr(next, n.bits()) + "/" + prefix);
            next = next.add(size);
        }
        if (next.subtract(n.base()).compareTo(BigInteger.ONE.shiftLeft(n.bits() - n.prefix())) > 0) throw new EvalError("cidrsubnets(): the subnets do not fit in " + cidr);
        return out;
    }

}
