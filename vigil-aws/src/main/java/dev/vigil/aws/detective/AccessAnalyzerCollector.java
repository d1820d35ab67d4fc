package dev.vigil.aws.detective;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

/**
 * IAM Access Analyzer in the region: {@code aws.region}'s {@code accessAnalyzerEnabled}. Any failed
 * listing, including an endpoint that does not implement the service, fails the field: it never
 * reads as "no analyzer".
 */
public final class AccessAnalyzerCollector implements Collector {

    @Override
    public String service() {
        return "accessanalyzer";
    }

    @Override
    public Set<String> settings() {
        return Set.of("region.accessAnalyzerEnabled");
    }

    @Override
    public List<String> actions() {
        return List.of("access-analyzer:ListAnalyzers");
    }

    @Override
    public void collect(CollectContext ctx) {
        AccessAnalyzerClient analyzer = ctx.client(AccessAnalyzerClient::builder);
        var analyzers = ctx.call("access-analyzer:ListAnalyzers", () -> analyzer.listAnalyzersPaginator(r -> { }).analyzers().stream().toList());
        ctx.regionSettings().put("accessAnalyzerEnabled", DetectiveMapper.accessAnalyzerEnabled(analyzers));
    }
}
