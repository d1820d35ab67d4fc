package dev.vigil.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.ec2.RouteTable.Association;
import dev.vigil.model.schema.Documents;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

class VpcMapperTest {
    static final Ec2Arns ARNS = new Ec2Arns("aws", "eu-west-1", "111122223333");
    static final Vpc VPC = Vpc.builder().vpcId("vpc-1").cidrBlock("10.0.0.0/16").isDefault(false).state("available")
            .tags(Tag.builder().key("Name").value("prod").build()).build();

    @Test
    void aVpcKeepsOnlyTheFlowLogsWhoseResourceItIs() {
        List<FlowLog> region = List.of(
                FlowLog.builder().flowLogId("fl-1").resourceId("vpc-1").trafficType("REJECT").flowLogStatus("ACTIVE").logDestinationType("s3").build(),
                FlowLog.builder().flowLogId("fl-2").resourceId("subnet-1").trafficType("ALL").flowLogStatus("ACTIVE").logDestinationType("s3").build());
        Mapped m = VpcMapper.vpc(ARNS, VPC, Read.found(region));
        assertThat(m.properties()).isEqualTo(new dev.vigil.model.aws.ec2.Vpc("vpc-1", "10.0.0.0/16", false, "available",
                List.of(new dev.vigil.model.aws.ec2.Vpc.FlowLog("fl-1", "REJECT", "ACTIVE", "s3"))));
        assertThat(m.name()).isEqualTo("prod (vpc-1)");
        assertThat(m.arn()).isEqualTo("arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1");
    }

    @Test
    void aFailedFlowLogListingFailsFlowLogsRatherThanReadingAsNone() {
        Mapped m = VpcMapper.vpc(ARNS, VPC, Read.failed(new ApiFailure("ec2:DescribeFlowLogs", "UnauthorizedOperation", "", false, null)));
        assertThat(m.failures()).containsOnlyKeys("flowLogs");
        assertThat(Documents.of(m.properties())).doesNotContainKey("flowLogs");
    }

    @Test
    void aSubnetSaysWhetherItHandsOutPublicAddresses() {
        Subnet s = Subnet.builder().subnetId("subnet-1").vpcId("vpc-1").cidrBlock("10.0.1.0/24").availabilityZone("eu-west-1a")
                .mapPublicIpOnLaunch(true).defaultForAz(false).state("available")
                .ipv6CidrBlockAssociationSet(a -> a.ipv6CidrBlock("2001:db8::/64")).build();
        Mapped m = VpcMapper.subnet(ARNS, s);
        assertThat(m.properties()).isEqualTo(new dev.vigil.model.aws.ec2.Subnet("subnet-1", "vpc-1", "10.0.1.0/24", List.of("2001:db8::/64"),
                "eu-west-1a", true, false, false, "available"));
        assertThat(m.links()).containsExactly(new Mapped.Link("in-vpc", AwsTypes.EC2_VPC, "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1"));
    }

    @Test
    void routesNameTheKindOfTheirTarget() {
        record Case(Route route, String destination, String destinationType, String targetType, String target) {
        }
        List<Case> cases = List.of(
                new Case(Route.builder().destinationCidrBlock("10.0.0.0/16").gatewayId("local").build(), "10.0.0.0/16", "ipv4", "local", "local"),
                new Case(Route.builder().destinationCidrBlock("0.0.0.0/0").gatewayId("igw-1").build(), "0.0.0.0/0", "ipv4", "igw", "igw-1"),
                new Case(Route.builder().destinationIpv6CidrBlock("::/0").egressOnlyInternetGatewayId("eigw-1").build(), "::/0", "ipv6",
                        "egress-only-igw", "eigw-1"),
                new Case(Route.builder().destinationCidrBlock("0.0.0.0/0").natGatewayId("nat-1").build(), "0.0.0.0/0", "ipv4", "nat", "nat-1"),
                new Case(Route.builder().destinationCidrBlock("172.16.0.0/16").vpcPeeringConnectionId("pcx-1").build(), "172.16.0.0/16", "ipv4",
                        "peering", "pcx-1"),
                new Case(Route.builder().destinationCidrBlock("192.168.0.0/16").transitGatewayId("tgw-1").build(), "192.168.0.0/16", "ipv4", "tgw",
                        "tgw-1"),
                new Case(Route.builder().destinationCidrBlock("192.168.0.0/16").gatewayId("vgw-1").build(), "192.168.0.0/16", "ipv4", "vgw", "vgw-1"),
                new Case(Route.builder().destinationPrefixListId("pl-1").gatewayId("vpce-1").build(), "pl-1", "prefix-list", "vpc-endpoint", "vpce-1"),
                new Case(Route.builder().destinationCidrBlock("0.0.0.0/0").instanceId("i-1").networkInterfaceId("eni-1").build(), "0.0.0.0/0", "ipv4",
                        "instance", "i-1"),
                new Case(Route.builder().destinationCidrBlock("0.0.0.0/0").networkInterfaceId("eni-1").build(), "0.0.0.0/0", "ipv4", "eni", "eni-1"));
        for (Case c : cases) {
            var r = VpcMapper.route(c.route());
            assertThat(List.of(r.destination(), r.destinationType(), r.targetType(), r.target()))
                    .as(c.route().toString()).containsExactly(c.destination(), c.destinationType(), c.targetType(), c.target());
        }
    }

