package dev.vigil.model.aws.s3;

import dev.vigil.model.schema.Doc;

/** The four Block Public Access switches, on a bucket or on the whole account. Absent means all off. */
@Doc("S3 Block Public Access settings.")
public record PublicAccessBlock(
        Boolean blockPublicAcls,
        Boolean ignorePublicAcls,
        Boolean blockPublicPolicy,
        Boolean restrictPublicBuckets) {

    public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);
}
