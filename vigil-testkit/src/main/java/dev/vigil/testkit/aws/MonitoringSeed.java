package dev.vigil.testkit.aws;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.FindingPublishingFrequency;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The monitoring chain and the detective services.
 *
 * <p>In both regions, the same CloudWatch Logs, alarm and SNS resources:
 * <ul>
 *   <li>{@code good-cloudtrail}: log group kept 365 days, encrypted with a customer managed key
 *       (with rotation on), carrying CIS 4.x metric filters {@code good-root-usage},
 *       {@code good-unauthorized-api-calls} and {@code good-iam-policy-changes}, each watched by an
 *       alarm ({@code good-...-alarm}, actions on) notifying {@code good-security-alerts}.</li>
 *   <li>{@code good-security-alerts}: topic encrypted with alias/aws/sns, default (owner-only)
 *       policy, one email subscription.</li>
 *   <li>{@code bad-console-no-mfa}: a CIS 4.2 filter on {@code good-cloudtrail} whose alarm
 *       {@code bad-console-no-mfa-alarm} has its actions off and notifies
 *       {@code bad-open-alerts}, which no one subscribes to: the notification reaches no one.</li>
 *   <li>{@code bad-open-alerts}: topic without encryption (FSBP SNS.1), a policy that lets anyone
 *       publish (public topic), no subscriptions.</li>
 *   <li>{@code bad-app-logs}: log group whose events never expire and are not KMS-encrypted.</li>
 * </ul>
 * In the live scan, bad-app-logs fails aws-logs-log-group-kms-encrypted (never expiring passes the
 * retention rule), bad-open-alerts fails aws-sns-topic-kms-encrypted and aws-sns-topic-not-public,
 * and bad-console-no-mfa-alarm fails aws-cloudwatch-alarm-actions-enabled; every good- resource
 * passes. Metric filters have no rule of their own: the CIS 4.x rules judge the account, and fail
 * here because no trail sends its events to good-cloudtrail.
 *
 * <p>The region settings differ by region, so that every rule in rules/aws/region/ except EBS
 * encryption by default PASSes in us-east-1 and FAILs in eu-west-1:
 * <ul>
 *   <li>us-east-1: an AWS Config recorder recording all supported types including global ones
 *       (aws-region-config-recorder-enabled), an enabled GuardDuty detector
 *       (aws-region-guardduty-enabled), Security Hub (aws-region-security-hub-enabled).</li>
 *   <li>eu-west-1: none of them.</li>
 * </ul>
 * The emulator has no IAM Access Analyzer, so aws-region-access-analyzer-enabled is ERROR in both.
 */
public final class MonitoringSeed implements Seed {
    static final String GOOD_REGION = "us-east-1";
    static final String GOOD_LOG_GROUP = "good-cloudtrail";
    static final String GOOD_TOPIC = "good-security-alerts";
    static final String BAD_TOPIC = "bad-open-alerts";
    static final String NAMESPACE = "CISBenchmark";

