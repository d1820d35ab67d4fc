package dev.vigil.aws.ec2;

import static dev.vigil.aws.ec2.Ec2Mapper.nz;
import static dev.vigil.aws.ec2.Ec2Mapper.tags;

import dev.vigil.aws.ec2.Mapped.Link;
import dev.vigil.aws.live.Failures;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetIpv6CidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * VPC API responses to canonical VPCs (with their flow logs), subnets, route tables, internet
 * gateways and NAT gateways: pure functions, no calls.
 */
public final class VpcMapper {
    private VpcMapper() {
    }

    /**
     * @param flowLogs the region's flow logs (DescribeFlowLogs); this VPC's are those whose resource
     *                 it is. When that read failed, {@code flowLogs} is failed rather than empty.
     */
    public static Mapped vpc(Ec2Arns arns, Vpc v, Read<List<FlowLog>> flowLogs) {
        String id = v.vpcId();
        Failures f = new Failures();
        List<dev.vigil.model.aws.ec2.Vpc.FlowLog> own = f.check("flowLogs", flowLogs).map(all -> all.stream()
                .filter(l -> id.equals(l.resourceId()))
                .map(l -> new dev.vigil.model.aws.ec2.Vpc.FlowLog(nz(l.flowLogId()), nz(l.trafficTypeAsString()), nz(l.flowLogStatus()),
                        nz(l.logDestinationTypeAsString())))
                .toList(), List.of());
        var vpc = new dev.vigil.model.aws.ec2.Vpc(id, nz(v.cidrBlock()), Boolean.TRUE.equals(v.isDefault()), nz(v.stateAsString()), own);
        Map<String, String> tags = tags(v.tags());
        return new Mapped(AwsTypes.EC2_VPC, arns.of("vpc", id), Ec2Canonical.displayName(tags, id), tags, vpc, List.of(), f.byPath());
    }

    public static Mapped subnet(Ec2Arns arns, Subnet s) {
        String id = s.subnetId();
        List<String> v6 = new ArrayList<>();
        for (SubnetIpv6CidrBlockAssociation a : s.ipv6CidrBlockAssociationSet()) if (a.ipv6CidrBlock() != null) v6.add(a.ipv6CidrBlock());
        var subnet = new dev.vigil.model.aws.ec2.Subnet(id, nz(s.vpcId()), nz(s.cidrBlock()), v6, nz(s.availabilityZone()),
                Boolean.TRUE.equals(s.mapPublicIpOnLaunch()), Boolean.TRUE.equals(s.assignIpv6AddressOnCreation()),
                Boolean.TRUE.equals(s.defaultForAz()), nz(s.stateAsString()));
        String arn = s.subnetArn() == null || s.subnetArn().isEmpty() ? arns.of("subnet", id) : s.subnetArn();
        Map<String, String> tags = tags(s.tags());
        return new Mapped(AwsTypes.EC2_SUBNET, arn, Ec2Canonical.displayName(tags, id), tags, subnet, inVpc(arns, s.vpcId()), Map.of());
    }

    public static Mapped routeTable(Ec2Arns arns, RouteTable t) {
        String id = t.routeTableId();
        List<Link> links = new ArrayList<>(inVpc(arns, t.vpcId()));
        List<dev.vigil.model.aws.ec2.RouteTable.Route> routes = new ArrayList<>();
        for (Route r : t.routes()) {
            var route = route(r);
            routes.add(route);
            if (route.targetType().equals("igw")) links.add(new Link("routes-to", AwsTypes.EC2_INTERNET_GATEWAY, arns.of("internet-gateway", route.target())));
            if (route.targetType().equals("nat")) links.add(new Link("routes-to", AwsTypes.EC2_NAT_GATEWAY, arns.of("natgateway", route.target())));
        }
        List<dev.vigil.model.aws.ec2.RouteTable.Association> associations = new ArrayList<>();
        boolean main = false;
        for (RouteTableAssociation a : t.associations()) {
            boolean isMain = Boolean.TRUE.equals(a.main());
            main |= isMain;
            associations.add(new dev.vigil.model.aws.ec2.RouteTable.Association(nz(a.subnetId()), nz(a.gatewayId()), isMain,
                    a.associationState() == null ? "" : nz(a.associationState().stateAsString())));
            if (!nz(a.subnetId()).isEmpty()) links.add(new Link("associated-with", AwsTypes.EC2_SUBNET, arns.of("subnet", a.subnetId())));
        }
        var table = new dev.vigil.model.aws.ec2.RouteTable(id, nz(t.vpcId()), main, routes, associations);
        Map<String, String> tags = tags(t.tags());
        return new Mapped(AwsTypes.EC2_ROUTE_TABLE, arns.of("route-table", id), Ec2Canonical.displayName(tags, id), tags, table, links, Map.of());
    }

