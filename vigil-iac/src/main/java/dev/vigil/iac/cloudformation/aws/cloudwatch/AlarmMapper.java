package dev.vigil.iac.cloudformation.aws.cloudwatch;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.cloudwatch.Alarm;
import java.util.ArrayList;
import java.util.List;

/** {@code AWS::CloudWatch::Alarm} to {@code aws.cloudwatch.alarm}; its state is known only once it evaluates. */
public final class AlarmMapper {
    private AlarmMapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::CloudWatch::Alarm")) alarm(r, stack);
    }

    private static void alarm(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = Stack.generatedName(a, "AlarmName");
        a.unknown("arn", "the alarm's ARN is known only after deploy");
        a.unknown("state", "an alarm's state is known only once it evaluates, after deploy");
        List<Alarm.MetricRef> metrics = new ArrayList<>();
        String namespace = a.string("Namespace", "namespace", "");
        String metric = a.string("MetricName", "metricName", "");
        if (!metric.isEmpty()) metrics.add(new Alarm.MetricRef(namespace, metric));
        for (Attrs q : a.blocks("Metrics", "metrics")) {
            Attrs m = q.block("MetricStat", "metrics").block("Metric", "metrics");
            if (m.has("MetricName")) metrics.add(new Alarm.MetricRef(m.string("Namespace", "metrics", ""), m.string("MetricName", "metrics")));
        }
        Double threshold = a.raw("Threshold") instanceof Number n ? n.doubleValue() : null;
        if (threshold == null && a.raw("Threshold") instanceof String s) {
            try {
                threshold = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                a.unknown("threshold", "Threshold " + s + " is not a number");
            }
        }
        if (threshold == null && a.unresolved("Threshold")) a.string("Threshold", "threshold");
        Alarm alarm = new Alarm(name, null, namespace, metric, metrics, a.bool("ActionsEnabled", "actionsEnabled", true), null,
                stack.idsOf(a, "AlarmActions", "alarmActions"), stack.idsOf(a, "OKActions", "okActions"),
                stack.idsOf(a, "InsufficientDataActions", "insufficientDataActions"), a.string("ComparisonOperator", "comparisonOperator"),
                threshold, a.number("EvaluationPeriods", "evaluationPeriods"), metric.isEmpty() ? Long.valueOf(0) : a.number("Period", "periodSeconds"));
        stack.add(r, AwsTypes.CLOUDWATCH_ALARM, name, alarm, a.unknowns(), List.of());
    }
}
