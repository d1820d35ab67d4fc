package dev.vigil.aws.detective;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.config.ConfigClient;

/** The region's AWS Config recorder: {@code aws.region}'s {@code configRecorder}. */
public final class ConfigCollector implements Collector {

    @Override
    public String service() {
        return "config";
    }

    @Override
    public Set<String> settings() {
        return Set.of("region.configRecorder");
    }

    @Override
    public List<String> actions() {
        return List.of("config:DescribeConfigurationRecorders", "config:DescribeConfigurationRecorderStatus");
    }

    @Override
    public void collect(CollectContext ctx) {
        ConfigClient config = ctx.client(ConfigClient::builder);
        var recorders = ctx.call("config:DescribeConfigurationRecorders", () -> config.describeConfigurationRecorders(r -> { }).configurationRecorders());
        var statuses = ctx.call("config:DescribeConfigurationRecorderStatus",
                () -> config.describeConfigurationRecorderStatus(r -> { }).configurationRecordersStatus());
        DetectiveMapper.configRecorder(recorders, statuses).ifPresentOrElse(
                recorder -> ctx.regionSettings().put("configRecorder", recorder),
                () -> ctx.regionSettings().fail("configRecorder", "config:DescribeConfigurationRecorderStatus gave no status for the recorder"));
    }
}
