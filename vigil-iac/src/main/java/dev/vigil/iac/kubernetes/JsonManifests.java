package dev.vigil.iac.kubernetes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.vigil.model.input.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON manifest (one object, or several objects one after another as {@code kubectl get -o json}
 * streams write them) into {@link SourceValue} trees, with Jackson's token locations as lines.
 * JSON has no documents to cut at: a syntax error spoils the rest of the file.
 */
final class JsonManifests {
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final int MAX_DEPTH = 100;

    private JsonManifests() {
    }

    static List<SourceValue> read(String file, String text) {
        List<SourceValue> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            while (p.nextToken() != null) out.add(value(file, p, 0));
        } catch (JsonParseException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file, line, "invalid JSON: " + YamlManifests.oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot be read: " + YamlManifests.oneLine(e.getMessage()));
        }
        return out;
    }

    private static SourceValue value(String file, JsonParser p, int depth) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) throw new InputException(file, line, "JSON nested too deeply");
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, SourceValue> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    keyLines.put(key, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    entries.put(key, value(file, p, depth + 1));
                }
                yield new SourceValue(entries, line, p.currentTokenLocation().getLineNr(), keyLines);
            }
            case START_ARRAY -> {
                List<SourceValue> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(value(file, p, depth + 1));
                yield new SourceValue(items, line, p.currentTokenLocation().getLineNr());
            }
            case VALUE_STRING -> new SourceValue(p.getText(), line, line);
            case VALUE_NUMBER_INT -> new SourceValue(p.getLongValue(), line, line);
            case VALUE_NUMBER_FLOAT -> new SourceValue(p.getDoubleValue(), line, line);
            case VALUE_TRUE -> new SourceValue(Boolean.TRUE, line, line);
            case VALUE_FALSE -> new SourceValue(Boolean.FALSE, line, line);
            default -> new SourceValue(null, line, line);
        };
    }
}
