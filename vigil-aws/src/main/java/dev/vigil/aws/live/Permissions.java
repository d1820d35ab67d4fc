package dev.vigil.aws.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The least-privilege, read-only IAM policy a live scan needs: the union of the actions the
 * collectors declare, plus the two calls every scan makes (who am I, which regions). The policy in
 * docs/aws-permissions.md is this one, and a test holds every API call a scan actually makes to it.
 */
public final class Permissions {
    /** Calls the scan itself makes before any collector runs. */
    public static final List<String> SCAN = List.of("sts:GetCallerIdentity", "ec2:DescribeRegions");

    private static final Map<String, String> PREFIX = Map.ofEntries(
            Map.entry("s3", "s3"), Map.entry("s3control", "s3"), Map.entry("ec2", "ec2"), Map.entry("iam", "iam"), Map.entry("sts", "sts"),
            Map.entry("rds", "rds"), Map.entry("kms", "kms"), Map.entry("cloudtrail", "cloudtrail"), Map.entry("lambda", "lambda"),
            Map.entry("elasticloadbalancingv2", "elasticloadbalancing"), Map.entry("cloudfront", "cloudfront"), Map.entry("eks", "eks"),
            Map.entry("cloudwatchlogs", "logs"), Map.entry("cloudwatch", "cloudwatch"), Map.entry("sns", "sns"),
            Map.entry("secretsmanager", "secretsmanager"), Map.entry("configservice", "config"), Map.entry("guardduty", "guardduty"),
            Map.entry("securityhub", "securityhub"), Map.entry("accessanalyzer", "access-analyzer"), Map.entry("organizations", "organizations"));

    /** SDK operations whose IAM action has another name. */
    private static final Map<String, String> RENAMED = Map.of(
            "s3:ListBuckets", "s3:ListAllMyBuckets",
            "s3:GetBucketEncryption", "s3:GetEncryptionConfiguration",
            "s3:GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration",
            "s3:GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration",
            "s3:GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock",
            "s3control:GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock");

    private Permissions() {
    }

    /** Every action the scan may call, sorted. */
    public static Set<String> actions(List<Collector> collectors) {
        Set<String> all = new TreeSet<>(SCAN);
        for (Collector c : collectors) all.addAll(c.actions());
        return all;
    }

    /** The IAM action behind an SDK call, from the SDK's service id and operation name ({@code S3 Control}, {@code GetPublicAccessBlock}). */
    public static String actionOf(String serviceId, String operation) {
        String key = serviceId.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        String renamed = RENAMED.get(key + ":" + operation);
        if (renamed != null) return renamed;
        String prefix = PREFIX.get(key);
        if (prefix == null) throw new IllegalArgumentException("no IAM prefix known for SDK service '" + serviceId + "'");
        return prefix + ":" + operation;
    }

    /** The policy document, indented as in the docs. */
    public static String policyJson(List<Collector> collectors) {
        String list = actions(collectors).stream().map(a -> "        \"" + a + "\"").collect(Collectors.joining(",\n"));
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "VigilReadOnlyScan",
                      "Effect": "Allow",
                      "Action": [
                %s
                      ],
                      "Resource": "*"
                    }
                  ]
                }
                """.formatted(list);
    }
}