    @Test
    void aRouteTableKnowsItsSubnetsAndWhetherItIsTheMainOne() {
        RouteTable t = RouteTable.builder().routeTableId("rtb-1").vpcId("vpc-1")
                .routes(Route.builder().destinationCidrBlock("10.0.0.0/16").gatewayId("local").state("active").origin("CreateRouteTable").build(),
                        Route.builder().destinationCidrBlock("0.0.0.0/0").gatewayId("igw-1").state("active").origin("CreateRoute").build())
                .associations(a -> a.main(true).associationState(s -> s.state("associated")),
                        a -> a.main(false).subnetId("subnet-1").associationState(s -> s.state("associated")))
                .build();
        Mapped m = VpcMapper.routeTable(ARNS, t);
        var table = (dev.vigil.model.aws.ec2.RouteTable) m.properties();
        assertThat(table.main()).isTrue();
        assertThat(table.associations()).containsExactly(new Association("", "", true, "associated"), new Association("subnet-1", "", false, "associated"));
        assertThat(table.routes()).extracting(dev.vigil.model.aws.ec2.RouteTable.Route::state).containsExactly("active", "active");
        assertThat(m.links()).extracting(Mapped.Link::kind, Mapped.Link::targetId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("in-vpc", "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1"),
                org.assertj.core.groups.Tuple.tuple("routes-to", "arn:aws:ec2:eu-west-1:111122223333:internet-gateway/igw-1"),
                org.assertj.core.groups.Tuple.tuple("associated-with", "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-1"));
    }

    @Test
    void anInternetGatewayIsAttachedToItsVpc() {
        InternetGateway g = InternetGateway.builder().internetGatewayId("igw-1").attachments(a -> a.vpcId("vpc-1").state("available")).build();
        Mapped m = VpcMapper.internetGateway(ARNS, g);
        assertThat(m.properties()).isEqualTo(new dev.vigil.model.aws.ec2.InternetGateway("igw-1",
                List.of(new dev.vigil.model.aws.ec2.InternetGateway.Attachment("vpc-1", "available"))));
        assertThat(m.links()).containsExactly(new Mapped.Link("attached-to", AwsTypes.EC2_VPC, "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1"));
    }

    @Test
    void aNatGatewayWithoutAConnectivityTypeIsPublicAsAwsDocuments() {
        NatGateway n = NatGateway.builder().natGatewayId("nat-1").vpcId("vpc-1").subnetId("subnet-1").state(NatGatewayState.AVAILABLE)
                .natGatewayAddresses(a -> a.publicIp("198.51.100.7").privateIp("10.0.1.5")).build();
        Mapped m = VpcMapper.natGateway(ARNS, n);
        assertThat(m.properties()).isEqualTo(new dev.vigil.model.aws.ec2.NatGateway("nat-1", "vpc-1", "subnet-1", "available", "public",
                List.of("198.51.100.7"), List.of("10.0.1.5")));
        assertThat(m.arn()).isEqualTo("arn:aws:ec2:eu-west-1:111122223333:natgateway/nat-1");
        assertThat(m.links()).extracting(Mapped.Link::kind).containsExactly("in-vpc", "in-subnet");
        assertThat(VpcMapper.gone(n.toBuilder().state(NatGatewayState.DELETED).build())).isTrue();
    }
}
