package dev.vigil.aws.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One AWS Config configuration item with its spelling variants already resolved
 * ({@code ARN}/{@code arn}, {@code awsAccountId}/{@code accountId}, a {@code configuration} given as
 * a JSON string, supplementary values given as JSON strings).
 */
record ConfigItem(
        String file,
        int index,
        int line,
        String resourceType,
        String resourceId,
        String resourceName,
        String arn,
        String accountId,
        String region,
        String status,
        Instant captureTime,
        long stateId,
        Map<String, String> tags,
        List<Relationship> relationships,
        JsonNode configuration,
        JsonNode supplementary) {

    record Relationship(String resourceType, String resourceId, String resourceName, String name) {
    }

    boolean deleted() {
        return status.startsWith("ResourceDeleted");
    }

    /** Items that say "not recorded" carry no configuration and must not be read as a resource's state. */
    boolean notRecorded() {
        return status.equals("ResourceNotRecorded") || status.equals("ResourceDeletedNotRecorded");
    }
}
