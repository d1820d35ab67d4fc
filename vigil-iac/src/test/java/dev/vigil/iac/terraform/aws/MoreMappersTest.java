package dev.vigil.iac.terraform.aws;

import static dev.vigil.iac.terraform.aws.Tf.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.terraform.TerraformAws;
import dev.vigil.model.Resource;
import dev.vigil.model.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Log groups, metric filters, alarms, SNS topics, secrets and Lambda functions. */
class MoreMappersTest {

    @Test
    void logGroupsKeepEventsForeverUnlessTold() {
        TerraformAws.Mapped m = mapAll(tf("aws_cloudwatch_log_group", "aws_cloudwatch_log_group.forever", "name", "forever"),
                tf("aws_cloudwatch_log_group", "aws_cloudwatch_log_group.short", "name", "short", "retention_in_days", 30L));

        assertThat(prop(byId(m, "infra#aws_cloudwatch_log_group.forever"), "retentionDays")).isEqualTo(0L);
        assertThat(status("aws-logs-log-group-retention-period", byId(m, "infra#aws_cloudwatch_log_group.forever"), m)).isEqualTo(Status.PASS);
        assertThat(status("aws-logs-log-group-retention-period", byId(m, "infra#aws_cloudwatch_log_group.short"), m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-logs-log-group-kms-encrypted", byId(m, "infra#aws_cloudwatch_log_group.short"), m)).isEqualTo(Status.FAIL);
    }

    @Test
    void aMetricFilterCarriesTheAlarmsOnItsMetricAndWhetherTheirTopicsReachSomeone() {
        TerraformAws.Mapped m = mapAll(
                tf("aws_cloudwatch_log_group", "aws_cloudwatch_log_group.trail", "name", "trail-logs"),
                tf("aws_cloudtrail", "aws_cloudtrail.main", "name", "main", "s3_bucket_name", "b",
                        "cloud_watch_logs_group_arn", "arn:aws:logs:us-east-1:111122223333:log-group:trail-logs:*"),
                tf("aws_cloudwatch_log_metric_filter", "aws_cloudwatch_log_metric_filter.root", "name", "root-usage",
                        "log_group_name", ref("aws_cloudwatch_log_group.trail"),
                        "pattern", "{ $.userIdentity.type = \"Root\" }",
                        "metric_transformation", block("name", "RootUsage", "namespace", "CIS", "value", "1")),
                tf("aws_cloudwatch_metric_alarm", "aws_cloudwatch_metric_alarm.root", "alarm_name", "root-usage", "namespace", "CIS",
                        "metric_name", "RootUsage", "comparison_operator", "GreaterThanOrEqualToThreshold", "threshold", 1L,
                        "evaluation_periods", 1L, "period", 300L, "alarm_actions", list(ref("aws_sns_topic.alerts"))),
                tf("aws_sns_topic", "aws_sns_topic.alerts", "name", "alerts"),
                tf("aws_sns_topic_subscription", "aws_sns_topic_subscription.queue", "topic_arn", ref("aws_sns_topic.alerts"), "protocol", "sqs",
                        "endpoint", ref("aws_sqs_queue.alerts")));
        Resource filter = only(m, "aws.logs.metric-filter");
        Resource trail = only(m, "aws.cloudtrail.trail");
        Resource alarm = only(m, "aws.cloudwatch.alarm");
        Resource topic = only(m, "aws.sns.topic");

        assertThat(prop(filter, "logGroupArn")).isEqualTo("infra#aws_cloudwatch_log_group.trail");
        assertThat(prop(trail, "cloudWatchLogsLogGroupArn")).as("the same group, named the same way").isEqualTo("infra#aws_cloudwatch_log_group.trail");
        assertThat(items(filter, "alarms")).hasSize(1);
        assertThat(prop(filter, "logGroupName")).isEqualTo("trail-logs");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) items(filter, "alarms").get(0);
        assertThat(a).containsEntry("actionsEnabled", true).containsEntry("topics", List.of(Map.of("arn", "infra#aws_sns_topic.alerts", "hasSubscribers", true)));
        assertThat(items(alarm, "alarmActions")).containsExactly("infra#aws_sns_topic.alerts");
        assertThat(prop(topic, "confirmedSubscriptions")).isEqualTo(1L);
        assertThat(status("aws-cloudwatch-alarm-alarm-action-configured", alarm, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-sns-topic-kms-encrypted", topic, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-sns-topic-not-public", topic, m)).as("the default topic policy names the account").isEqualTo(Status.UNKNOWN);
        assertThat(m.unmodelled()).isEqualTo(Map.of());
    }

    @Test
    void aSecretRotatesOnlyWithARotationResource() {
        TerraformAws.Mapped m = mapAll(tf("aws_secretsmanager_secret", "aws_secretsmanager_secret.db", "name", "db", "kms_key_id", ref("aws_kms_key.k")),
                tf("aws_secretsmanager_secret_rotation", "aws_secretsmanager_secret_rotation.db", "secret_id", ref("aws_secretsmanager_secret.db"),
                        "rotation_lambda_arn", ref("aws_lambda_function.rotate"), "rotation_rules", block("automatically_after_days", 30L)),
                tf("aws_secretsmanager_secret", "aws_secretsmanager_secret.api", "name", "api"));
        Resource db = byId(m, "infra#aws_secretsmanager_secret.db");
        Resource api = byId(m, "infra#aws_secretsmanager_secret.api");

        assertThat(prop(db, "rotationDays")).isEqualTo(30L);
        assertThat(status("aws-secretsmanager-secret-rotation-enabled", db, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-secretsmanager-secret-rotation-enabled", api, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-secretsmanager-secret-cmk-encrypted", db, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-secretsmanager-secret-cmk-encrypted", api, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-secretsmanager-secret-unused", api, m)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aFunctionsPermissionsAreItsPolicyAndItsUrlItsAuthType() {
        TerraformAws.Mapped m = mapAll(
                tf("aws_lambda_function", "aws_lambda_function.open", "function_name", "open", "runtime", "python3.8", "role", ref("aws_iam_role.fn"),
                        "environment", block("variables", Map.of("DB_PASSWORD", "hunter2", "TABLE_NAME", "orders"))),
                tf("aws_lambda_permission", "aws_lambda_permission.anyone", "function_name", ref("aws_lambda_function.open"),
                        "statement_id", "AllowAnyone", "action", "lambda:InvokeFunction", "principal", "*"),
                tf("aws_lambda_function_url", "aws_lambda_function_url.open", "function_name", "open", "authorization_type", "NONE"),
                tf("aws_lambda_function", "aws_lambda_function.s3", "function_name", "s3-events", "runtime", "python3.13", "role", ref("aws_iam_role.fn"),
                        "vpc_config", block("subnet_ids", list("subnet-1", "subnet-2"), "security_group_ids", list(ref("aws_security_group.fn")))),
                tf("aws_lambda_permission", "aws_lambda_permission.s3", "function_name", ref("aws_lambda_function.s3"),
                        "action", "lambda:InvokeFunction", "principal", "s3.amazonaws.com", "source_arn", ref("aws_s3_bucket.uploads"),
                        "source_account", "111122223333"),
                tf("aws_lambda_function", "aws_lambda_function.deputy", "function_name", "deputy", "runtime", "python3.13", "role", "arn:aws:iam::111122223333:role/fn"),
                tf("aws_lambda_permission", "aws_lambda_permission.deputy", "function_name", "deputy",
                        "action", "lambda:InvokeFunction", "principal", "s3.amazonaws.com", "source_arn", ref("aws_s3_bucket.uploads")));
        Resource open = byId(m, "infra#aws_lambda_function.open");
        Resource s3 = byId(m, "infra#aws_lambda_function.s3");

        assertThat(items(open, "environmentVariableNames")).containsExactlyInAnyOrder("DB_PASSWORD", "TABLE_NAME");
        assertThat(open.properties().toString()).doesNotContain("hunter2");
        assertThat(status("aws-lambda-function-not-public", open, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-lambda-function-url-auth-required", open, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-lambda-function-no-secrets-in-environment", open, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-lambda-function-supported-runtime", open, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-lambda-function-in-vpc", open, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-lambda-function-not-public", s3, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-lambda-function-not-public", byId(m, "infra#aws_lambda_function.deputy"), m))
                .as("S3 as principal without the source account: any account's bucket may invoke it").isEqualTo(Status.FAIL);
        assertThat(status("aws-lambda-function-url-auth-required", s3, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-lambda-function-in-vpc", s3, m)).as("its VPC comes from subnets known after deploy").isEqualTo(Status.UNKNOWN);
        assertThat(m.unmodelled()).isEmpty();
    }

    @Test
    void aLoadBalancerAndItsListeners() {
        TerraformAws.Mapped m = mapAll(
                tf("aws_subnet", "aws_subnet.a", "vpc_id", "vpc-1", "availability_zone", "eu-west-1a"),
                tf("aws_subnet", "aws_subnet.b", "vpc_id", "vpc-1", "availability_zone", "eu-west-1b"),
                tf("aws_lb", "aws_lb.web", "name", "web", "subnets", list(ref("aws_subnet.a"), ref("aws_subnet.b"))),
                tf("aws_lb_listener", "aws_lb_listener.http", "load_balancer_arn", ref("aws_lb.web"), "port", 80L,
                        "default_action", block("type", "redirect", "redirect", block("protocol", "HTTPS", "port", "443", "status_code", "HTTP_301"))),
                tf("aws_lb_listener", "aws_lb_listener.plain", "load_balancer_arn", ref("aws_lb.web"), "port", 8080L,
                        "default_action", block("type", "forward", "target_group_arn", ref("aws_lb_target_group.app"))));
        Resource lb = only(m, "aws.elbv2.load-balancer");
        Resource redirect = byId(m, "infra#aws_lb_listener.http");
        Resource plain = byId(m, "infra#aws_lb_listener.plain");

        assertThat(prop(lb, "scheme")).isEqualTo("internet-facing");
        assertThat(items(lb, "availabilityZones")).containsExactly("eu-west-1a", "eu-west-1b");
        assertThat(redirect.name()).isEqualTo("web:80");
        assertThat(status("aws-elbv2-load-balancer-multi-az", lb, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-elbv2-load-balancer-access-logging", lb, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-elbv2-load-balancer-drops-invalid-headers", lb, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-elbv2-listener-http-redirects-to-https", redirect, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-elbv2-listener-internet-facing-encrypted", plain, m)).as("plain HTTP on an internet-facing load balancer")
                .isEqualTo(Status.FAIL);
    }

    @Test
    void anEksClusterHasAPublicEndpointOpenToAllUnlessConfigured() {
        TerraformAws.Mapped m = mapAll(
                tf("aws_eks_cluster", "aws_eks_cluster.open", "name", "open", "role_arn", "arn:aws:iam::111122223333:role/eks",
                        "vpc_config", block("subnet_ids", list("subnet-1", "subnet-2"))),
                tf("aws_eks_cluster", "aws_eks_cluster.closed", "name", "closed", "version", "1.33", "role_arn", "arn:aws:iam::111122223333:role/eks",
                        "enabled_cluster_log_types", list("api", "audit", "authenticator", "controllerManager", "scheduler"),
                        "vpc_config", block("subnet_ids", list("subnet-1"), "endpoint_public_access", false, "endpoint_private_access", true),
                        "encryption_config", block("resources", list("secrets"), "provider", block("key_arn", ref("aws_kms_key.eks")))));
        Resource open = byId(m, "infra#aws_eks_cluster.open");
        Resource closed = byId(m, "infra#aws_eks_cluster.closed");

        assertThat(items(open, "publicAccessCidrs")).containsExactly("0.0.0.0/0");
        assertThat(status("aws-eks-cluster-endpoint-not-public", open, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-eks-cluster-audit-logging", open, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-eks-cluster-supported-version", open, m)).isEqualTo(Status.UNKNOWN);
        assertThat(status("aws-eks-cluster-endpoint-not-public", closed, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-eks-cluster-control-plane-logging-all", closed, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-eks-cluster-secrets-encrypted", closed, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-eks-cluster-supported-version", closed, m)).isEqualTo(Status.PASS);
    }

    @Test
    void snapshotsAreEncryptedAsTheirSourceAndSharedAsConfigured() {
        TerraformAws.Mapped m = mapAll(
                tf("aws_ebs_volume", "aws_ebs_volume.data", "size", 10L, "availability_zone", "us-east-1a"),
                tf("aws_ebs_snapshot", "aws_ebs_snapshot.data", "volume_id", ref("aws_ebs_volume.data")),
                tf("aws_snapshot_create_volume_permission", "aws_snapshot_create_volume_permission.partner", "snapshot_id", ref("aws_ebs_snapshot.data"),
                        "account_id", "444455556666"),
                tf("aws_db_instance", "aws_db_instance.db", "identifier", "db", "engine", "postgres", "username", "app", "storage_encrypted", true),
                tf("aws_db_snapshot", "aws_db_snapshot.db", "db_snapshot_identifier", "db-before-upgrade", "db_instance_identifier",
                        ref("aws_db_instance.db"), "shared_accounts", list("all")),
                tf("aws_ebs_snapshot", "aws_ebs_snapshot.elsewhere", "volume_id", "vol-0123"));
        Resource ebs = byId(m, "infra#aws_ebs_snapshot.data");
        Resource db = byId(m, "infra#aws_db_snapshot.db");

        assertThat(status("aws-ec2-snapshot-encrypted", ebs, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-ec2-snapshot-not-shared-externally", ebs, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-ec2-snapshot-not-public", ebs, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-rds-snapshot-encrypted", db, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-rds-snapshot-not-public", db, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-ec2-snapshot-encrypted", byId(m, "infra#aws_ebs_snapshot.elsewhere"), m)).isEqualTo(Status.UNKNOWN);
        assertThat(m.unmodelled()).isEmpty();
    }

    @Test
    void aCloudFrontDistributionWithTheDefaultCertificate() {
        TerraformAws.Mapped m = mapAll(tf("aws_cloudfront_distribution", "aws_cloudfront_distribution.site", "enabled", true, "comment", "site",
                "default_cache_behavior", block("viewer_protocol_policy", "allow-all", "target_origin_id", "s3"),
                "ordered_cache_behavior", list(Tf.map("path_pattern", "/api/*", "viewer_protocol_policy", "https-only")),
                "origin", list(Tf.map("origin_id", "s3", "domain_name", ref("aws_s3_bucket.site"), "origin_access_control_id", ref("aws_cloudfront_origin_access_control.site")),
                        Tf.map("origin_id", "api", "domain_name", "api.example.com", "custom_origin_config",
                                block("origin_protocol_policy", "match-viewer", "origin_ssl_protocols", list("TLSv1", "TLSv1.2"), "http_port", 80L, "https_port", 443L))),
                "restrictions", block("geo_restriction", block("restriction_type", "none")),
                "viewer_certificate", block("cloudfront_default_certificate", true)));
        Resource d = only(m, "aws.cloudfront.distribution");

        assertThat(d.name()).isEqualTo("site");
        assertThat(items(d, "viewerProtocolPolicies")).containsExactly("allow-all", "https-only");
        assertThat(status("aws-cloudfront-distribution-viewer-https", d, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-cloudfront-distribution-custom-certificate", d, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-cloudfront-distribution-s3-origin-access-control", d, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-cloudfront-distribution-origin-https", d, m)).as("match-viewer while viewers may use HTTP").isEqualTo(Status.FAIL);
        assertThat(status("aws-cloudfront-distribution-origin-no-legacy-tls", d, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-cloudfront-distribution-access-logging", d, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-cloudfront-distribution-waf-enabled", d, m)).isEqualTo(Status.FAIL);
    }
}
