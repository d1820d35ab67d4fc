package dev.vigil.iac.cloudformation.aws;

import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.cloudtrail.TrailMapper;
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
    private static final Map<String, String> REF_PROPERTY = Map.of(
            "AWS::S3::Bucket", "BucketName",
            "AWS::IAM::User", "UserName",
            "AWS::IAM::Group", "GroupName",
            "AWS::IAM::Role", "RoleName",
            "AWS::IAM::InstanceProfile", "InstanceProfileName",
            "AWS::RDS::DBInstance", "DBInstanceIdentifier",
            "AWS::RDS::DBSubnetGroup", "DBSubnetGroupName",
            "AWS::CloudTrail::Trail", "TrailName",
            "AWS::Logs::LogGroup", "LogGroupName",
            "AWS::Lambda::Function", "FunctionName");

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
        Map<String, Long> unmodelled = new TreeMap<>();
        for (CfnResource r : resources) if (!stack.consumed(r)) unmodelled.merge(r.type(), 1L, Long::sum);
        return new Mapped(stack.resources(), stack.suppressions(), unmodelled);
    }
}
