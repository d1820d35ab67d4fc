package dev.vigil.aws.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.aws.iam.PolicyDocuments;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.s3.Bucket;
import dev.vigil.model.aws.s3.PublicAccessBlock;
import dev.vigil.model.input.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code AWS::S3::Bucket} to {@code aws.s3.bucket}. Settings live in the item's supplementary configuration. */
final class S3ConfigMapper {
    static final String NO_ACL_OWNER = "the item's AccessControlList supplementary configuration does not name the bucket owner";

    private S3ConfigMapper() {
    }

    static Mapped bucket(ConfigItem item) {
        JsonNode c = item.configuration();
        JsonNode s = item.supplementary();
        String name = Json.text(c, "name").isEmpty() ? item.resourceId() : Json.text(c, "name");
        String arn = Arns.or(item.arn(), Arns.bucket(name));

        JsonNode sse = Json.list(Json.get(s, "ServerSideEncryptionConfiguration"), "rules").stream().findFirst().orElse(null);
        Bucket.Encryption encryption = sse == null
                ? new Bucket.Encryption(false, "", "")
                : new Bucket.Encryption(true, Json.text(Json.get(sse, "applyServerSideEncryptionByDefault"), "sseAlgorithm"),
                Json.text(Json.get(sse, "applyServerSideEncryptionByDefault"), "kmsMasterKeyID"));

        JsonNode versioning = Json.get(s, "BucketVersioningConfiguration");
        String vStatus = Json.text(versioning, "status");
        JsonNode logging = Json.get(s, "BucketLoggingConfiguration");
        String target = Json.text(logging, "destinationBucketName");

        PolicyDocument policy;
        try {
            policy = PolicyDocuments.parse(Json.text(Json.get(s, "BucketPolicy"), "policyText"));
        } catch (IllegalArgumentException e) {
            throw new InputException(item.file(), item.line(), "bucket " + name + ": " + e.getMessage());
        }
        long lifecycle = Json.list(Json.get(s, "BucketLifecycleConfiguration"), "rules").stream()
                .filter(r -> Json.text(r, "status").equalsIgnoreCase("Enabled")).count();

        JsonNode acl = Json.get(s, "AccessControlList");
        String owner = Json.text(Json.get(acl, "owner"), "id");
        Map<String, String> unknowns = new HashMap<>();
        if (owner.isEmpty()) unknowns.put("ownerId", NO_ACL_OWNER);

        Bucket bucket = new Bucket(name, arn, Json.text(c, "creationDate"),
                publicAccessBlock(Json.get(s, "PublicAccessBlockConfiguration")),
                encryption,
                new Bucket.Versioning(vStatus.isEmpty() ? "Off" : vStatus, Json.boolOr(versioning, "isMfaDeleteEnabled", false)),
                new Bucket.Logging(!target.isEmpty(), target, Json.text(logging, "logFilePrefix")),
                policy,
                grants(acl),
                owner.isEmpty() ? null : owner,
                lifecycle,
                Json.text(Json.get(s, "ObjectLockConfiguration"), "objectLockEnabled").equalsIgnoreCase("Enabled"));
        return new Mapped(AwsTypes.S3_BUCKET, arn, name, bucket, unknowns, List.of());
    }

    /** Absent settings mean Block Public Access is off: AWS Config records the configuration only when one exists. */
    static PublicAccessBlock publicAccessBlock(JsonNode p) {
        if (!Json.present(p) || !p.isObject()) return PublicAccessBlock.NONE;
        return new PublicAccessBlock(Json.boolOr(p, "blockPublicAcls", false), Json.boolOr(p, "ignorePublicAcls", false),
                Json.boolOr(p, "blockPublicPolicy", false), Json.boolOr(p, "restrictPublicBuckets", false));
    }

    private static List<Bucket.Grant> grants(JsonNode acl) {
        List<Bucket.Grant> out = new ArrayList<>();
        for (JsonNode g : Json.list(acl, "grantList")) {
            JsonNode grantee = Json.get(g, "grantee");
            String who;
            if (grantee.isTextual()) who = grantee.asText();
            else if (Json.present(Json.get(grantee, "uri"))) who = Json.text(grantee, "uri");
            else if (Json.present(Json.get(grantee, "id"))) who = Json.text(grantee, "id");
            else who = Json.text(grantee, "emailAddress");
            out.add(new Bucket.Grant(groupName(who), Json.text(g, "permission")));
        }
        return out;
    }

    /** {@code http://acs.amazonaws.com/groups/global/AllUsers} and {@code AllUsers} name the same grantee. */
    private static String groupName(String grantee) {
        int slash = grantee.lastIndexOf('/');
        return grantee.startsWith("http") && slash >= 0 ? grantee.substring(slash + 1) : grantee;
    }
}
