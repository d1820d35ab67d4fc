package dev.vigil.aws;

import dev.vigil.aws.iam.IamCollector;
import dev.vigil.aws.live.Collector;
import dev.vigil.aws.s3.S3Collector;
import java.util.List;
import java.util.stream.Stream;

/** Every live AWS collector, in the order their units are scheduled. */
public final class AwsCollectors {
    private AwsCollectors() {
    }

    public static List<Collector> standard() {
        return Stream.of(storage(), iam(), ec2(), data(), monitoring()).flatMap(List::stream).toList();
    }

    private static List<Collector> storage() {
        return List.of(new S3Collector(), new dev.vigil.aws.organizations.OrganizationsCollector());
    }

    // ---- IAM family ----

    private static List<Collector> iam() {
        return List.of(new IamCollector());
    }

    // ---- EC2 and VPC family ----

    private static List<Collector> ec2() {
        return List.of(new dev.vigil.aws.ec2.Ec2Collector(), new dev.vigil.aws.ec2.VpcCollector());
    }

    // ---- data and compute family ----

    private static List<Collector> data() {
        return List.of(new dev.vigil.aws.rds.RdsCollector(), new dev.vigil.aws.kms.KmsCollector(), new dev.vigil.aws.cloudtrail.CloudTrailCollector(),
                new dev.vigil.aws.lambda.LambdaCollector(), new dev.vigil.aws.elb.ElbCollector(), new dev.vigil.aws.eks.EksCollector(),
                new dev.vigil.aws.secretsmanager.SecretsManagerCollector(), new dev.vigil.aws.cloudfront.CloudFrontCollector());
    }

    // ---- monitoring family ----

    private static List<Collector> monitoring() {
        return List.of(new dev.vigil.aws.logs.LogsCollector(), new dev.vigil.aws.detective.ConfigCollector(),
                new dev.vigil.aws.detective.GuardDutyCollector(), new dev.vigil.aws.detective.SecurityHubCollector(),
                new dev.vigil.aws.detective.AccessAnalyzerCollector());
    }
}
