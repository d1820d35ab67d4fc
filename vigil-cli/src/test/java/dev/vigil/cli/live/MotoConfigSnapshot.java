package dev.vigil.cli.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.testkit.aws.SeedClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes what the emulator's AWS Config service records about some resource types as a Config
 * snapshot file. It speaks Config's JSON protocol directly: moto answers with capture times
 * ("2026-11-23 18:43:55.672896+00:00") that the SDK refuses to parse, and a snapshot keeps them as
 * text anyway. moto does not check signatures, so the credential scope alone routes the call.
 */
final class MotoConfigSnapshot {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MotoConfigSnapshot() {
    }

    static void write(URI endpoint, List<String> types, Path file) throws IOException {
        ObjectNode snapshot = JSON.createObjectNode().put("fileVersion", "1.0").put("configSnapshotId", "moto");
        ArrayNode items = snapshot.putArray("configurationItems");
        for (String region : SeedClients.REGIONS) {
            for (String type : types) {
                JsonNode ids = call(endpoint, region, "ListDiscoveredResources", JSON.createObjectNode().put("resourceType", type));
                for (JsonNode id : ids.path("resourceIdentifiers")) {
                    ObjectNode request = JSON.createObjectNode();
                    request.putArray("resourceKeys").addObject().put("resourceType", type).put("resourceId", id.get("resourceId").asText());
                    for (JsonNode it : call(endpoint, region, "BatchGetResourceConfig", request).path("baseConfigurationItems")) {
                        String itemRegion = it.path("awsRegion").asText();
                        if (!itemRegion.equals(region) && !(itemRegion.equals("global") && region.equals(SeedClients.REGIONS.get(0)))) continue;
                        ObjectNode item = ((ObjectNode) it.deepCopy());
                        item.put("configurationItemCaptureTime", iso(it.path("configurationItemCaptureTime").asText()));
                        item.remove("resourceCreationTime");
                        items.add(item);
                    }
                }
            }
        }
        JSON.writeValue(file.toFile(), snapshot);
    }

    /** moto writes "2026-11-23 18:43:55.672896" with or without an offset; a snapshot has ISO-8601. */
    private static String iso(String t) {
        String s = t.replace(' ', 'T');
        return s.contains("+") || s.endsWith("Z") ? s : s + "Z";
    }

    private static JsonNode call(URI endpoint, String region, String operation, JsonNode body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "StarlingDoveService." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/" + region + "/config/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IOException("config " + operation + ": HTTP " + response.statusCode() + " " + response.body());
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
