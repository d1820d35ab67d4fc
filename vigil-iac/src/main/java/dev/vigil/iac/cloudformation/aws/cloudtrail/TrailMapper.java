package dev.vigil.iac.cloudformation.aws.cloudtrail;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.Relation;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.cloudtrail.Trail;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::CloudTrail::Trail} to {@code aws.cloudtrail.trail}. Unlike AWS Config, a template
 * says whether the trail logs ({@code IsLogging} is required). Event selection: none given means
 * all management events and no data events; basic EventSelectors are read; advanced ones are
 * unknown.
 */
public final class TrailMapper {
    private TrailMapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::CloudTrail::Trail")) trail(r, stack);
    }

    private static void trail(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = Stack.generatedName(a, "TrailName");
        a.unknown("arn", "the trail's ARN is known only after deploy");
        a.unknown("homeRegion", "the stack's region is known only at deploy");
        String management = "All";
        String s3Data = "None";
        if (a.has("AdvancedEventSelectors") || a.unresolved("AdvancedEventSelectors")) {
            a.unknown("managementEvents", "advanced event selectors are not read by Vigil");
            a.unknown("s3DataEvents", "advanced event selectors are not read by Vigil");
            management = null;
            s3Data = null;
        } else if (a.has("EventSelectors")) {
            management = "None";
            for (Attrs sel : a.blocks("EventSelectors", "managementEvents")) {
                String rw = sel.string("ReadWriteType", "managementEvents", "All");
                if (sel.bool("IncludeManagementEvents", "managementEvents", true)) management = widest(management, rw);
                for (Attrs d : sel.blocks("DataResources", "s3DataEvents")) {
                    List<String> values = d.strings("Values", "s3DataEvents");
                    if ("AWS::S3::Object".equals(d.string("Type", "s3DataEvents")) && values != null
                            && values.stream().anyMatch(v -> v.equals("arn:aws:s3") || v.equals("arn:aws:s3:::"))) s3Data = widest(s3Data, rw);
                }
            }
        }
        String bucket = stack.idOf(a, "S3BucketName", "s3BucketName", "");
        List<Relation> rel = new ArrayList<>();
        CfnResource b = stack.find(a.raw("S3BucketName"), r, "AWS::S3::Bucket");
        if (b != null) rel.add(new Relation("logs-to", AwsTypes.S3_BUCKET.id(), b.id()));
        CfnResource k = stack.find(a.raw("KMSKeyId"), r, "AWS::KMS::Key");
        if (k != null) rel.add(new Relation("uses-key", AwsTypes.KMS_KEY.id(), k.id()));
        Trail trail = new Trail(name, null, null, a.bool("IsMultiRegionTrail", "multiRegion", false), a.bool("IsLogging", "logging"),
                a.bool("EnableLogFileValidation", "logFileValidation", false), stack.idOf(a, "KMSKeyId", "kmsKeyId", ""), bucket,
                stack.idOf(a, "CloudWatchLogsLogGroupArn", "cloudWatchLogsLogGroupArn", ""),
                a.bool("IncludeGlobalServiceEvents", "includeGlobalServiceEvents", true),
                a.bool("IsOrganizationTrail", "organizationTrail", false), management, s3Data);
        if (trail.logging() == null && !a.unresolved("IsLogging")) a.unknown("logging", "the trail sets no IsLogging");
        stack.add(r, AwsTypes.CLOUDTRAIL_TRAIL, name, trail, a.unknowns(), rel);
    }

    /** All beats ReadOnly or WriteOnly; two different halves make All. */
    private static String widest(String current, String rw) {
        if (current.equals("None") || current.equals(rw)) return rw;
        return "All";
    }
}
