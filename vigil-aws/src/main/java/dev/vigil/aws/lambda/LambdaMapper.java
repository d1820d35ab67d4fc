package dev.vigil.aws.lambda;

import dev.vigil.model.aws.iam.PolicyDocuments;
import dev.vigil.aws.live.Failures;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.lambda.Function;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionUrlConfig;

/** Lambda API responses to canonical functions: pure functions, no calls. Environment variable values never leave this class. */
public final class LambdaMapper {
    private LambdaMapper() {
    }

    /** A function as ListFunctions lists it, with its resource policy (GetPolicy) and URLs (ListFunctionUrlConfigs). */
    public record FunctionReads(FunctionConfiguration function, Read<String> policy, Read<List<FunctionUrlConfig>> urls) {
    }

    public record Mapped(Function function, Map<String, String> unknowns, Map<String, String> failures) {
    }

    public static Mapped function(FunctionReads r) {
        FunctionConfiguration c = r.function();
        Failures f = new Failures();
        Map<String, String> unknowns = new TreeMap<>();
        PolicyDocument policy = f.check("policy", r.policy()).map(PolicyDocuments::parse, PolicyDocument.EMPTY);
        String urlAuthType = f.check("urlAuthType", r.urls()).map(LambdaMapper::urlAuthType, "");
        List<String> envNames = List.of();
        if (c.environment() != null) {
            envNames = c.environment().variables().keySet().stream().sorted().toList();
            if (c.environment().error() != null) {
                unknowns.put("environmentVariableNames", "Lambda could not show the environment: " + c.environment().error().errorCode()
                        + " " + nz(c.environment().error().message()));
            }
        }
        var vpc = c.vpcConfig();
        Function fn = new Function(c.functionName(), c.functionArn(), nz(c.runtimeAsString()), nz(c.packageTypeAsString()), nz(c.role()), policy,
                urlAuthType, envNames, vpc == null ? "" : nz(vpc.vpcId()), vpc == null ? List.of() : List.copyOf(vpc.subnetIds()),
                vpc == null ? List.of() : List.copyOf(vpc.securityGroupIds()), nz(c.kmsKeyArn()),
                c.tracingConfig() == null ? "" : nz(c.tracingConfig().modeAsString()), nz(c.lastModified()));
        return new Mapped(fn, unknowns, f.byPath());
    }

    /** The function's URLs (of $LATEST and of aliases) as one: NONE when any lets anyone call, empty when it has none. */
    static String urlAuthType(List<FunctionUrlConfig> urls) {
        if (urls.isEmpty()) return "";
        return urls.stream().anyMatch(u -> "NONE".equals(u.authTypeAsString())) ? "NONE" : nz(urls.get(0).authTypeAsString());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
