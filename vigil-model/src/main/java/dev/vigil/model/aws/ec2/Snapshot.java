package dev.vigil.model.aws.ec2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("An EBS snapshot owned by the account, with who may create volumes from it.")
public record Snapshot(
        String snapshotId,
        @Doc("The volume it was taken from (vol-ffffffff for a copied snapshot)") String volumeId,
        Boolean encrypted,
        @Doc("KMS key, empty when unencrypted") String kmsKeyId,
        @Doc("pending, completed, error, recoverable or recovering") String state,
        Long volumeSizeGiB,
        String startTime,
        String description,
        @Doc("Anyone with an AWS account may create a volume from it: createVolumePermission holds the group 'all' (FSBP EC2.1)")
        Boolean publicRestore,
        @Doc("Accounts given createVolumePermission") List<String> sharedWith) {
}
