package dev.vigil.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.lambda.Function;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionUrlConfig;

class LambdaMapperTest {
    static final String SECRET = "s3cr3t-value-never-stored";

    static FunctionConfiguration function() {
        return FunctionConfiguration.builder().functionName("resize").functionArn("arn:aws:lambda:eu-west-1:111122223333:function:resize")
                .runtime("python3.12").packageType("Zip").role("arn:aws:iam::111122223333:role/resize")
                .environment(e -> e.variables(Map.of("DB_PASSWORD", SECRET, "BUCKET", "images")))
                .vpcConfig(v -> v.vpcId("vpc-0a1b2c").subnetIds("subnet-1", "subnet-2").securityGroupIds("sg-9"))
                .kmsKeyArn("arn:aws:kms:eu-west-1:111122223333:key/abcd").tracingConfig(t -> t.mode("Active"))
                .lastModified("2024-05-01T10:00:00.000+0000").build();
    }

    static Read<List<FunctionUrlConfig>> urls(String... authTypes) {
        return Read.found(java.util.Arrays.stream(authTypes).map(a -> FunctionUrlConfig.builder().authType(a).build()).toList());
    }

    static final String PUBLIC_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"anyone","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction",
             "Resource":"arn:aws:lambda:eu-west-1:111122223333:function:resize"}]}""";

    @Test
    void environmentVariablesAreKeptByNameOnly() {
        LambdaMapper.Mapped m = LambdaMapper.function(new LambdaMapper.FunctionReads(function(), Read.absent(), urls()));
        assertThat(m.function().environmentVariableNames()).containsExactly("BUCKET", "DB_PASSWORD");
        assertThat(m.function().toString()).doesNotContain(SECRET);
    }

    @Test
    void aFunctionCarriesItsRoleNetworkKeyAndTracing() {
        Function f = LambdaMapper.function(new LambdaMapper.FunctionReads(function(), Read.absent(), urls())).function();
        assertThat(f.runtime()).isEqualTo("python3.12");
        assertThat(f.role()).isEqualTo("arn:aws:iam::111122223333:role/resize");
        assertThat(f.vpcId()).isEqualTo("vpc-0a1b2c");
        assertThat(f.subnetIds()).containsExactly("subnet-1", "subnet-2");
        assertThat(f.securityGroupIds()).containsExactly("sg-9");
        assertThat(f.kmsKeyArn()).endsWith(":key/abcd");
        assertThat(f.tracingMode()).isEqualTo("Active");
    }

    @Test
    void noResourcePolicyIsAnEmptyPolicyAndNoUrlIsEmpty() {
        LambdaMapper.Mapped m = LambdaMapper.function(new LambdaMapper.FunctionReads(function(), Read.absent(), urls()));
        assertThat(m.function().policy().statements()).isEmpty();
        assertThat(m.function().urlAuthType()).isEmpty();
        assertThat(m.failures()).isEmpty();
    }

    @Test
    void theResourcePolicyIsParsedAndTheMostOpenUrlWins() {
        LambdaMapper.Mapped m = LambdaMapper.function(new LambdaMapper.FunctionReads(function(), Read.found(PUBLIC_POLICY), urls("AWS_IAM", "NONE")));
        assertThat(m.function().policy().statements()).singleElement().satisfies(s -> assertThat(s.principals()).containsExactly("*"));
        assertThat(m.function().urlAuthType()).isEqualTo("NONE");
        assertThat(LambdaMapper.urlAuthType(urls("AWS_IAM").map(u -> u, List.of()))).isEqualTo("AWS_IAM");
    }

    @Test
    void failedReadsFailTheirPropertiesInsteadOfReadingAsNone() {
        var notFound = new ApiFailure("lambda:ListFunctionUrlConfigs", "HTTP 404", "", false, null);
        var denied = new ApiFailure("lambda:GetPolicy", "AccessDeniedException", "", false, null);
        LambdaMapper.Mapped m = LambdaMapper.function(new LambdaMapper.FunctionReads(function(), Read.failed(denied), Read.failed(notFound)));
        assertThat(m.function().urlAuthType()).isNull();
        assertThat(m.function().policy()).isNull();
        assertThat(m.failures()).containsOnlyKeys("urlAuthType", "policy");
    }

    @Test
    void anEnvironmentLambdaCannotShowIsUnknown() {
        FunctionConfiguration c = function().toBuilder().environment(e -> e.error(x -> x.errorCode("KMSAccessDeniedException").message("denied")))
                .build();
        LambdaMapper.Mapped m = LambdaMapper.function(new LambdaMapper.FunctionReads(c, Read.absent(), urls()));
        assertThat(m.unknowns()).containsKey("environmentVariableNames");
    }

    @Test
    void aFunctionOutsideAVpcHasNoVpc() {
        Function f = LambdaMapper.function(new LambdaMapper.FunctionReads(function().toBuilder().vpcConfig((software.amazon.awssdk.services.lambda.model.VpcConfigResponse) null)
                .environment((software.amazon.awssdk.services.lambda.model.EnvironmentResponse) null).build(), Read.absent(), urls())).function();
        assertThat(f.vpcId()).isEmpty();
        assertThat(f.subnetIds()).isEmpty();
        assertThat(f.environmentVariableNames()).isEmpty();
    }
}