    /** CIS AWS 3.0 section 4 patterns, as the benchmark gives them. */
    public static final String ROOT_USAGE = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }";
    public static final String UNAUTHORIZED_API_CALLS = "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") "
            + "&& ($.sourceIPAddress!=\"delivery.logs.amazonaws.com\") && ($.eventName!=\"HeadBucket\") }";
    public static final String IAM_POLICY_CHANGES = "{($.eventSource=iam.amazonaws.com) && (($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)"
            + "||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)"
            + "||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)"
            + "||($.eventName=SetDefaultPolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)"
            + "||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy))}";
    public static final String CONSOLE_WITHOUT_MFA = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") "
            + "&& ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }";

    @Override
    public String name() {
        return "monitoring";
    }

    @Override
    public void plant(SeedClients clients) {
        for (String region : SeedClients.REGIONS) {
            plantMonitoring(clients, region);
            if (region.equals(GOOD_REGION)) plantDetectiveServices(clients, region);
        }
    }

    private static void plantMonitoring(SeedClients clients, String region) {
        try (KmsClient kms = clients.client(KmsClient::builder, region);
             CloudWatchLogsClient logs = clients.client(CloudWatchLogsClient::builder, region);
             CloudWatchClient cloudWatch = clients.client(CloudWatchClient::builder, region);
             SnsClient sns = clients.client(SnsClient::builder, region)) {
            String key = kms.createKey(r -> r.description("good-monitoring-logs")).keyMetadata().arn();
            kms.enableKeyRotation(r -> r.keyId(key));

            logs.createLogGroup(r -> r.logGroupName(GOOD_LOG_GROUP).kmsKeyId(key));
            logs.putRetentionPolicy(r -> r.logGroupName(GOOD_LOG_GROUP).retentionInDays(365));
            logs.createLogGroup(r -> r.logGroupName("bad-app-logs"));

            String good = sns.createTopic(r -> r.name(GOOD_TOPIC).attributes(java.util.Map.of("KmsMasterKeyId", "alias/aws/sns"))).topicArn();
            sns.subscribe(r -> r.topicArn(good).protocol("email").endpoint("security@example.com"));
            String bad = sns.createTopic(r -> r.name(BAD_TOPIC)).topicArn();
            sns.setTopicAttributes(r -> r.topicArn(bad).attributeName("Policy").attributeValue("""
                    {"Version":"2012-10-17","Statement":[{"Sid":"anyone","Effect":"Allow","Principal":"*","Action":"SNS:Publish","Resource":"%s"}]}"""
                    .formatted(bad)));

            watched(logs, cloudWatch, "good-root-usage", "RootUsage", ROOT_USAGE, good, true);
            watched(logs, cloudWatch, "good-unauthorized-api-calls", "UnauthorizedAPICalls", UNAUTHORIZED_API_CALLS, good, true);
            watched(logs, cloudWatch, "good-iam-policy-changes", "IAMPolicyChanges", IAM_POLICY_CHANGES, good, true);
            watched(logs, cloudWatch, "bad-console-no-mfa", "ConsoleSignInWithoutMfa", CONSOLE_WITHOUT_MFA, bad, false);
        }
    }

    /** A metric filter on the CloudTrail log group and an alarm on its metric, as CIS section 4 prescribes. */
    private static void watched(CloudWatchLogsClient logs, CloudWatchClient cloudWatch, String name, String metric, String pattern, String topic,
                                boolean actionsEnabled) {
        logs.putMetricFilter(r -> r.logGroupName(GOOD_LOG_GROUP).filterName(name).filterPattern(pattern)
                .metricTransformations(t -> t.metricNamespace(NAMESPACE).metricName(metric).metricValue("1")));
        cloudWatch.putMetricAlarm(r -> r.alarmName(name + "-alarm").namespace(NAMESPACE).metricName(metric).statistic(Statistic.SUM).period(300)
                .evaluationPeriods(1).threshold(1.0).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .actionsEnabled(actionsEnabled).alarmActions(topic));
    }

    /**
     * A Config recorder of every type (moto does not check the delivery channel's bucket, so none
     * is created), GuardDuty and Security Hub.
     */
    private static void plantDetectiveServices(SeedClients clients, String region) {
        try (ConfigClient config = clients.client(ConfigClient::builder, region);
             GuardDutyClient guardDuty = clients.client(GuardDutyClient::builder, region);
             SecurityHubClient hub = clients.client(SecurityHubClient::builder, region)) {
            config.putConfigurationRecorder(r -> r.configurationRecorder(c -> c.name("default")
                    .roleARN("arn:aws:iam::" + SeedClients.ACCOUNT + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig")
                    .recordingGroup(g -> g.allSupported(true).includeGlobalResourceTypes(true))));
            config.putDeliveryChannel(r -> r.deliveryChannel(d -> d.name("default").s3BucketName("config-delivery-" + SeedClients.ACCOUNT)));
            config.startConfigurationRecorder(r -> r.configurationRecorderName("default"));
            guardDuty.createDetector(r -> r.enable(true).findingPublishingFrequency(FindingPublishingFrequency.FIFTEEN_MINUTES));
            hub.enableSecurityHub(r -> r.enableDefaultStandards(false));
        }
    }
}
