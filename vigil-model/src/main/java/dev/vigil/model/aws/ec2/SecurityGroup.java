package dev.vigil.model.aws.ec2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("A VPC security group with its rules flattened to one entry per source.")
public record SecurityGroup(
        String groupId,
        String name,
        String description,
        String vpcId,
        @Doc("This is the VPC's default security group") Boolean isDefault,
        List<Permission> ingress,
        List<Permission> egress) {

    /**
     * One rule for one source. {@code protocol} is {@code -1} (all), {@code tcp}, {@code udp},
     * {@code icmp}, {@code icmpv6} or a number; for {@code -1} the ports are 0-65535; for ICMP they
     * are the type and code, which port rules never match. {@code sourceType} is {@code ipv4},
     * {@code ipv6}, {@code security-group} or {@code prefix-list}.
     */
    public record Permission(String protocol, Long fromPort, Long toPort, String source, String sourceType, String description) {
    }
}
