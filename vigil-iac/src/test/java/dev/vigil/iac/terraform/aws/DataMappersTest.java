package dev.vigil.iac.terraform.aws;

import static dev.vigil.iac.terraform.aws.Tf.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.terraform.TerraformAws;
import dev.vigil.model.Resource;
import dev.vigil.model.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RDS instances, KMS keys and CloudTrail trails. */
class DataMappersTest {

    @Test
    void anRdsInstanceTakesTheProviderAndRdsDefaults() {
        TerraformAws.Mapped m = mapAll(tf("aws_db_instance", "aws_db_instance.legacy", "identifier", "legacy-reporting-db", "engine", "mysql",
                "instance_class", "db.t3.medium", "username", "admin", "publicly_accessible", true, "auto_minor_version_upgrade", false,
                "backup_retention_period", 0L));
        Resource db = only(m, "aws.rds.db-instance");

        assertThat(db.name()).isEqualTo("legacy-reporting-db");
        assertThat(prop(db, "storageEncrypted")).isEqualTo(false);
        assertThat(prop(db, "port")).as("MySQL's default port").isEqualTo(3306L);
        assertThat(prop(db, "multiAz")).isEqualTo(false);
        assertThat(status("aws-rds-instance-not-public", db, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-rds-instance-storage-encrypted", db, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-rds-instance-backups-enabled", db, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-rds-instance-auto-minor-version-upgrade", db, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-rds-instance-custom-admin-username", db, m)).isEqualTo(Status.FAIL);
    }

    @Test
    void anRdsInstanceWithoutBackupSettingsKeepsOneDay() {
        TerraformAws.Mapped m = mapAll(tf("aws_db_instance", "aws_db_instance.x", "identifier", "x", "engine", "postgres", "username", "orders_admin",
                "storage_encrypted", true));
        Resource db = only(m, "aws.rds.db-instance");

        assertThat(prop(db, "backupRetentionPeriod")).isEqualTo(1L);
        assertThat(prop(db, "autoMinorVersionUpgrade")).isEqualTo(true);
        assertThat(status("aws-rds-instance-backups-enabled", db, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-rds-instance-storage-encrypted", db, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-rds-instance-non-default-port", db, m)).isEqualTo(Status.FAIL);
    }

    @Test
    void aKmsKeyWithoutRotationFailsAndItsDefaultPolicyIsUnknown() {
        TerraformAws.Mapped m = mapAll(tf("aws_kms_key", "aws_kms_key.us", "description", "us data"),
                tf("aws_kms_key", "aws_kms_key.eu", "enable_key_rotation", true),
                tf("aws_kms_key_policy", "aws_kms_key_policy.eu", "key_id", ref("aws_kms_key.eu"), "policy",
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"));
        Resource us = byId(m, "infra#aws_kms_key.us");
        Resource eu = byId(m, "infra#aws_kms_key.eu");

        assertThat(prop(us, "keyManager")).isEqualTo("CUSTOMER");
        assertThat(prop(us, "keyState")).isEqualTo("Enabled");
        assertThat(us.unknowns().get("policy")).contains("default key policy");
        assertThat(status("aws-kms-key-rotation-enabled", us, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-kms-key-rotation-enabled", eu, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-kms-key-policy-not-public", us, m)).isEqualTo(Status.UNKNOWN);
        assertThat(status("aws-kms-key-policy-not-public", eu, m)).isEqualTo(Status.FAIL);
        assertThat(m.unmodelled()).isEmpty();
    }

    @Test
    void aTrailLogsAllManagementEventsUnlessItsSelectorsSayOtherwise() {
        TerraformAws.Mapped m = mapAll(
                tf("aws_s3_bucket", "aws_s3_bucket.trail", "bucket", "trail-logs"),
                tf("aws_cloudtrail", "aws_cloudtrail.main", "name", "main", "s3_bucket_name", ref("aws_s3_bucket.trail"),
                        "cloud_watch_logs_group_arn", "arn:aws:logs:us-east-1:111122223333:log-group:trail:*"),
                tf("aws_cloudtrail", "aws_cloudtrail.data", "name", "data", "s3_bucket_name", "trail-logs", "is_multi_region_trail", true,
                        "enable_log_file_validation", true, "kms_key_id", ref("aws_kms_key.trail"),
                        "event_selector", block("read_write_type", "WriteOnly", "include_management_events", false,
                                "data_resource", block("type", "AWS::S3::Object", "values", List.of("arn:aws:s3")))));
        Resource main = byId(m, "infra#aws_cloudtrail.main");
        Resource data = byId(m, "infra#aws_cloudtrail.data");

        assertThat(prop(main, "logging")).isEqualTo(true);
        assertThat(prop(main, "managementEvents")).isEqualTo("All");
        assertThat(prop(main, "s3DataEvents")).isEqualTo("None");
        assertThat(prop(main, "s3BucketName")).as("the referenced bucket's configured name").isEqualTo("trail-logs");
        assertThat(main.relations()).extracting(r -> r.targetId()).containsExactly("infra#aws_s3_bucket.trail");
        assertThat(prop(data, "managementEvents")).isEqualTo("None");
        assertThat(prop(data, "s3DataEvents")).isEqualTo("WriteOnly");
        assertThat(data.relations()).extracting(r -> r.targetId()).contains("infra#aws_s3_bucket.trail", "infra#aws_kms_key.trail");

        assertThat(status("aws-cloudtrail-trail-log-file-validation", main, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-cloudtrail-trail-kms-encrypted", main, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-cloudtrail-trail-cloudwatch-logs", main, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-cloudtrail-trail-kms-encrypted", data, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-cloudtrail-bucket-access-logging", main, m)).as("the related bucket logs nowhere").isEqualTo(Status.FAIL);
    }
}
