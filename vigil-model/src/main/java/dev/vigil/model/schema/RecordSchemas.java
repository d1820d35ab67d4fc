package dev.vigil.model.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives a {@link Schema} from a canonical record: components become fields, {@code String} and
 * enums strings, {@code boolean} bool, {@code int}/{@code long} int, {@code double} double,
 * {@code List<X>} lists, {@code Map<String, X>} maps, nested records objects and {@code Object}
 * a free-form value.
 */
public final class RecordSchemas {
    private static final Map<Class<?>, Schema.Obj> CACHE = new ConcurrentHashMap<>();

    private RecordSchemas() {
    }

    public static Schema.Obj of(Class<? extends Record> type) {
        Schema.Obj cached = CACHE.get(type);
        if (cached != null) return cached;
        Map<String, Schema.Field> fields = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Doc doc = c.getAnnotation(Doc.class);
            fields.put(c.getName(), new Schema.Field(c.getName(), schemaOf(c.getGenericType(), type), doc == null ? "" : doc.value()));
        }
        Doc doc = type.getAnnotation(Doc.class);
        Schema.Obj obj = new Schema.Obj(type.getSimpleName(), doc == null ? "" : doc.value(), fields);
        CACHE.put(type, obj);
        return obj;
    }

    @SuppressWarnings("unchecked")
    private static Schema schemaOf(Type t, Class<?> owner) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) return new Schema.ListOf(schemaOf(args[0], owner));
            if (Map.class.isAssignableFrom(raw)) return new Schema.MapOf(schemaOf(args[1], owner));
        }
        if (t instanceof Class<?> c) {
            if (c == String.class) return new Schema.Scalar(Schema.Kind.STRING, List.of());
            if (c == boolean.class || c == Boolean.class) return new Schema.Scalar(Schema.Kind.BOOL, List.of());
            if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
                return new Schema.Scalar(Schema.Kind.INT, List.of());
            }
            if (c == double.class || c == Double.class) return new Schema.Scalar(Schema.Kind.DOUBLE, List.of());
            if (c.isEnum()) {
                return new Schema.Scalar(Schema.Kind.STRING, Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
            }
            if (c.isRecord()) return of((Class<? extends Record>) c);
            if (c == Object.class) return new Schema.AnyValue();
        }
        throw new IllegalArgumentException("canonical record " + owner.getName() + " has a component of unsupported type " + t);
    }
}
