package dev.vigil.iac.cloudformation.aws.secretsmanager;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.secretsmanager.Secret;
import java.util.List;

/**
 * {@code AWS::SecretsManager::Secret} to {@code aws.secretsmanager.secret}, rotation from the
 * {@code AWS::SecretsManager::RotationSchedule} naming it. Its value is never read. Dates are
 * known only after deploy; a secret without rotation has never been rotated.
 */
public final class SecretsMapper {
    private SecretsMapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::SecretsManager::Secret")) secret(r, stack);
    }

    private static void secret(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = Stack.generatedName(a, "Name");
        a.unknown("arn", "the secret's ARN is known only after deploy");
        boolean rotation = false;
        Long days = 0L;
        String schedule = "";
        String lambda = "";
        for (CfnResource s : stack.pointingAt(r, "AWS::SecretsManager::RotationSchedule", "SecretId")) {
            Attrs x = new Attrs(s.properties(), a.unknowns());
            rotation = true;
            Attrs rules = x.block("RotationRules", "rotationDays");
            days = rules.has("AutomaticallyAfterDays") ? rules.number("AutomaticallyAfterDays", "rotationDays") : Long.valueOf(0);
            schedule = rules.string("ScheduleExpression", "rotationSchedule", "");
            lambda = stack.idOf(x, "RotationLambdaARN", "rotationLambdaArn", "");
        }
        String lastRotated = "";
        if (rotation) {
            lastRotated = null;
            a.unknown("lastRotatedDate", "rotation runs only after deploy");
        }
        for (String f : List.of("lastAccessedDate", "lastChangedDate", "createdDate")) a.unknown(f, "known only after deploy");
        Secret secret = new Secret(name, null, a.string("Description", "description", ""), stack.idOf(a, "KmsKeyId", "kmsKeyId", ""), rotation,
                days, schedule, lambda, lastRotated, null, null, null);
        stack.add(r, AwsTypes.SECRETSMANAGER_SECRET, name, secret, a.unknowns(), List.of());
    }
}
