package dev.vigil.model.aws;

import dev.vigil.model.ResourceType;
import java.util.List;

/** The canonical AWS resource types. Ids are stable: rules and stored history refer to them. */
public final class AwsTypes {
    private AwsTypes() {
    }

    public static final ResourceType ACCOUNT = aws("aws.account", "Account-wide settings", dev.vigil.model.aws.account.Account.class);
    public static final ResourceType REGION = aws("aws.region", "Per-region settings", dev.vigil.model.aws.account.Region.class);
    public static final ResourceType S3_BUCKET = aws("aws.s3.bucket", "S3 bucket", dev.vigil.model.aws.s3.Bucket.class);
    public static final ResourceType IAM_USER = aws("aws.iam.user", "IAM user", dev.vigil.model.aws.iam.User.class);
    public static final ResourceType IAM_GROUP = aws("aws.iam.group", "IAM group", dev.vigil.model.aws.iam.Group.class);
    public static final ResourceType IAM_ROLE = aws("aws.iam.role", "IAM role", dev.vigil.model.aws.iam.Role.class);
    public static final ResourceType IAM_POLICY = aws("aws.iam.policy", "IAM managed policy", dev.vigil.model.aws.iam.ManagedPolicy.class);
    public static final ResourceType EC2_SECURITY_GROUP = aws("aws.ec2.security-group", "VPC security group", dev.vigil.model.aws.ec2.SecurityGroup.class);
    public static final ResourceType EC2_NETWORK_ACL = aws("aws.ec2.network-acl", "VPC network ACL", dev.vigil.model.aws.ec2.NetworkAcl.class);
    public static final ResourceType EC2_VPC = aws("aws.ec2.vpc", "VPC", dev.vigil.model.aws.ec2.Vpc.class);
    public static final ResourceType EC2_INSTANCE = aws("aws.ec2.instance", "EC2 instance", dev.vigil.model.aws.ec2.Instance.class);
    public static final ResourceType EC2_VOLUME = aws("aws.ec2.volume", "EBS volume", dev.vigil.model.aws.ec2.Volume.class);
    public static final ResourceType RDS_DB_INSTANCE = aws("aws.rds.db-instance", "RDS DB instance", dev.vigil.model.aws.rds.DbInstance.class);
    public static final ResourceType KMS_KEY = aws("aws.kms.key", "KMS key", dev.vigil.model.aws.kms.Key.class);
    public static final ResourceType CLOUDTRAIL_TRAIL = aws("aws.cloudtrail.trail", "CloudTrail trail", dev.vigil.model.aws.cloudtrail.Trail.class);

    private static final List<ResourceType> FOUNDATION = List.of(ACCOUNT, REGION, S3_BUCKET, IAM_USER, IAM_GROUP, IAM_ROLE, IAM_POLICY,
            EC2_SECURITY_GROUP, EC2_NETWORK_ACL, EC2_VPC, EC2_INSTANCE, EC2_VOLUME, RDS_DB_INSTANCE, KMS_KEY, CLOUDTRAIL_TRAIL);

    // ---- IAM family ----

    public static final ResourceType IAM_INSTANCE_PROFILE = aws("aws.iam.instance-profile", "IAM instance profile",
            dev.vigil.model.aws.iam.InstanceProfile.class);
    public static final ResourceType IAM_SERVER_CERTIFICATE = aws("aws.iam.server-certificate", "IAM server certificate",
            dev.vigil.model.aws.iam.ServerCertificate.class);
    public static final ResourceType IAM_SAML_PROVIDER = aws("aws.iam.saml-provider", "IAM SAML identity provider",
            dev.vigil.model.aws.iam.SamlProvider.class);

    private static final List<ResourceType> IAM_FAMILY = List.of(IAM_INSTANCE_PROFILE, IAM_SERVER_CERTIFICATE, IAM_SAML_PROVIDER);

    // ---- EC2 and VPC family ----

