package dev.vigil.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Type;

class S3MapperTest {
    static final String OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
    static final String PARTNER = "be1e0b8b13ac0a18ce0e3eaca61ac08dea8d6f0a1f3be6c0ddfe4cb6a0a2c3d4";

    static S3Mapper.BucketReads reads(Read<GetBucketAclResponse> acl) {
        return new S3Mapper.BucketReads("data", Instant.parse("2025-01-01T00:00:00Z"), Read.absent(), Read.absent(),
                Read.found(GetBucketVersioningResponse.builder().build()), Read.absent(), Read.absent(), acl, Read.absent(), Read.absent(),
                Read.absent());
    }

    @Test
    void theAclNamesTheOwnerAndEveryGrantee() {
        var acl = GetBucketAclResponse.builder().owner(Owner.builder().id(OWNER).build()).grants(
                Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id(OWNER).build()).permission("FULL_CONTROL").build(),
                Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id(PARTNER).build()).permission("READ").build(),
                Grant.builder().grantee(Grantee.builder().type(Type.GROUP).uri("http://acs.amazonaws.com/groups/s3/LogDelivery").build())
                        .permission("WRITE").build()).build();
        S3Mapper.Mapped m = S3Mapper.bucket("aws", reads(Read.found(acl)));
        assertThat(m.bucket().ownerId()).isEqualTo(OWNER);
        assertThat(m.bucket().aclGrants()).extracting(g -> g.grantee() + " " + g.permission())
                .containsExactly(OWNER + " FullControl", PARTNER + " Read", "LogDelivery Write");
        assertThat(m.bucket().versioning().status()).isEqualTo("Off");
        assertThat(m.failures()).isEmpty();
    }

    @Test
    void aFailedAclReadFailsTheOwnerWithTheGrants() {
        var denied = new ApiFailure("s3:GetBucketAcl", "AccessDenied", "not authorized", false, null);
        S3Mapper.Mapped m = S3Mapper.bucket("aws", reads(Read.failed(denied)));
        assertThat(m.bucket().ownerId()).isNull();
        assertThat(m.bucket().aclGrants()).isNull();
        assertThat(m.failures()).containsOnlyKeys("aclGrants", "ownerId");
        assertThat(m.failures().get("ownerId")).contains("AccessDenied");
    }
}
