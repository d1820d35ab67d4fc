package dev.vigil.iac.terraform.aws.cloudtrail;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.cloudtrail.Trail;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aws_cloudtrail} into {@code aws.cloudtrail.trail}. The configuration tells whether the
 * trail logs ({@code enable_logging}, true by default). Without event selectors a trail records all
 * management events and no data events; basic {@code event_selector}s are read, advanced ones are not.
 */
public final class Trails {
    static final String ADVANCED = "advanced event selectors are not read";

    private Trails() {
    }

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = a.string("name", "name");
        String management = "All";
        String data = "None";
        if (a.has("advanced_event_selector") || a.unresolved("advanced_event_selector")) {
            a.unknown("managementEvents", ADVANCED);
            a.unknown("s3DataEvents", ADVANCED);
            management = null;
            data = null;
        } else if (a.has("event_selector") || a.unresolved("event_selector")) {
            management = "None";
            for (Attrs s : a.blocks("event_selector", "managementEvents")) {
                String rw = s.string("read_write_type", "managementEvents", "All");
                Boolean mgmt = s.bool("include_management_events", "managementEvents", true);
                if (Boolean.TRUE.equals(mgmt)) management = combine(management, rw);
                for (Attrs d : s.blocks("data_resource", "s3DataEvents")) {
                    String type = d.string("type", "s3DataEvents");
                    List<String> values = d.strings("values", "s3DataEvents");
                    if ("AWS::S3::Object".equals(type) && values != null
                            && values.stream().anyMatch(v -> v.matches("arn:[^:]+:s3(:::)?/?|arn:[^:]+:s3:::/?"))) {
                        data = combine(data, rw);
                    }
                }
            }
            if (a.unknowns().containsKey("managementEvents")) management = null;
            if (a.unknowns().containsKey("s3DataEvents")) data = null;
        }
        String bucket = a.string("s3_bucket_name", "s3BucketName");
        TfResource b = joins.target(a.raw("s3_bucket_name"), r, t -> Joins.keys(t, "bucket", "id"), "aws_s3_bucket");
        if (bucket == null && b != null && b.attributes().get("bucket") instanceof String configured) {
            // A reference to a bucket of the scan whose name is configured: that name.
            bucket = configured;
            a.unknowns().remove("s3BucketName");
        }
        String kms = a.has("kms_key_id") ? Canon.reference(a.raw("kms_key_id"), r) : "";
        if (kms == null) a.string("kms_key_id", "kmsKeyId");
        String logGroup = a.has("cloud_watch_logs_group_arn") ? Canon.reference(a.raw("cloud_watch_logs_group_arn"), r) : "";
        if (logGroup == null) a.string("cloud_watch_logs_group_arn", "cloudWatchLogsLogGroupArn");
        else if (!logGroup.isEmpty() && !logGroup.contains("#")) logGroup = logGroupOfScan(logGroup, joins);
        Trail trail = new Trail(name, a.string("arn", "arn"), a.string("home_region", "homeRegion"),
                a.bool("is_multi_region_trail", "multiRegion", false), a.bool("enable_logging", "logging", true),
                a.bool("enable_log_file_validation", "logFileValidation", false), kms, bucket, logGroup,
                a.bool("include_global_service_events", "includeGlobalServiceEvents", true),
                a.bool("is_organization_trail", "organizationTrail", false), management, data);
        List<Relation> rel = new ArrayList<>();
        if (b != null) rel.add(new Relation("logs-to", AwsTypes.S3_BUCKET.id(), b.id()));
        if (a.raw("kms_key_id") instanceof Unresolved u && u.refersTo() != null) rel.add(new Relation("uses-key", AwsTypes.KMS_KEY.id(), kms));
        return Canon.resource(r, AwsTypes.CLOUDTRAIL_TRAIL, name, trail, a, rel);
    }

    /**
     * A log group ARN written out ({@code arn:aws:logs:...:log-group:NAME:*}) for a group this scan
     * declares is that group's canonical id, the id its metric filters name it by.
     */
    static String logGroupOfScan(String arn, Joins joins) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":log-group:([^:]+)(:\\*)?$").matcher(arn);
        if (!m.find()) return arn;
        for (TfResource g : joins.ofType("aws_cloudwatch_log_group")) {
            if (m.group(1).equals(g.attributes().get("name"))) return g.id();
        }
        return arn;
    }

    /** Two selections together: ReadOnly and WriteOnly make All; None adds nothing. */
    static String combine(String have, String add) {
        if (have == null || add == null) return null;
        if (have.equals("None")) return add;
        if (add.equals("None") || have.equals(add)) return have;
        return "All";
    }
}
