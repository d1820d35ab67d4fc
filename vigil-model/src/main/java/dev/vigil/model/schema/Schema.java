package dev.vigil.model.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a canonical document. Derived from the model's Java records by
 * {@link RecordSchemas}, so the records are the single source of truth; rules are checked against
 * it when they load and adapters are tested to produce documents that satisfy it.
 */
public sealed interface Schema {

    /** A human name of the shape: {@code string}, {@code list<object>}, ... */
    String describe();

    /** Appends to {@code violations} every place where {@code value} does not fit this shape. */
    void validate(Object value, String path, List<String> violations);

    default List<String> validate(Object value) {
        List<String> violations = new ArrayList<>();
        validate(value, "", violations);
        return violations;
    }

    enum Kind { STRING, INT, DOUBLE, BOOL }

    record Scalar(Kind kind, List<String> allowed) implements Schema {
        public String describe() {
            return kind.name().toLowerCase();
        }

        public void validate(Object value, String path, List<String> violations) {
            boolean ok = switch (kind) {
                case STRING -> value instanceof String;
                case INT -> value instanceof Long || value instanceof Integer;
                case DOUBLE -> value instanceof Number;
                case BOOL -> value instanceof Boolean;
            };
            if (!ok) {
                violations.add(where(path) + "expected " + describe() + " but found " + typeOf(value));
            } else if (!allowed.isEmpty() && !allowed.contains(value)) {
                violations.add(where(path) + "'" + value + "' is not one of " + allowed);
            }
        }
    }

    record ListOf(Schema element) implements Schema {
        public String describe() {
            return "list<" + element.describe() + ">";
        }

        public void validate(Object value, String path, List<String> violations) {
            if (!(value instanceof List<?> list)) {
                violations.add(where(path) + "expected " + describe() + " but found " + typeOf(value));
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                element.validate(list.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    record MapOf(Schema value) implements Schema {
        public String describe() {
            return "map<string, " + value.describe() + ">";
        }

        public void validate(Object v, String path, List<String> violations) {
            if (!(v instanceof Map<?, ?> map)) {
                violations.add(where(path) + "expected " + describe() + " but found " + typeOf(v));
                return;
            }
            for (var e : map.entrySet()) {
                value.validate(e.getValue(), path + "[" + e.getKey() + "]", violations);
            }
        }
    }

    /** A free-form JSON value (a condition value, a raw policy): not checked below this point. */
    record AnyValue() implements Schema {
        public String describe() {
            return "any";
        }

        public void validate(Object value, String path, List<String> violations) {
        }
    }

    /** An object with named fields; {@code fields} keeps declaration order. */
    record Obj(String name, String doc, Map<String, Field> fields) implements Schema {
        public Obj {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public String describe() {
            return "object";
        }

        public Field field(String fieldName) {
            return fields.get(fieldName);
        }

        /**
         * Checks field types and names. A field that is absent is not a violation here: absence
         * means "unknown" and the resource says why; see {@code Resource.unknowns}.
         */
        public void validate(Object value, String path, List<String> violations) {
            if (!(value instanceof Map<?, ?> map)) {
                violations.add(where(path) + "expected object but found " + typeOf(value));
                return;
            }
            for (var e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Field f = fields.get(key);
                String p = path.isEmpty() ? key : path + "." + key;
                if (f == null) {
                    violations.add(p + ": no such field in " + name + " (fields: " + String.join(", ", fields.keySet()) + ")");
                } else if (e.getValue() != null) {
                    f.schema().validate(e.getValue(), p, violations);
                }
            }
        }
    }

    record Field(String name, Schema schema, String doc) {
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String typeOf(Object value) {
        if (value == null) return "null";
        if (value instanceof Map<?, ?>) return "object";
        if (value instanceof List<?>) return "list";
        if (value instanceof String) return "string";
        if (value instanceof Boolean) return "bool";
        if (value instanceof Long || value instanceof Integer) return "int";
        if (value instanceof Number) return "double";
        return value.getClass().getSimpleName();
    }
}