    public static final ResourceType EC2_SUBNET = aws("aws.ec2.subnet", "VPC subnet", dev.vigil.model.aws.ec2.Subnet.class);
    public static final ResourceType EC2_ROUTE_TABLE = aws("aws.ec2.route-table", "VPC route table", dev.vigil.model.aws.ec2.RouteTable.class);
    public static final ResourceType EC2_INTERNET_GATEWAY = aws("aws.ec2.internet-gateway", "Internet gateway",
            dev.vigil.model.aws.ec2.InternetGateway.class);
    public static final ResourceType EC2_NAT_GATEWAY = aws("aws.ec2.nat-gateway", "NAT gateway", dev.vigil.model.aws.ec2.NatGateway.class);
    public static final ResourceType EC2_SNAPSHOT = aws("aws.ec2.snapshot", "EBS snapshot", dev.vigil.model.aws.ec2.Snapshot.class);

    private static final List<ResourceType> EC2_FAMILY = List.of(EC2_SUBNET, EC2_ROUTE_TABLE, EC2_INTERNET_GATEWAY, EC2_NAT_GATEWAY, EC2_SNAPSHOT);

    // ---- data and compute family (RDS, Lambda, ELB, CloudFront, EKS, Secrets Manager) ----

    public static final ResourceType RDS_DB_SNAPSHOT = aws("aws.rds.db-snapshot", "RDS DB snapshot", dev.vigil.model.aws.rds.DbSnapshot.class);
    public static final ResourceType LAMBDA_FUNCTION = aws("aws.lambda.function", "Lambda function", dev.vigil.model.aws.lambda.Function.class);
    public static final ResourceType ELBV2_LOAD_BALANCER = aws("aws.elbv2.load-balancer", "Application, Network or Gateway Load Balancer",
            dev.vigil.model.aws.elbv2.LoadBalancer.class);
    public static final ResourceType ELBV2_LISTENER = aws("aws.elbv2.listener", "ELBv2 load balancer listener", dev.vigil.model.aws.elbv2.Listener.class);
    public static final ResourceType CLOUDFRONT_DISTRIBUTION = aws("aws.cloudfront.distribution", "CloudFront distribution",
            dev.vigil.model.aws.cloudfront.Distribution.class);
    public static final ResourceType EKS_CLUSTER = aws("aws.eks.cluster", "EKS cluster", dev.vigil.model.aws.eks.Cluster.class);
    public static final ResourceType SECRETSMANAGER_SECRET = aws("aws.secretsmanager.secret", "Secrets Manager secret",
            dev.vigil.model.aws.secretsmanager.Secret.class);

    private static final List<ResourceType> DATA_FAMILY = List.of(RDS_DB_SNAPSHOT, LAMBDA_FUNCTION, ELBV2_LOAD_BALANCER, ELBV2_LISTENER,
            CLOUDFRONT_DISTRIBUTION, EKS_CLUSTER, SECRETSMANAGER_SECRET);

    // ---- monitoring family (CloudWatch Logs, CloudWatch alarms, SNS) ----

    public static final ResourceType LOGS_LOG_GROUP = aws("aws.logs.log-group", "CloudWatch Logs log group", dev.vigil.model.aws.logs.LogGroup.class);
    public static final ResourceType LOGS_METRIC_FILTER = aws("aws.logs.metric-filter", "CloudWatch Logs metric filter with its alarms",
            dev.vigil.model.aws.logs.MetricFilter.class);
    public static final ResourceType CLOUDWATCH_ALARM = aws("aws.cloudwatch.alarm", "CloudWatch metric alarm", dev.vigil.model.aws.cloudwatch.Alarm.class);
    public static final ResourceType SNS_TOPIC = aws("aws.sns.topic", "SNS topic", dev.vigil.model.aws.sns.Topic.class);

    private static final List<ResourceType> MONITORING_FAMILY = List.of(LOGS_LOG_GROUP, LOGS_METRIC_FILTER, CLOUDWATCH_ALARM, SNS_TOPIC);

    // ----

    public static final List<ResourceType> ALL = java.util.stream.Stream.of(FOUNDATION, IAM_FAMILY, EC2_FAMILY, DATA_FAMILY, MONITORING_FAMILY)
            .flatMap(List::stream).toList();

    private static ResourceType aws(String id, String description, Class<? extends Record> model) {
        return new ResourceType(id, "aws", description, model);
    }
}
