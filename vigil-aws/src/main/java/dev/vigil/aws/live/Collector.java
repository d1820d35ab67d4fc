package dev.vigil.aws.live;

import java.util.List;
import java.util.Set;

/**
 * Reads one AWS service of one account, in one region (or once per account for a global service)
 * into canonical resources. A collector does the calling (pagination, per-resource calls, which
 * errors mean "absent") and hands the responses to a mapper, a pure function tested on its own.
 *
 * <p>Contract: a failed call of a single resource's detail is recorded on that resource
 * ({@link CollectContext.ResourceBuilder#failure}); a failed listing lets the {@link ApiFailure}
 * escape, and the scan records a coverage gap over {@link #types()} for the unit's scope. Either
 * way the affected rules are ERROR, never PASS.
 */
public interface Collector {

    /** Stable id, the name for {@code --services}: {@code s3}, {@code ec2}, {@code iam}, ... */
    String service();

    /** True for services read once per account (IAM, S3's bucket listing, CloudFront); false (the default) for one unit per region. */
    default boolean global() {
        return false;
    }

    /** The canonical types it emits; a failed unit hides these in its scope. None for collectors that only fill in settings. */
    default Set<String> types() {
        return Set.of();
    }

    /**
     * The account or region settings it fills in, as {@code account.<field>} or {@code region.<field>};
     * when the unit fails they are failed, when the service is not scanned they are unknown.
     */
    default Set<String> settings() {
        return Set.of();
    }

    /** The read-only IAM actions it may call; docs/aws-permissions.md lists their union. */
    List<String> actions();

    void collect(CollectContext ctx);
}
