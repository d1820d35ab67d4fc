package dev.vigil.aws.cloudtrail;

import dev.vigil.aws.live.Failures;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.cloudtrail.Trail;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;

/** CloudTrail API responses to canonical trails: pure functions, no calls. */
public final class CloudTrailMapper {
    private static final String S3_OBJECT = "AWS::S3::Object";

    private CloudTrailMapper() {
    }

    /** A trail as DescribeTrails lists it, with its status (GetTrailStatus) and event selectors (GetEventSelectors). */
    public record TrailReads(software.amazon.awssdk.services.cloudtrail.model.Trail trail, Read<GetTrailStatusResponse> status,
                             Read<GetEventSelectorsResponse> selectors) {
    }

    public record Mapped(Trail trail, Map<String, String> failures) {
    }

    public static Mapped trail(TrailReads r) {
        var t = r.trail();
        Failures f = new Failures();
        Boolean logging = f.check("logging", r.status()).map(s -> Boolean.TRUE.equals(s.isLogging()), false);
        Selected selected = f.check("managementEvents", r.selectors()).map(s -> selected(s, Boolean.TRUE.equals(t.hasCustomEventSelectors())), null);
        if (selected == null) f.check("s3DataEvents", r.selectors());
        Trail trail = new Trail(t.name(), t.trailARN(), nz(t.homeRegion()), on(t.isMultiRegionTrail()), logging, on(t.logFileValidationEnabled()),
                nz(t.kmsKeyId()), nz(t.s3BucketName()), nz(t.cloudWatchLogsLogGroupArn()), on(t.includeGlobalServiceEvents()),
                on(t.isOrganizationTrail()), selected == null ? null : selected.management(), selected == null ? null : selected.s3Data());
        return new Mapped(trail, f.byPath());
    }

    /** What the trail's selectors record, each as All, ReadOnly, WriteOnly or None. */
    record Selected(String management, String s3Data) {
    }

    private enum Access { READ, WRITE }

    /**
     * Folds basic or advanced event selectors into the two canonical properties. A selector counts
     * only for what it records without narrowing: management events with excluded event sources, or
     * data events limited to some buckets, are not "all" and add nothing. With no selectors at all,
     * a trail without custom selectors records AWS's default: all management events, no data events.
     */
    static Selected selected(GetEventSelectorsResponse s, boolean hasCustomSelectors) {
        if (s.eventSelectors().isEmpty() && s.advancedEventSelectors().isEmpty() && !hasCustomSelectors) return new Selected("All", "None");
        Set<Access> management = EnumSet.noneOf(Access.class);
        Set<Access> s3Data = EnumSet.noneOf(Access.class);
        for (EventSelector e : s.eventSelectors()) {
            Set<Access> access = access(e.readWriteTypeAsString());
            if (!Boolean.FALSE.equals(e.includeManagementEvents()) && e.excludeManagementEventSources().isEmpty()) management.addAll(access);
            boolean allBuckets = e.dataResources().stream().anyMatch(d -> S3_OBJECT.equals(d.type()) && d.values().stream().anyMatch(CloudTrailMapper::allBuckets));
            if (allBuckets) s3Data.addAll(access);
        }
        for (AdvancedEventSelector a : s.advancedEventSelectors()) {
            Map<String, AdvancedFieldSelector> fields = new java.util.HashMap<>();
            a.fieldSelectors().forEach(x -> fields.put(x.field(), x));
            Set<Access> access = access(fields.remove("readOnly"));
            if (access == null) continue;
            AdvancedFieldSelector category = fields.remove("eventCategory");
            if (equalsOnly(category, "Management") && fields.isEmpty()) management.addAll(access);
            AdvancedFieldSelector type = fields.remove("resources.type");
            if (equalsOnly(category, "Data") && equalsOnly(type, S3_OBJECT) && fields.isEmpty()) s3Data.addAll(access);
        }
        return new Selected(name(management), name(s3Data));
    }

    private static Set<Access> access(String readWriteType) {
        if ("ReadOnly".equals(readWriteType)) return EnumSet.of(Access.READ);
        if ("WriteOnly".equals(readWriteType)) return EnumSet.of(Access.WRITE);
        return EnumSet.allOf(Access.class);
    }

    /** The advanced readOnly field: absent is both, Equals true / false is one, anything else narrows beyond what we can name. */
    private static Set<Access> access(AdvancedFieldSelector readOnly) {
        if (readOnly == null) return EnumSet.allOf(Access.class);
        if (equalsOnly(readOnly, "true")) return EnumSet.of(Access.READ);
        if (equalsOnly(readOnly, "false")) return EnumSet.of(Access.WRITE);
        return null;
    }

    /** A field selector that only says Equals {@code value}. */
    private static boolean equalsOnly(AdvancedFieldSelector f, String value) {
        return f != null && f.equalsValue().equals(List.of(value)) && f.startsWith().isEmpty() && f.endsWith().isEmpty() && f.notEquals().isEmpty()
                && f.notStartsWith().isEmpty() && f.notEndsWith().isEmpty();
    }

    /** {@code arn:aws:s3} (all current and future buckets) or {@code arn:aws:s3:::}, in any partition. */
    private static boolean allBuckets(String value) {
        return value != null && value.matches("arn:aws[a-z-]*:s3(:::)?");
    }

    private static String name(Set<Access> access) {
        if (access.size() == 2) return "All";
        if (access.contains(Access.READ)) return "ReadOnly";
        if (access.contains(Access.WRITE)) return "WriteOnly";
        return "None";
    }

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