    /** A route's destination and the kind of its target, read from whichever target field AWS filled in. */
    static dev.vigil.model.aws.ec2.RouteTable.Route route(Route r) {
        String destination;
        String destinationType;
        if (r.destinationCidrBlock() != null) {
            destination = r.destinationCidrBlock();
            destinationType = "ipv4";
        } else if (r.destinationIpv6CidrBlock() != null) {
            destination = r.destinationIpv6CidrBlock();
            destinationType = "ipv6";
        } else {
            destination = nz(r.destinationPrefixListId());
            destinationType = "prefix-list";
        }
        String type;
        String target;
        if (r.natGatewayId() != null) {
            type = "nat";
            target = r.natGatewayId();
        } else if (r.transitGatewayId() != null) {
            type = "tgw";
            target = r.transitGatewayId();
        } else if (r.vpcPeeringConnectionId() != null) {
            type = "peering";
            target = r.vpcPeeringConnectionId();
        } else if (r.egressOnlyInternetGatewayId() != null) {
            type = "egress-only-igw";
            target = r.egressOnlyInternetGatewayId();
        } else if (r.carrierGatewayId() != null) {
            type = "carrier-gw";
            target = r.carrierGatewayId();
        } else if (r.localGatewayId() != null) {
            type = "local-gw";
            target = r.localGatewayId();
        } else if (r.coreNetworkArn() != null) {
            type = "core-network";
            target = r.coreNetworkArn();
        } else if (r.instanceId() != null) {
            // An instance target also names the instance's interface; the instance is what people configured.
            type = "instance";
            target = r.instanceId();
        } else if (r.networkInterfaceId() != null) {
            type = "eni";
            target = r.networkInterfaceId();
        } else if (r.gatewayId() != null) {
            target = r.gatewayId();
            type = target.equals("local") ? "local" : target.startsWith("igw-") ? "igw" : target.startsWith("vgw-") ? "vgw"
                    : target.startsWith("vpce-") ? "vpc-endpoint" : "other";
        } else {
            type = "other";
            target = "";
        }
        return new dev.vigil.model.aws.ec2.RouteTable.Route(destination, destinationType, type, target, nz(r.stateAsString()), nz(r.originAsString()));
    }

    public static Mapped internetGateway(Ec2Arns arns, InternetGateway g) {
        String id = g.internetGatewayId();
        List<dev.vigil.model.aws.ec2.InternetGateway.Attachment> attachments = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (InternetGatewayAttachment a : g.attachments()) {
            attachments.add(new dev.vigil.model.aws.ec2.InternetGateway.Attachment(nz(a.vpcId()), nz(a.stateAsString())));
            if (!nz(a.vpcId()).isEmpty()) links.add(new Link("attached-to", AwsTypes.EC2_VPC, arns.of("vpc", a.vpcId())));
        }
        Map<String, String> tags = tags(g.tags());
        return new Mapped(AwsTypes.EC2_INTERNET_GATEWAY, arns.of("internet-gateway", id), Ec2Canonical.displayName(tags, id), tags,
                new dev.vigil.model.aws.ec2.InternetGateway(id, attachments), links, Map.of());
    }

    /** Deleted NAT gateways stay listed for about an hour; they are gone. */
    public static boolean gone(NatGateway n) {
        return n.state() == NatGatewayState.DELETED;
    }

    /** AWS documents {@code public} as the connectivity type of a NAT gateway created without one. */
    public static Mapped natGateway(Ec2Arns arns, NatGateway n) {
        String id = n.natGatewayId();
        List<String> publicIps = new ArrayList<>();
        List<String> privateIps = new ArrayList<>();
        for (NatGatewayAddress a : n.natGatewayAddresses()) {
            if (a.publicIp() != null) publicIps.add(a.publicIp());
            if (a.privateIp() != null) privateIps.add(a.privateIp());
        }
        String connectivity = n.connectivityTypeAsString() == null ? "public" : n.connectivityTypeAsString();
        var nat = new dev.vigil.model.aws.ec2.NatGateway(id, nz(n.vpcId()), nz(n.subnetId()), nz(n.stateAsString()), connectivity, publicIps,
                privateIps);
        List<Link> links = new ArrayList<>(inVpc(arns, n.vpcId()));
        if (!nz(n.subnetId()).isEmpty()) links.add(new Link("in-subnet", AwsTypes.EC2_SUBNET, arns.of("subnet", n.subnetId())));
        Map<String, String> tags = tags(n.tags());
        return new Mapped(AwsTypes.EC2_NAT_GATEWAY, arns.of("natgateway", id), Ec2Canonical.displayName(tags, id), tags, nat, links, Map.of());
    }

    private static List<Link> inVpc(Ec2Arns arns, String vpcId) {
        return nz(vpcId).isEmpty() ? List.of() : List.of(new Link("in-vpc", AwsTypes.EC2_VPC, arns.of("vpc", vpcId)));
    }
}
