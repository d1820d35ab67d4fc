package dev.vigil.iac.terraform.aws.lambda;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.lambda.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code aws_lambda_function} with the {@code aws_lambda_permission}s that make up its resource
 * policy and its {@code aws_lambda_function_url}. Environment variables: names only, never values.
 */
public final class Functions {
    public static final List<String> SPLITS = List.of("aws_lambda_permission", "aws_lambda_function_url");

    private Functions() {
    }

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "function_name", "functionName");
        List<String> keys = Joins.keys(r, "function_name", "arn", "id");
        List<PolicyDocument.Statement> statements = new ArrayList<>();
        for (TfResource p : joins.splits(r, "aws_lambda_permission", "function_name", keys)) statements.add(permission(a, p));
        String urlAuth = "";
        for (TfResource u : joins.splits(r, "aws_lambda_function_url", "function_name", keys)) {
            Attrs ua = Canon.attrs(u);
            urlAuth = ua.string("authorization_type", "urlAuthType");
            Joins.merge(a, ua);
        }
        List<String> envNames = new ArrayList<>();
        Attrs env = a.block("environment", "environmentVariableNames");
        Object vars = env.raw("variables");
        if (vars instanceof Map<?, ?> m) m.keySet().forEach(k -> envNames.add(k.toString()));
        else if (vars instanceof Unresolved u) a.unknown("environmentVariableNames", u.reason());
        List<String> subnets = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        String vpcId = "";
        List<Relation> rel = new ArrayList<>();
        if (a.has("vpc_config")) {
            Attrs vpc = a.block("vpc_config", "vpcId");
            collect(vpc, r, "subnet_ids", "subnetIds", subnets);
            collect(vpc, r, "security_group_ids", "securityGroupIds", groups);
            for (String g : groups) if (g.contains("#")) rel.add(new Relation("uses", AwsTypes.EC2_SECURITY_GROUP.id(), g));
            vpcId = subnets.isEmpty() ? "" : null;
            if (vpcId == null) a.unknown("vpcId", "the VPC of the function's subnets is not known before deploy");
        }
        String packageType = a.string("package_type", "packageType", "Zip");
        Function f = new Function(name, a.string("arn", "arn"), a.string("runtime", "runtime", "Image".equals(packageType) ? "" : null), packageType,
                Canon.referenceOr(a, r, "role", "role", null), a.unknowns().containsKey("policy") ? null : new PolicyDocument(statements), urlAuth,
                a.unknowns().containsKey("environmentVariableNames") ? null : envNames, vpcId,
                a.unknowns().containsKey("subnetIds") ? null : subnets, a.unknowns().containsKey("securityGroupIds") ? null : groups,
                Canon.referenceOr(a, r, "kms_key_arn", "kmsKeyArn", ""), a.block("tracing_config", "tracingMode").string("mode", "tracingMode", "PassThrough"),
                null);
        return Canon.resource(r, AwsTypes.LAMBDA_FUNCTION, name, f, a, rel);
    }

    private static void collect(Attrs a, TfResource r, String key, String target, List<String> into) {
        Object v = a.raw(key);
        if (v instanceof Unresolved u && u.refersTo() == null) {
            a.unknown(target, u.reason());
            return;
        }
        for (Object o : v instanceof List<?> l ? l : v == null ? List.of() : List.of(v)) {
            String ref = Canon.reference(o, r);
            if (ref == null && o instanceof Unresolved u) a.unknown(target, u.reason());
            else if (ref != null) into.add(ref);
        }
    }

    /** One {@code aws_lambda_permission} as the statement Lambda adds to the function's policy. */
    private static PolicyDocument.Statement permission(Attrs fn, TfResource p) {
        Attrs a = Canon.attrs(p);
        List<PolicyDocument.Condition> conditions = new ArrayList<>();
        condition(a, "source_arn", "ArnLike", "aws:sourcearn", conditions);
        condition(a, "source_account", "StringEquals", "aws:sourceaccount", conditions);
        condition(a, "principal_org_id", "StringEquals", "aws:principalorgid", conditions);
        condition(a, "function_url_auth_type", "StringEquals", "lambda:functionurlauthtype", conditions);
        String principal = a.string("principal", "policy");
        String action = a.string("action", "policy");
        Joins.merge(fn, a);
        return new PolicyDocument.Statement(a.string("statement_id", "policy", ""), "Allow", principal == null ? List.of() : List.of(principal),
                List.of(), action == null ? List.of() : List.of(action), List.of(), List.of(), List.of(), conditions);
    }

    private static void condition(Attrs a, String key, String operator, String conditionKey, List<PolicyDocument.Condition> into) {
        if (a.unresolved(key)) {
            Object v = a.raw(key);
            // A reference (a bucket's ARN, an account output) restricts the caller even before its value is known.
            if (v instanceof Unresolved u && u.refersTo() != null) into.add(new PolicyDocument.Condition(operator, conditionKey, List.of(u.refersTo())));
            else a.string(key, "policy");
            return;
        }
        String value = a.string(key, "policy");
        if (value != null && !value.isEmpty()) into.add(new PolicyDocument.Condition(operator, conditionKey, List.of(value)));
    }
}
