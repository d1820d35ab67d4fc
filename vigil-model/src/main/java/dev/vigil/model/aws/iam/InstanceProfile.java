package dev.vigil.model.aws.iam;

import dev.vigil.model.schema.Doc;
import java.util.List;

/** {@code aws.iam.instance-profile}: the container that hands a role to EC2 instances. */
@Doc("An IAM instance profile and the role it carries.")
public record InstanceProfile(
        String name,
        String arn,
        String path,
        @Doc("ISO-8601 creation time") String createDate,
        @Doc("ARNs of the roles it carries (at most one)") List<String> roles) {
}
