package dev.vigil.aws.rds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.rds.DbInstance;
import dev.vigil.model.aws.rds.DbSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttribute;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttributesResult;

class RdsMapperTest {
    static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    static DBSnapshot snapshot(String type) {
        return DBSnapshot.builder().dbSnapshotIdentifier("orders-before-migration").dbSnapshotArn("arn:aws:rds:eu-west-1:111122223333:snapshot:orders-before-migration")
                .dbInstanceIdentifier("orders").engine("postgres").snapshotType(type).status("available").encrypted(true).kmsKeyId(KEY)
                .snapshotCreateTime(Instant.parse("2024-05-01T10:00:00Z")).tagList(t -> t.key("team").value("orders")).build();
    }

    static Read<DBSnapshotAttributesResult> restorers(String... values) {
        return Read.found(DBSnapshotAttributesResult.builder().dbSnapshotIdentifier("orders-before-migration")
                .dbSnapshotAttributes(DBSnapshotAttribute.builder().attributeName("restore").attributeValues(values).build()).build());
    }

    @Test
    void aDbInstanceCarriesWhatTheRdsRulesRead() {
        DBInstance d = DBInstance.builder().dbInstanceIdentifier("orders").dbInstanceArn("arn:aws:rds:eu-west-1:111122223333:db:orders")
                .engine("postgres").engineVersion("16.3").dbInstanceClass("db.m6g.large").storageEncrypted(true).kmsKeyId(KEY)
                .publiclyAccessible(false).multiAZ(true).autoMinorVersionUpgrade(true).deletionProtection(true).backupRetentionPeriod(7)
                .iamDatabaseAuthenticationEnabled(true).monitoringInterval(60).enabledCloudwatchLogsExports("postgresql", "upgrade")
                .copyTagsToSnapshot(true).endpoint(e -> e.port(5432).address("orders.abc.eu-west-1.rds.amazonaws.com")).masterUsername("orders_admin")
                .dbSubnetGroup(g -> g.vpcId("vpc-0a1b2c")).build();
        assertThat(RdsMapper.dbInstance(d)).isEqualTo(new DbInstance("orders", "postgres", "16.3", "db.m6g.large", true, KEY, false, true, true,
                true, 7L, true, 60L, List.of("postgresql", "upgrade"), true, 5432L, "orders_admin", "vpc-0a1b2c"));
    }

    @Test
    void flagsAnInstanceAnswerLeavesOutAreOffAsAwsConfigReadsThem() {
        DbInstance db = RdsMapper.dbInstance(DBInstance.builder().dbInstanceIdentifier("scratch").engine("mysql").build());
        assertThat(db.storageEncrypted()).isFalse();
        assertThat(db.publiclyAccessible()).isFalse();
        assertThat(db.backupRetentionPeriod()).isZero();
        assertThat(db.port()).isNull();
        assertThat(db.vpcId()).isEmpty();
    }

    @Test
    void aSnapshotAnyoneMayRestoreIsPubliclyRestorable() {
        RdsMapper.MappedSnapshot m = RdsMapper.snapshot(snapshot("manual"), restorers("all", "444455556666"));
        DbSnapshot s = m.snapshot();
        assertThat(s.publiclyRestorable()).isTrue();
        assertThat(s.sharedWithAccounts()).containsExactly("444455556666");
        assertThat(s.encrypted()).isTrue();
        assertThat(s.kmsKeyId()).isEqualTo(KEY);
        assertThat(s.createTime()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(m.tags()).isEqualTo(Map.of("team", "orders"));
        assertThat(m.failures()).isEmpty();
    }

    @Test
    void aSnapshotSharedWithNoOneIsPrivate() {
        DbSnapshot s = RdsMapper.snapshot(snapshot("manual"), restorers()).snapshot();
        assertThat(s.publiclyRestorable()).isFalse();
        assertThat(s.sharedWithAccounts()).isEmpty();
    }

    @Test
    void aFailedAttributeReadFailsWhoMayRestoreInsteadOfReadingAsPrivate() {
        var denied = new ApiFailure("rds:DescribeDBSnapshotAttributes", "AccessDenied", "not authorized", false, null);
        RdsMapper.MappedSnapshot m = RdsMapper.snapshot(snapshot("manual"), Read.failed(denied));
        assertThat(m.snapshot().publiclyRestorable()).isNull();
        assertThat(m.snapshot().sharedWithAccounts()).isNull();
        assertThat(m.failures()).containsOnlyKeys("publiclyRestorable", "sharedWithAccounts");
        assertThat(m.failures().get("publiclyRestorable")).contains("rds:DescribeDBSnapshotAttributes").contains("AccessDenied");
    }

    @Test
    void automatedSnapshotsCannotBeSharedSoTheirAttributesAreNotAsked() {
        assertThat(RdsMapper.shareable(snapshot("automated"))).isFalse();
        assertThat(RdsMapper.shareable(snapshot("manual"))).isTrue();
        DbSnapshot s = RdsMapper.snapshot(snapshot("automated"), null).snapshot();
        assertThat(s.publiclyRestorable()).isFalse();
        assertThat(s.sharedWithAccounts()).isEmpty();
    }
}
