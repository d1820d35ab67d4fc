package dev.vigil.aws.detective;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;

/** The region's GuardDuty detector: {@code aws.region}'s {@code guardDutyEnabled}. */
public final class GuardDutyCollector implements Collector {

    @Override
    public String service() {
        return "guardduty";
    }

    @Override
    public Set<String> settings() {
        return Set.of("region.guardDutyEnabled");
    }

    @Override
    public List<String> actions() {
        return List.of("guardduty:ListDetectors", "guardduty:GetDetector");
    }

    @Override
    public void collect(CollectContext ctx) {
        GuardDutyClient guardDuty = ctx.client(GuardDutyClient::builder);
        List<String> ids = ctx.call("guardduty:ListDetectors", () -> guardDuty.listDetectorsPaginator(r -> { }).detectorIds().stream().toList());
        // A region has at most one detector; a failed GetDetector leaves the unit, and so the field, failed.
        List<GetDetectorResponse> detectors = new ArrayList<>();
        for (String id : ids) detectors.add(ctx.call("guardduty:GetDetector", () -> guardDuty.getDetector(r -> r.detectorId(id))));
        ctx.regionSettings().put("guardDutyEnabled", DetectiveMapper.guardDutyEnabled(detectors));
    }
}
