package dev.vigil.aws.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Relation;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.cloudtrail.Trail;
import dev.vigil.model.aws.kms.Key;
import dev.vigil.model.aws.rds.DbInstance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RDS, KMS and CloudTrail configuration items to canonical records. */
final class DataConfigMapper {
    static final String NO_KEY_POLICY = "AWS Config does not record KMS key policies";
    static final String NO_KEY_ROTATION = "this AWS::KMS::Key item has no KeyRotationStatus supplementary configuration";
    static final String NO_TRAIL_STATUS = "AWS Config does not record whether a trail is logging (cloudtrail:GetTrailStatus)";
    static final String NO_EVENT_SELECTORS = "the trail has custom event selectors, which AWS Config does not record";

    private DataConfigMapper() {
    }

    static Mapped dbInstance(ConfigItem item) {
        JsonNode c = item.configuration();
        String id = Json.text(c, "dBInstanceIdentifier").isEmpty() ? item.resourceName() : Json.text(c, "dBInstanceIdentifier");
        String arn = Arns.or(item.arn(), Json.text(c, "dBInstanceArn"));
        DbInstance db = new DbInstance(id, Json.text(c, "engine"), Json.text(c, "engineVersion"), Json.text(c, "dBInstanceClass"),
                Json.boolOr(c, "storageEncrypted", false), Json.text(c, "kmsKeyId"), Json.boolOr(c, "publiclyAccessible", false),
                Json.boolOr(c, "multiAZ", false), Json.boolOr(c, "autoMinorVersionUpgrade", false), Json.boolOr(c, "deletionProtection", false),
                Json.numberOr(c, "backupRetentionPeriod", 0), Json.boolOr(c, "iAMDatabaseAuthenticationEnabled", false),
                Json.numberOr(c, "monitoringInterval", 0), Json.texts(c, "enabledCloudwatchLogsExports"),
                Json.boolOr(c, "copyTagsToSnapshot", false), Json.number(Json.get(c, "endpoint"), "port"),
                Json.text(c, "masterUsername"), Json.text(Json.get(c, "dBSubnetGroup"), "vpcId"));
        return new Mapped(AwsTypes.RDS_DB_INSTANCE, arn, id, db, Map.of(), List.of());
    }

    static Mapped key(ConfigItem item) {
        JsonNode c = item.configuration();
        String id = Json.text(c, "keyId").isEmpty() ? item.resourceId() : Json.text(c, "keyId");
        String arn = Arns.or(item.arn(), Json.text(c, "arn"));
        Boolean rotation = Json.bool(item.supplementary(), "KeyRotationStatus");
        Map<String, String> unknowns = new HashMap<>();
        unknowns.put("policy", NO_KEY_POLICY);
        if (rotation == null) unknowns.put("rotationEnabled", NO_KEY_ROTATION);
        String spec = Json.text(c, "keySpec").isEmpty() ? Json.text(c, "customerMasterKeySpec") : Json.text(c, "keySpec");
        Key key = new Key(id, arn, Json.text(c, "description"), Json.text(c, "keyManager"), spec, Json.text(c, "keyUsage"),
                Json.text(c, "keyState"), Json.text(c, "origin"), rotation, null);
        String desc = Json.text(c, "description");
        return new Mapped(AwsTypes.KMS_KEY, arn, desc.isEmpty() ? id : id + " (" + desc + ")", key, unknowns, List.of());
    }

    /**
     * A trail. Config records neither its logging status nor custom event selectors; a trail
     * without custom selectors uses the default, which is all management events and no data events.
     */
    static Mapped trail(ConfigItem item) {
        JsonNode c = item.configuration();
        String name = Json.text(c, "name").isEmpty() ? item.resourceName() : Json.text(c, "name");
        String arn = Arns.or(item.arn(), Json.text(c, "trailARN"));
        boolean customSelectors = Json.boolOr(c, "hasCustomEventSelectors", false);
        Map<String, String> unknowns = new HashMap<>();
        unknowns.put("logging", NO_TRAIL_STATUS);
        if (customSelectors) {
            unknowns.put("managementEvents", NO_EVENT_SELECTORS);
            unknowns.put("s3DataEvents", NO_EVENT_SELECTORS);
        }
        String bucket = Json.text(c, "s3BucketName");
        Trail trail = new Trail(name, arn, Json.text(c, "homeRegion"), Json.boolOr(c, "isMultiRegionTrail", false), null,
                Json.boolOr(c, "logFileValidationEnabled", false), Json.text(c, "kmsKeyId"), bucket,
                Json.text(c, "cloudWatchLogsLogGroupArn"), Json.boolOr(c, "includeGlobalServiceEvents", false),
                Json.boolOr(c, "isOrganizationTrail", false), customSelectors ? null : "All", customSelectors ? null : "None");
        List<Relation> rel = new java.util.ArrayList<>();
        if (!bucket.isEmpty()) rel.add(new Relation("logs-to", AwsTypes.S3_BUCKET.id(), Arns.bucket(bucket)));
        // As the live collector relates it: the trail's key, by the ARN CloudTrail records.
        if (!trail.kmsKeyId().isEmpty()) rel.add(new Relation("uses-key", AwsTypes.KMS_KEY.id(), trail.kmsKeyId()));
        return new Mapped(AwsTypes.CLOUDTRAIL_TRAIL, arn, name, trail, unknowns, rel);
    }
}
