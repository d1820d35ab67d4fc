package dev.vigil.aws.cloudfront;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.model.aws.AwsTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;

/** CloudFront distributions, read once per account and placed in region {@code global}. */
public final class CloudFrontCollector implements Collector {

    @Override
    public String service() {
        return "cloudfront";
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.CLOUDFRONT_DISTRIBUTION.id());
    }

    @Override
    public List<String> actions() {
        return List.of("cloudfront:ListDistributions", "cloudfront:GetDistributionConfig");
    }

    @Override
    public void collect(CollectContext ctx) {
        CloudFrontClient cf = ctx.client(CloudFrontClient::builder);
        List<DistributionSummary> distributions = ctx.call("cloudfront:ListDistributions", () -> list(cf));
        ctx.forEach(distributions, s -> {
            var config = ctx.read("cloudfront:GetDistributionConfig", Set.of(), () -> cf.getDistributionConfig(r -> r.id(s.id())).distributionConfig());
            CloudFrontMapper.Mapped m = CloudFrontMapper.distribution(s, config);
            ctx.resource(AwsTypes.CLOUDFRONT_DISTRIBUTION, s.arn()).name(s.id()).region("global").properties(m.distribution())
                    .failures(m.failures()).api("cloudfront:ListDistributions").emit();
        });
    }

    /** Every page of ListDistributions (the client has no paginator for it). */
    private static List<DistributionSummary> list(CloudFrontClient cf) {
        List<DistributionSummary> out = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            DistributionList page = cf.listDistributions(r -> r.maxItems("100").marker(from)).distributionList();
            if (page == null) break;
            out.addAll(page.items());
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextMarker() : null;
        } while (marker != null && !marker.isEmpty());
        return out;
    }
}
