package dev.vigil.model.aws.ec2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("A NAT gateway.")
public record NatGateway(
        String natGatewayId,
        String vpcId,
        @Doc("The subnet it sits in") String subnetId,
        @Doc("pending, failed, available, deleting or deleted") String state,
        @Doc("public (reaches the internet through an internet gateway) or private") String connectivityType,
        @Doc("Elastic IP addresses, empty for a private NAT gateway") List<String> publicIps,
        List<String> privateIps) {
}
