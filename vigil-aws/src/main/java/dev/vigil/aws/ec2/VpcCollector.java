package dev.vigil.aws.ec2;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.model.aws.AwsTypes;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * One region's network layout: VPCs with their flow logs, subnets, route tables, internet gateways
 * and NAT gateways. The flow logs are listed once for the region; if that fails, every VPC's
 * {@code flowLogs} is failed and the VPCs are still emitted.
 */
public final class VpcCollector implements Collector {

    @Override
    public String service() {
        return "vpc";
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.EC2_VPC.id(), AwsTypes.EC2_SUBNET.id(), AwsTypes.EC2_ROUTE_TABLE.id(), AwsTypes.EC2_INTERNET_GATEWAY.id(),
                AwsTypes.EC2_NAT_GATEWAY.id());
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:DescribeVpcs", "ec2:DescribeFlowLogs", "ec2:DescribeSubnets", "ec2:DescribeRouteTables",
                "ec2:DescribeInternetGateways", "ec2:DescribeNatGateways");
    }

    @Override
    public void collect(CollectContext ctx) {
        Ec2Client ec2 = ctx.client(Ec2Client::builder);
        Ec2Arns arns = new Ec2Arns(ctx.partition(), ctx.region(), ctx.account());

        List<Vpc> vpcs = ctx.call("ec2:DescribeVpcs", () -> ec2.describeVpcsPaginator(r -> r.maxResults(1000)).vpcs().stream().toList());
        var flowLogs = ctx.read("ec2:DescribeFlowLogs", Set.of(),
                () -> ec2.describeFlowLogsPaginator(r -> r.maxResults(1000)).flowLogs().stream().toList());
        for (Vpc v : vpcs) VpcMapper.vpc(arns, v, flowLogs).emit(ctx, "ec2:DescribeVpcs");

        List<Subnet> subnets = ctx.call("ec2:DescribeSubnets", () -> ec2.describeSubnetsPaginator(r -> r.maxResults(1000)).subnets().stream().toList());
        for (Subnet s : subnets) VpcMapper.subnet(arns, s).emit(ctx, "ec2:DescribeSubnets");

        List<RouteTable> tables = ctx.call("ec2:DescribeRouteTables",
                () -> ec2.describeRouteTablesPaginator(r -> r.maxResults(100)).routeTables().stream().toList());
        for (RouteTable t : tables) VpcMapper.routeTable(arns, t).emit(ctx, "ec2:DescribeRouteTables");

        List<InternetGateway> gateways = ctx.call("ec2:DescribeInternetGateways",
                () -> ec2.describeInternetGatewaysPaginator(r -> r.maxResults(1000)).internetGateways().stream().toList());
        for (InternetGateway g : gateways) VpcMapper.internetGateway(arns, g).emit(ctx, "ec2:DescribeInternetGateways");

        List<NatGateway> nats = ctx.call("ec2:DescribeNatGateways",
                () -> ec2.describeNatGatewaysPaginator(r -> r.maxResults(1000)).natGateways().stream().toList());
        for (NatGateway n : nats) if (!VpcMapper.gone(n)) VpcMapper.natGateway(arns, n).emit(ctx, "ec2:DescribeNatGateways");
    }
}
