package dev.vigil.model.aws.ec2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("A network ACL and its numbered entries.")
public record NetworkAcl(
        String networkAclId,
        String vpcId,
        Boolean isDefault,
        List<Entry> entries,
        @Doc("Subnets associated with the ACL") List<String> subnetIds) {

    /**
     * One entry. {@code protocol} as for security groups; ports 0-65535 when the entry covers all
     * ports. {@code cidr} is IPv4 or IPv6. {@code action} is {@code allow} or {@code deny}.
     */
    public record Entry(Long ruleNumber, Boolean egress, String protocol, Long fromPort, Long toPort, String cidr, String action) {
    }
}
