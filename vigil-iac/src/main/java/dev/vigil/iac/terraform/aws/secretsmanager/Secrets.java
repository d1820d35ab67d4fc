package dev.vigil.iac.terraform.aws.secretsmanager;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.secretsmanager.Secret;
import java.util.List;

/** {@code aws_secretsmanager_secret} with its {@code aws_secretsmanager_secret_rotation}; the secret's value is never read. */
public final class Secrets {
    public static final List<String> SPLITS = List.of("aws_secretsmanager_secret_rotation", "aws_secretsmanager_secret_version");

    private Secrets() {
    }

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "name", "name");
        List<String> keys = Joins.keys(r, "arn", "id", "name");
        List<TfResource> rotations = joins.splits(r, "aws_secretsmanager_secret_rotation", "secret_id", keys);
        joins.splits(r, "aws_secretsmanager_secret_version", "secret_id", keys);
        Boolean enabled = !rotations.isEmpty();
        Long days = 0L;
        String schedule = "";
        String lambda = "";
        if (!rotations.isEmpty()) {
            Attrs rot = Canon.attrs(rotations.get(rotations.size() - 1));
            Attrs rules = rot.block("rotation_rules", "rotationDays");
            days = rules.number("automatically_after_days", "rotationDays");
            if (days == null && !rules.unresolved("automatically_after_days")) days = 0L;
            schedule = rules.string("schedule_expression", "rotationSchedule", "");
            lambda = Canon.referenceOr(rot, rotations.get(0), "rotation_lambda_arn", "rotationLambdaArn", "");
            Joins.merge(a, rot);
        }
        Secret s = new Secret(name, a.string("arn", "arn"), a.string("description", "description", ""),
                Canon.referenceOr(a, r, "kms_key_id", "kmsKeyId", ""), enabled, days, schedule, lambda, null, null, null, null);
        return Canon.resource(r, AwsTypes.SECRETSMANAGER_SECRET, name, s, a, List.of());
    }
}
