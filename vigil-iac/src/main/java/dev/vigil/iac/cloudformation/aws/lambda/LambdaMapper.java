package dev.vigil.iac.cloudformation.aws.lambda;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.Relation;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.lambda.Function;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code AWS::Lambda::Function} to {@code aws.lambda.function}, with its resource policy built from
 * the {@code AWS::Lambda::Permission} resources that name it (as Lambda writes one statement per
 * permission) and its URL from an {@code AWS::Lambda::Url}. Environment variable values are never
 * read, only their names.
 */
public final class LambdaMapper {
    private LambdaMapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::Lambda::Function")) function(r, stack);
    }

    private static void function(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = a.string("FunctionName", "functionName");
        if (name == null && !a.unresolved("FunctionName")) a.unknown("functionName", "no FunctionName: CloudFormation generates it at deploy");
        a.unknown("arn", "the function's ARN is known only after deploy");
        a.unknown("lastModified", "known only after deploy");
        String packageType = a.string("PackageType", "packageType", "Zip");

        List<Object> statements = new ArrayList<>();
        for (CfnResource p : stack.pointingAt(r, "AWS::Lambda::Permission", "FunctionName")) statements.add(statement(p));
        PolicyDocument policy = Stack.policy(Map.of("Statement", statements), a, "policy");

        String urlAuth = "";
        for (CfnResource u : stack.pointingAt(r, "AWS::Lambda::Url", "TargetFunctionArn")) {
            urlAuth = new Attrs(u.properties(), a.unknowns()).string("AuthType", "urlAuthType");
        }

        Attrs env = a.block("Environment", "environmentVariableNames");
        List<String> variables = env.raw("Variables") instanceof Map<?, ?> m ? m.keySet().stream().map(Object::toString).toList() : List.of();

        Attrs vpc = a.block("VpcConfig", "vpcId");
        List<String> subnets = stack.idsOf(vpc, "SubnetIds", "subnetIds");
        List<String> groups = stack.idsOf(vpc, "SecurityGroupIds", "securityGroupIds");
        String vpcId = "";
        if (subnets != null && !subnets.isEmpty()) {
            CfnResource subnet = stack.find(((List<?>) vpc.raw("SubnetIds")).get(0), r, "AWS::EC2::Subnet");
            vpcId = subnet == null ? null : stack.idOf(new Attrs(subnet.properties(), a.unknowns()), "VpcId", "vpcId", null);
            if (subnet == null) a.unknown("vpcId", "the VPC of the function's subnets is not declared in the templates");
        }
        List<Relation> rel = new ArrayList<>();
        if (vpc.raw("SecurityGroupIds") instanceof List<?> l) {
            for (Object g : l) {
                CfnResource sg = stack.find(g, r, "AWS::EC2::SecurityGroup");
                if (sg != null) rel.add(new Relation("uses", AwsTypes.EC2_SECURITY_GROUP.id(), sg.id()));
            }
        }
        Function f = new Function(name, null, packageType.equals("Image") ? "" : a.string("Runtime", "runtime", ""), packageType,
                stack.idOf(a, "Role", "role", null), policy, urlAuth, new ArrayList<>(variables), vpcId,
                subnets == null ? null : subnets, groups, stack.idOf(a, "KmsKeyArn", "kmsKeyArn", ""),
                a.block("TracingConfig", "tracingMode").string("Mode", "tracingMode", "PassThrough"), null);
        stack.add(r, AwsTypes.LAMBDA_FUNCTION, name, f, a.unknowns(), rel);
    }

    /** One permission as the statement Lambda adds to the function's policy. */
    private static Object statement(CfnResource p) {
        Map<String, Object> props = p.properties();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", p.logicalId());
        s.put("Effect", "Allow");
        Object principal = props.get("Principal");
        if ("*".equals(principal)) s.put("Principal", "*");
        else if (principal instanceof String text && text.contains(".amazonaws.com")) s.put("Principal", Map.of("Service", text));
        else s.put("Principal", Map.of("AWS", principal == null ? "*" : principal));
        s.put("Action", props.getOrDefault("Action", "lambda:InvokeFunction"));
        s.put("Resource", "*");
        Map<String, Object> condition = new LinkedHashMap<>();
        if (props.get("SourceArn") != null) condition.put("ArnLike", Map.of("AWS:SourceArn", props.get("SourceArn")));
        if (props.get("SourceAccount") != null) condition.put("StringEquals", Map.of("AWS:SourceAccount", props.get("SourceAccount")));
        if (props.get("PrincipalOrgID") != null) condition.put("StringEquals", Map.of("aws:PrincipalOrgID", props.get("PrincipalOrgID")));
        if (props.get("FunctionUrlAuthType") != null) condition.put("StringEquals", Map.of("lambda:FunctionUrlAuthType", props.get("FunctionUrlAuthType")));
        if (!condition.isEmpty()) s.put("Condition", condition);
        return s;
    }
}
