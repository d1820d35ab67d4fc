package dev.vigil.model.aws.lambda;

import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.schema.Doc;
import java.util.List;

/**
 * A Lambda function ($LATEST). Environment variable values are secrets often enough that they are
 * never read into the inventory: only their names.
 */
@Doc("A Lambda function: runtime, execution role, resource policy, URL and network placement.")
public record Function(
        String functionName,
        String arn,
        @Doc("e.g. python3.12, nodejs20.x; empty for a container image") String runtime,
        @Doc("Zip or Image") String packageType,
        @Doc("The execution role's ARN") String role,
        @Doc("The resource-based policy; no statements when the function has none") PolicyDocument policy,
        @Doc("Auth type of the function URL: AWS_IAM or NONE (anyone can invoke it); empty when it has no URL") String urlAuthType,
        @Doc("Names of its environment variables; the values are never collected") List<String> environmentVariableNames,
        @Doc("VPC it is attached to, empty when none") String vpcId,
        List<String> subnetIds,
        List<String> securityGroupIds,
        @Doc("Customer managed KMS key for its environment variables, empty for the AWS managed key") String kmsKeyArn,
        @Doc("X-Ray tracing: Active or PassThrough") String tracingMode,
        @Doc("ISO-8601") String lastModified) {
}
