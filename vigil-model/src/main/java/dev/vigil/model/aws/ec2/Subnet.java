package dev.vigil.model.aws.ec2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("A VPC subnet.")
public record Subnet(
        String subnetId,
        String vpcId,
        @Doc("IPv4 CIDR block, empty for an IPv6-only subnet") String cidrBlock,
        @Doc("IPv6 CIDR blocks associated with the subnet") List<String> ipv6CidrBlocks,
        String availabilityZone,
        @Doc("Instances launched here get a public IPv4 address unless their launch request says otherwise (FSBP EC2.15)")
        Boolean mapPublicIpOnLaunch,
        @Doc("Network interfaces created here get an IPv6 address") Boolean assignIpv6AddressOnCreation,
        @Doc("The default subnet of its availability zone, created with the default VPC") Boolean defaultForAz,
        @Doc("pending or available") String state) {
}
