package dev.vigil.model.aws.cloudwatch;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("A CloudWatch metric alarm: the metric it watches and the actions it takes.")
public record Alarm(
        String name,
        String arn,
        @Doc("The watched metric's namespace; empty for a metric-math alarm") String namespace,
        @Doc("The watched metric's name; empty for a metric-math alarm") String metricName,
        @Doc("Every metric the alarm reads, its own or those of its metric-math queries") List<MetricRef> metrics,
        @Doc("The alarm's actions are enabled (FSBP CloudWatch.17)") Boolean actionsEnabled,
        @Doc("OK, ALARM or INSUFFICIENT_DATA") String state,
        @Doc("Actions on entering ALARM: SNS topic, Auto Scaling, EC2 or Systems Manager ARNs (FSBP CloudWatch.15)") List<String> alarmActions,
        @Doc("Actions on returning to OK") List<String> okActions,
        @Doc("Actions on entering INSUFFICIENT_DATA") List<String> insufficientDataActions,
        @Doc("GreaterThanOrEqualToThreshold, LessThanThreshold, ...") String comparisonOperator,
        Double threshold,
        @Doc("Evaluation periods before the state changes") Long evaluationPeriods,
        @Doc("Seconds per evaluation period; 0 for a metric-math alarm") Long periodSeconds) {

    @Doc("A metric by namespace and name.")
    public record MetricRef(String namespace, String name) {
    }
}
