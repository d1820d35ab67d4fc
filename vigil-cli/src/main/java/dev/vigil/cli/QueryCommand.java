package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.store.QuerySink;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil query "SELECT ..."}: one read-only statement over the store's views (docs/store.md),
 * printed as a table, JSON or CSV.
 */
@Command(name = "query", description = {
        "Runs one read-only SQL statement (SELECT or WITH) on the findings store and prints its rows.",
        "Views: v_scans, v_inventory, v_resources, v_results, v_findings, v_finding_history (see docs/store.md).",
        "Example: vigil query \"SELECT severity, COUNT(*) AS n FROM v_findings WHERE is_open = 1 GROUP BY severity\""})
final class QueryCommand implements Callable<Integer> {
    enum Format { table, json, csv }

    /** Longest cell a table shows; JSON and CSV are never cut. */
    static final int MAX_CELL = 80;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions db;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json (an array of objects) or csv (RFC 4180, a header row). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Parameters(paramLabel = "SQL", arity = "1..*", description = "The statement (words given separately are joined with spaces).")
    List<String> sql;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String statement = String.join(" ", sql);
        try (Store store = db.open()) {
            QuerySink sink = switch (format) {
                case table -> new Table(out);
                case json -> new Json(out);
                case csv -> new Csv(out);
            };
            long rows = store.query(statement, sink);
            if (sink instanceof Finish f) f.finish(rows);
        }
        out.flush();
        return Vigil.OK;
    }

    interface Finish {
        void finish(long rows);
    }

    static String text(Object v) {
        if (v == null) return "";
        if (v instanceof java.math.BigDecimal d) return d.toPlainString();
        return v.toString();
    }

    /** Aligned columns, numbers to the right; reads every row first to size the columns. */
    static final class Table implements QuerySink, Finish {
        private final PrintWriter out;
        private List<String> columns = List.of();
        private final List<List<Object>> rows = new ArrayList<>();

        Table(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void columns(List<String> names) {
            columns = names;
        }

        @Override
        public void row(List<Object> values) {
            rows.add(values);
        }

        private static String cell(Object v) {
            String s = text(v).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
            return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 3) + "..." : s;
        }

        @Override
        public void finish(long count) {
            int n = columns.size();
            int[] width = new int[n];
            boolean[] numeric = new boolean[n];
            for (int i = 0; i < n; i++) {
                width[i] = columns.get(i).length();
                numeric[i] = !rows.isEmpty();
            }
            List<String[]> cells = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                String[] c = new String[n];
                for (int i = 0; i < n; i++) {
                    Object v = row.get(i);
                    c[i] = cell(v);
                    width[i] = Math.max(width[i], c[i].length());
                    if (v != null && !(v instanceof Number)) numeric[i] = false;
                }
                cells.add(c);
            }
            line(columns.toArray(String[]::new), width, numeric);
            String[] rule = new String[n];
            for (int i = 0; i < n; i++) rule[i] = "-".repeat(width[i]);
            line(rule, width, new boolean[n]);
            for (String[] c : cells) line(c, width, numeric);
            out.println("(" + count + (count == 1 ? " row)" : " rows)"));
        }

        private void line(String[] cells, int[] width, boolean[] right) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) sb.append("  ");
                String pad = " ".repeat(width[i] - cells[i].length());
                if (right[i]) sb.append(pad).append(cells[i]);
                else sb.append(cells[i]).append(i == cells.length - 1 ? "" : pad);
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    /** An array of objects, one per row on its own line, keys in column order (a repeated name gets _2, _3...). */
    static final class Json implements QuerySink, Finish {
        private static final ObjectMapper MAPPER = JsonMapper.builder().build();
        private final PrintWriter out;
        private List<String> keys = List.of();
        private boolean first = true;

        Json(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void columns(List<String> names) {
            Set<String> seen = new HashSet<>();
            List<String> k = new ArrayList<>();
            for (String name : names) {
                String key = name;
                for (int i = 2; !seen.add(key); i++) key = name + "_" + i;
                k.add(key);
            }
            keys = k;
            out.print("[");
        }

        @Override
        public void row(List<Object> values) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) object.put(keys.get(i), values.get(i));
            try {
                out.print((first ? "\n  " : ",\n  ") + MAPPER.writeValueAsString(object));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a row as JSON", e);
            }
            first = false;
        }

        @Override
        public void finish(long rows) {
            out.println(first ? "]" : "\n]");
        }
    }

    /** RFC 4180: a header row, fields quoted when they hold a comma, quote or line break, CRLF line ends; null is empty. */
    static final class Csv implements QuerySink {
        private final PrintWriter out;

        Csv(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void columns(List<String> names) {
            line(new ArrayList<>(names));
        }

        @Override
        public void row(List<Object> values) {
            line(values);
        }

        private void line(List<?> values) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) sb.append(',');
                String s = text(values.get(i));
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    sb.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(s);
                }
            }
            out.print(sb.append("\r\n"));
        }
    }
}
