package dev.vigil.iac.cloudformation.aws;

import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.cloudfront.CloudFrontMapper;
import dev.vigil.iac.cloudformation.aws.cloudtrail.TrailMapper;
import dev.vigil.iac.cloudformation.aws.cloudwatch.AlarmMapper;
import dev.vigil.iac.cloudformation.aws.eks.EksMapper;
import dev.vigil.iac.cloudformation.aws.elbv2.ElbV2Mapper;
import dev.vigil.iac.cloudformation.aws.lambda.LambdaMapper;
import dev.vigil.iac.cloudformation.aws.logs.LogsMapper;
import dev.vigil.iac.cloudformation.aws.secretsmanager.SecretsMapper;
import dev.vigil.iac.cloudformation.aws.sns.SnsMapper;
import dev.vigil.iac.cloudformation.aws.ec2.Ec2Mapper;
import dev.vigil.iac.cloudformation.aws.iam.IamMapper;
import dev.vigil.iac.cloudformation.aws.kms.KmsMapper;
import dev.vigil.iac.cloudformation.aws.rds.RdsMapper;
import dev.vigil.iac.cloudformation.aws.s3.S3Mapper;
import dev.vigil.model.Resource;
import dev.vigil.model.input.InlineSuppression;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudFormation resources into canonical AWS resources: one mapper per service, each also joining
 * the resources that configure another one (a bucket policy to its bucket, an ingress rule to its
 * group, a flow log to its VPC). Types that no mapper reads, and split resources whose target is not
 * in the scan, are counted as not modelled.
 */
public final class CloudFormationAws {
    /**
     * Where a {@code Ref} returns a property the template may set (the cloud name), by type; the
     * types not listed return an id or ARN assigned at deploy.
     */
    private static final Map<String, String> REF_PROPERTY = Map.ofEntries(
            Map.entry("AWS::S3::Bucket", "BucketName"),
            Map.entry("AWS::IAM::User", "UserName"),
            Map.entry("AWS::IAM::Group", "GroupName"),
            Map.entry("AWS::IAM::Role", "RoleName"),
            Map.entry("AWS::IAM::InstanceProfile", "InstanceProfileName"),
            Map.entry("AWS::RDS::DBInstance", "DBInstanceIdentifier"),
            Map.entry("AWS::RDS::DBSubnetGroup", "DBSubnetGroupName"),
            Map.entry("AWS::CloudTrail::Trail", "TrailName"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::EKS::Cluster", "Name"),
            Map.entry("AWS::CloudWatch::Alarm", "AlarmName"));

    private CloudFormationAws() {
    }

    /** The property whose value {@code Ref} of a resource of {@code type} returns, or {@code null}. */
    public static String refProperty(String type) {
        return REF_PROPERTY.get(type);
    }

    /**
     * @param resources    canonical resources, located at their template lines
     * @param suppressions the marks of the template resources, aimed at the canonical resource each one configures
     * @param unmodelled   CloudFormation types read but not modelled, counted
     */
    public record Mapped(List<Resource> resources, List<InlineSuppression> suppressions, Map<String, Long> unmodelled) {
    }

    public static Mapped map(List<CfnResource> resources) {
        Stack stack = new Stack(resources);
        S3Mapper.map(stack);
        IamMapper.map(stack);
        Ec2Mapper.map(stack);
        RdsMapper.map(stack);
        KmsMapper.map(stack);
        TrailMapper.map(stack);
        LambdaMapper.map(stack);
        LogsMapper.map(stack);
        SnsMapper.map(stack);
        SecretsMapper.map(stack);
        EksMapper.map(stack);
        AlarmMapper.map(stack);
        ElbV2Mapper.map(stack);
        CloudFrontMapper.map(stack);
        Map<String, Long> unmodelled = new TreeMap<>();
        for (CfnResource r : resources) if (!stack.consumed(r)) unmodelled.merge(r.type(), 1L, Long::sum);
        return new Mapped(stack.resources(), stack.suppressions(), unmodelled);
    }
}
