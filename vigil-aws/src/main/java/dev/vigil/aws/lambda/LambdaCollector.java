package dev.vigil.aws.lambda;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.model.aws.AwsTypes;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** Lambda functions of one region ($LATEST), each with its resource policy and function URLs. */
public final class LambdaCollector implements Collector {
    /** GetPolicy's answer for a function without a resource policy. */
    private static final Set<String> NO_POLICY = Set.of("ResourceNotFoundException");

    @Override
    public String service() {
        return "lambda";
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.LAMBDA_FUNCTION.id());
    }

    @Override
    public List<String> actions() {
        return List.of("lambda:ListFunctions", "lambda:GetPolicy", "lambda:ListFunctionUrlConfigs");
    }

    @Override
    public void collect(CollectContext ctx) {
        LambdaClient lambda = ctx.client(LambdaClient::builder);
        List<FunctionConfiguration> functions = ctx.call("lambda:ListFunctions", () -> lambda.listFunctionsPaginator(r -> r.maxItems(50))
                .functions().stream().toList());
        ctx.forEach(functions, fn -> {
            String name = fn.functionName();
            var reads = new LambdaMapper.FunctionReads(fn,
                    ctx.read("lambda:GetPolicy", NO_POLICY, () -> lambda.getPolicy(r -> r.functionName(name)).policy()),
                    ctx.read("lambda:ListFunctionUrlConfigs", Set.of(), () -> lambda.listFunctionUrlConfigsPaginator(r -> r.functionName(name))
                            .functionUrlConfigs().stream().toList()));
            LambdaMapper.Mapped m = LambdaMapper.function(reads);
            var f = m.function();
            var b = ctx.resource(AwsTypes.LAMBDA_FUNCTION, f.arn()).name(name).properties(f).failures(m.failures())
                    .relation("uses", AwsTypes.IAM_ROLE, f.role())
                    .relation("in-vpc", AwsTypes.EC2_VPC, f.vpcId().isEmpty() ? null : ec2(ctx, "vpc/" + f.vpcId()))
                    .relation("uses-key", AwsTypes.KMS_KEY, f.kmsKeyArn())
                    .api("lambda:ListFunctions");
            m.unknowns().forEach(b::unknown);
            for (String sg : f.securityGroupIds()) b.relation("uses", AwsTypes.EC2_SECURITY_GROUP, ec2(ctx, "security-group/" + sg));
            b.emit();
        });
    }

    static String ec2(CollectContext ctx, String kindAndId) {
        return "arn:" + ctx.partition() + ":ec2:" + ctx.region() + ":" + ctx.account() + ":" + kindAndId;
    }
}
