package dev.vigil.aws.detective;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * Security Hub in the region: {@code aws.region}'s {@code securityHubEnabled}. DescribeHub answers
 * {@code InvalidAccessException} when the account is not subscribed, which means "off"; any other
 * error (a denied call is {@code AccessDeniedException}) fails the field.
 */
public final class SecurityHubCollector implements Collector {
    static final Set<String> NOT_SUBSCRIBED = Set.of("InvalidAccessException");

    @Override
    public String service() {
        return "securityhub";
    }

    @Override
    public Set<String> settings() {
        return Set.of("region.securityHubEnabled");
    }

    @Override
    public List<String> actions() {
        return List.of("securityhub:DescribeHub");
    }

    @Override
    public void collect(CollectContext ctx) {
        SecurityHubClient hub = ctx.client(SecurityHubClient::builder);
        var described = ctx.callOrAbsent("securityhub:DescribeHub", NOT_SUBSCRIBED, () -> hub.describeHub(r -> { }));
        ctx.regionSettings().put("securityHubEnabled", DetectiveMapper.securityHubEnabled(described));
    }
}
