package dev.vigil.iac.terraform.aws.ec2;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.ec2.Snapshot;
import dev.vigil.model.aws.rds.DbSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aws_ebs_snapshot} (shared by {@code aws_snapshot_create_volume_permission}) and
 * {@code aws_db_snapshot} ({@code shared_accounts}, where {@code all} makes it public). A snapshot
 * is encrypted when its source volume or instance is, which the configuration of the source tells
 * when the source is in the scan.
 */
public final class Snapshots {
    public static final List<String> SPLITS = List.of("aws_snapshot_create_volume_permission");

    private Snapshots() {
    }

    public static Resource ebs(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        List<String> shared = new ArrayList<>();
        for (TfResource p : joins.splits(r, "aws_snapshot_create_volume_permission", "snapshot_id", Joins.keys(r, "id", "arn"))) {
            Attrs pa = Canon.attrs(p);
            String account = pa.string("account_id", "sharedWith");
            if (account != null) shared.add(account);
            Joins.merge(a, pa);
        }
        String volume = Canon.reference(a.raw("volume_id"), r);
        if (volume == null) a.string("volume_id", "volumeId");
        Boolean encrypted = a.has("encrypted") ? a.bool("encrypted", "encrypted") : null;
        if (encrypted == null && !a.unknowns().containsKey("encrypted")) {
            TfResource source = joins.target(a.raw("volume_id"), r, t -> Joins.keys(t, "id"), "aws_ebs_volume");
            if (source != null) encrypted = Canon.attrs(source).bool("encrypted", "encrypted", false);
            else a.unknown("encrypted", "a snapshot is encrypted when its volume is, and the volume is not in the scan");
        }
        Snapshot s = new Snapshot(a.string("id", "snapshotId"), volume, encrypted, Canon.referenceOr(a, r, "kms_key_id", "kmsKeyId", ""),
                "completed", a.number("volume_size", "volumeSizeGiB"), null, a.string("description", "description", ""), false,
                a.unknowns().containsKey("sharedWith") ? null : shared);
        return Canon.resource(r, AwsTypes.EC2_SNAPSHOT, Canon.tags(r).getOrDefault("Name", r.address()), s, a, List.of());
    }

    public static Resource db(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String id = a.string("db_snapshot_identifier", "dbSnapshotIdentifier");
        List<String> accounts = a.strings("shared_accounts", "sharedWithAccounts");
        if (accounts == null && !a.unresolved("shared_accounts")) accounts = List.of();
        Boolean open = accounts == null ? null : accounts.contains("all");
        if (open == null) a.unknown("publiclyRestorable", "the accounts it is shared with are not known");
        TfResource source = joins.target(a.raw("db_instance_identifier"), r, t -> Joins.keys(t, "identifier", "id"), "aws_db_instance");
        Boolean encrypted = null;
        String engine = null;
        if (source != null) {
            Attrs sa = Canon.attrs(source);
            encrypted = sa.bool("storage_encrypted", "encrypted", false);
            engine = sa.string("engine", "engine");
        } else if (a.has("encrypted")) {
            encrypted = a.bool("encrypted", "encrypted");
        } else {
            a.unknown("encrypted", "a snapshot is encrypted when its DB instance is, and the instance is not in the scan");
        }
        String instance = Canon.reference(a.raw("db_instance_identifier"), r);
        if (source != null && source.attributes().get("identifier") instanceof String n) instance = n;
        DbSnapshot s = new DbSnapshot(id, a.string("db_snapshot_arn", "arn"), instance, engine, "manual", "available", encrypted,
                Canon.referenceOr(a, r, "kms_key_id", "kmsKeyId", Boolean.TRUE.equals(encrypted) ? null : ""), open,
                accounts == null ? null : accounts.stream().filter(x -> !x.equals("all")).toList(), null);
        return Canon.resource(r, AwsTypes.RDS_DB_SNAPSHOT, id, s, a, List.of());
    }
}
