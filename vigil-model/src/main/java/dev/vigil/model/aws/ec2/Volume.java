package dev.vigil.model.aws.ec2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("An EBS volume.")
public record Volume(
        String volumeId,
        Boolean encrypted,
        @Doc("KMS key, empty when unencrypted") String kmsKeyId,
        @Doc("creating, available, in-use, deleting, deleted or error") String state,
        Long sizeGiB,
        String volumeType,
        @Doc("Instances the volume is attached to") List<String> attachedInstanceIds) {
}
