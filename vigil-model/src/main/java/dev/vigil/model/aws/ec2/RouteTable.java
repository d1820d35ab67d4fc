package dev.vigil.model.aws.ec2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("A VPC route table: its routes and the subnets or gateways it is associated with.")
public record RouteTable(
        String routeTableId,
        String vpcId,
        @Doc("The VPC's main route table, which serves every subnet without an explicit association") Boolean main,
        List<Route> routes,
        List<Association> associations) {

    @Doc("One route: where traffic for a destination goes.")
    public record Route(
            @Doc("Destination IPv4 or IPv6 CIDR block, or prefix list id") String destination,
            @Doc("ipv4, ipv6 or prefix-list") String destinationType,
            @Doc("local, igw, egress-only-igw, nat, peering, tgw, vgw, vpc-endpoint, instance, eni, carrier-gw, local-gw, core-network or other")
            String targetType,
            @Doc("The target's id (igw-..., nat-..., pcx-..., tgw-...), 'local' for the VPC's own range") String target,
            @Doc("active, or blackhole when the target is gone") String state,
            @Doc("CreateRouteTable, CreateRoute or EnableVgwRoutePropagation") String origin) {
    }

    @Doc("An association of the table with a subnet or an edge gateway, or the VPC's main association.")
    public record Association(
            @Doc("The associated subnet, empty for the main association and gateway associations") String subnetId,
            @Doc("The associated internet or virtual private gateway (edge association), empty otherwise") String gatewayId,
            @Doc("This is the main association") Boolean main,
            @Doc("associating, associated, disassociating, disassociated or failed") String state) {
    }
}
