package dev.vigil.aws.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.aws.iam.CredentialReport;
import dev.vigil.model.aws.account.Account;
import dev.vigil.model.input.InputException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the files an offline AWS scan is made of: Config snapshots and history files
 * ({@code {"fileVersion", "configurationItems": [...]}}), single configuration items, Config rule
 * invocation events, plain or gzipped; IAM credential reports; password policies. Snapshots are
 * streamed item by item, so a large snapshot is never held as one JSON tree.
 */
final class ConfigFiles {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** What a file turned out to be. */
    sealed interface Content permits Items, Report, Policy {
    }

    record Items(int count) implements Content {
    }

    record Report(CredentialReport report) implements Content {
    }

    record Policy(String file, Account.PasswordPolicy policy) implements Content {
    }

    private ConfigFiles() {
    }

    /** True when the name or the first bytes say this may be one of ours. */
    static boolean claims(Path file) {
        String n = file.getFileName().toString().toLowerCase();
        if (n.endsWith(".json") || n.endsWith(".json.gz")) return looksLikeConfig(file);
        if (n.endsWith(".csv")) return startsWith(file, CredentialReport.HEADER_START);
        return false;
    }

    /**
     * Reads one file. Configuration items go to {@code sink} one by one.
     *
     * @throws InputException naming the file and line for anything malformed
     */
    static Content read(Path file, Consumer<ConfigItem> sink) {
        String name = file.toString();
        if (name.toLowerCase().endsWith(".csv")) {
            try {
                return new Report(CredentialReport.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new InputException(name, 0, "cannot read: " + e.getMessage());
            }
        }
        try (InputStream in = open(file); JsonParser p = FACTORY.createParser(in)) {
            return readJson(name, p, sink);
        } catch (InputException e) {
            throw e;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(name, line, "invalid JSON: " + e.getOriginalMessage().replace('\n', ' '));
        } catch (ZipException | EOFException e) {
            throw new InputException(name, 0, "corrupt gzip data: " + e.getMessage());
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        if (file.getFileName().toString().toLowerCase().endsWith(".gz") && !gzip) {
            in.close();
            throw new InputException(file.toString(), 0, "not a gzip file (the name ends in .gz but the content has no gzip signature)");
        }
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static Content readJson(String file, JsonParser p, Consumer<ConfigItem> sink) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) throw new InputException(file, 1, "empty file");
        if (first == JsonToken.START_ARRAY) {
            return new Items(streamItems(file, p, sink));
        }
        if (first != JsonToken.START_OBJECT) {
            throw new InputException(file, p.currentTokenLocation().getLineNr(), "expected a JSON object");
        }
        ObjectNode rest = JSON.createObjectNode();
        int items = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("configurationItems")) {
                if (value != JsonToken.START_ARRAY) {
                    throw new InputException(file, p.currentTokenLocation().getLineNr(), "configurationItems must be a list");
                }
                items = streamItems(file, p, sink);
            } else {
                rest.set(field, JSON.readTree(p));
            }
        }
        if (p.nextToken() != null) {
            throw new InputException(file, p.currentTokenLocation().getLineNr(), "unexpected content after the end of the JSON document");
        }
        if (items >= 0) return new Items(items);
        if (rest.has("PasswordPolicy")) return new Policy(file, passwordPolicy(file, rest.get("PasswordPolicy")));
        if (rest.has("invokingEvent")) {
            JsonNode event = parseString(file, 1, rest.get("invokingEvent").asText(), "invokingEvent");
            JsonNode item = event.get("configurationItem");
            if (item == null || !item.isObject()) throw new InputException(file, 1, "invokingEvent carries no configurationItem");
            sink.accept(item(file, 0, 1, item));
            return new Items(1);
        }
        if (rest.has("configurationItem") && rest.get("configurationItem").isObject()) {
            sink.accept(item(file, 0, 1, rest.get("configurationItem")));
            return new Items(1);
        }
        if (rest.has("resourceType") || rest.has("configurationItemCaptureTime") || rest.has("resourceId")) {
            sink.accept(item(file, 0, 1, rest));
            return new Items(1);
        }
        throw new InputException(file, 1, "not an AWS Config snapshot, history file or configuration item (no configurationItems, resourceType or PasswordPolicy)");
    }

    private static int streamItems(String file, JsonParser p, Consumer<ConfigItem> sink) throws IOException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new InputException(file, p.currentLocation().getLineNr(), "unexpected end of file inside configurationItems");
            int line = p.currentTokenLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) throw new InputException(file, line, "configuration item " + index + " is not an object");
            JsonNode node = JSON.readTree(p);
            sink.accept(item(file, index, line, node));
            index++;
        }
        return index;
    }

    /** Resolves the spelling variants of one item; see the AWS Config notes in docs/inputs.md. */
    static ConfigItem item(String file, int index, int line, JsonNode n) {
        String where = "configuration item " + index;
        String type = Json.text(n, "resourceType");
        if (type.isEmpty()) throw new InputException(file, line, where + " has no resourceType");
        String id = Json.text(n, "resourceId");
        String arn = first(n, "ARN", "arn");
        if (id.isEmpty() && arn.isEmpty()) throw new InputException(file, line, where + " (" + type + ") has neither resourceId nor ARN");
        String account = first(n, "awsAccountId", "accountId");
        if (account.isEmpty()) throw new InputException(file, line, where + " (" + type + " " + id + ") has no awsAccountId");
        JsonNode configuration = Json.get(n, "configuration");
        if (configuration.isTextual()) configuration = parseString(file, line, configuration.asText(), where + " configuration");
        if (!Json.present(configuration)) configuration = JSON.createObjectNode();
        ObjectNode supplementary = JSON.createObjectNode();
        JsonNode sup = Json.get(n, "supplementaryConfiguration");
        if (sup.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = sup.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode v = e.getValue();
                // The API gives every supplementary value as a JSON string; deliveries give objects, except AccessControlList.
                if (v.isTextual() && (v.asText().startsWith("{") || v.asText().startsWith("["))) {
                    v = parseString(file, line, v.asText(), where + " supplementaryConfiguration." + e.getKey());
                }
                supplementary.set(e.getKey(), v);
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode tagNode = Json.get(n, "tags");
        if (tagNode.isObject()) tagNode.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        List<ConfigItem.Relationship> relationships = new ArrayList<>();
        for (JsonNode r : Json.list(n, "relationships")) {
            relationships.add(new ConfigItem.Relationship(Json.text(r, "resourceType"), Json.text(r, "resourceId"),
                    Json.text(r, "resourceName"), first(r, "relationshipName", "name")));
        }
        return new ConfigItem(file, index, line, type, id, Json.text(n, "resourceName"), arn, account,
                Json.text(n, "awsRegion"), Json.text(n, "configurationItemStatus"),
                time(Json.get(n, "configurationItemCaptureTime")), Json.numberOr(n, "configurationStateId", 0), tags, relationships,
                configuration, supplementary);
    }

    private static Account.PasswordPolicy passwordPolicy(String file, JsonNode p) {
        if (!p.isObject()) throw new InputException(file, 1, "PasswordPolicy must be an object");
        boolean expires = Json.boolOr(p, "ExpirePasswords", false);
        return new Account.PasswordPolicy(true, Json.numberOr(p, "MinimumPasswordLength", 8),
                Json.boolOr(p, "RequireSymbols", false), Json.boolOr(p, "RequireNumbers", false),
                Json.boolOr(p, "RequireUppercaseCharacters", false), Json.boolOr(p, "RequireLowercaseCharacters", false),
                Json.boolOr(p, "AllowUsersToChangePassword", false), expires ? Json.numberOr(p, "MaxPasswordAge", 0) : 0L,
                Json.numberOr(p, "PasswordReusePrevention", 0), Json.boolOr(p, "HardExpiry", false));
    }

    private static JsonNode parseString(String file, int line, String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(file, line, what + " is a string that is not valid JSON: " + e.getOriginalMessage().replace('\n', ' '));
        }
    }

    private static Instant time(JsonNode n) {
        if (!Json.present(n)) return null;
        if (n.isNumber()) {
            double v = n.asDouble();
            return v > 1e11 ? Instant.ofEpochMilli((long) v) : Instant.ofEpochMilli((long) (v * 1000));
        }
        try {
            return OffsetDateTime.parse(n.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String first(JsonNode n, String a, String b) {
        String v = Json.text(n, a);
        return v.isEmpty() ? Json.text(n, b) : v;
    }

    /** Keys that only AWS Config's files (and the password policy) carry near their start. */
    private static final List<String> MARKERS = List.of("\"configurationItems\"", "\"configurationItem\"", "\"resourceType\"",
            "\"configurationItemCaptureTime\"", "\"configurationItemStatus\"", "\"PasswordPolicy\"");

    /**
     * A JSON file is ours when its first 64 KiB name a Config key: a repository holds other JSON
     * (package.json, a Vigil report, a Terraform plan) that must be left to other inputs or listed
     * as skipped, not refused as a broken snapshot. A {@code .gz} that is not gzip is claimed, so
     * that reading it says what is wrong.
     */
    private static boolean looksLikeConfig(Path file) {
        try (InputStream in = open(file)) {
            String head = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
            for (String m : MARKERS) if (head.contains(m)) return true;
            return false;
        } catch (InputException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean startsWith(Path file, String prefix) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(prefix.length());
            return new String(head, StandardCharsets.UTF_8).equals(prefix);
        } catch (IOException e) {
            return false;
        }
    }
}
