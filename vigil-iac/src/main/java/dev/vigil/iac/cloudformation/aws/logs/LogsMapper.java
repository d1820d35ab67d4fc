package dev.vigil.iac.cloudformation.aws.logs;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.logs.LogGroup;
import java.util.List;

/** {@code AWS::Logs::LogGroup} to {@code aws.logs.log-group}: kept forever and encrypted by CloudWatch Logs unless set. */
public final class LogsMapper {
    private LogsMapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::Logs::LogGroup")) logGroup(r, stack);
    }

    private static void logGroup(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = Stack.generatedName(a, "LogGroupName");
        a.unknown("arn", "the log group's ARN is known only after deploy");
        a.unknown("created", "known only after deploy");
        // metric filters are resources of their own; they are counted here, not joined
        long filters = stack.referencing(r, "AWS::Logs::MetricFilter", "LogGroupName").size();
        LogGroup g = new LogGroup(name, null, a.has("RetentionInDays") || a.unresolved("RetentionInDays") ? a.number("RetentionInDays", "retentionDays") : Long.valueOf(0),
                stack.idOf(a, "KmsKeyId", "kmsKeyId", ""), filters, a.string("LogGroupClass", "logGroupClass", "STANDARD"), null);
        stack.add(r, AwsTypes.LOGS_LOG_GROUP, name, g, a.unknowns(), List.of());
    }
}
