package dev.vigil.aws.elb;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.elbv2.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

/**
 * Application, Network and Gateway Load Balancers of one region with their attributes, and their
 * listeners. A load balancer whose listeners cannot be listed fails the unit: its listeners would
 * otherwise be missing without a trace.
 */
public final class ElbCollector implements Collector {
    /** DescribeTags takes at most 20 ARNs. */
    private static final int TAG_BATCH = 20;

    @Override
    public String service() {
        return "elbv2";
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.ELBV2_LOAD_BALANCER.id(), AwsTypes.ELBV2_LISTENER.id());
    }

    @Override
    public List<String> actions() {
        return List.of("elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
                "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeTags");
    }

    @Override
    public void collect(CollectContext ctx) {
        ElasticLoadBalancingV2Client elb = ctx.client(ElasticLoadBalancingV2Client::builder);
        List<LoadBalancer> lbs = ctx.call("elasticloadbalancing:DescribeLoadBalancers", () -> elb.describeLoadBalancersPaginator(r -> r.pageSize(400))
                .loadBalancers().stream().toList());
        Map<String, List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener>> listeners = new ConcurrentHashMap<>();
        ctx.forEach(lbs, lb -> listeners.put(lb.loadBalancerArn(), ctx.call("elasticloadbalancing:DescribeListeners",
                () -> elb.describeListenersPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners().stream().toList())));
        Map<String, Map<String, String>> tags = tags(ctx, elb, lbs.stream().map(LoadBalancer::loadBalancerArn).toList());
        ctx.forEach(lbs, lb -> {
            var attributes = ctx.read("elasticloadbalancing:DescribeLoadBalancerAttributes", Set.of(),
                    () -> elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn())).attributes());
            ElbMapper.Mapped m = ElbMapper.loadBalancer(lb, attributes);
            var b = ctx.resource(AwsTypes.ELBV2_LOAD_BALANCER, lb.loadBalancerArn()).name(lb.loadBalancerName())
                    .tags(tags.getOrDefault(lb.loadBalancerArn(), Map.of())).properties(m.loadBalancer()).failures(m.failures())
                    .relation("in-vpc", AwsTypes.EC2_VPC, lb.vpcId() == null ? null : ec2(ctx, "vpc/" + lb.vpcId()))
                    .api("elasticloadbalancing:DescribeLoadBalancers");
            m.unknowns().forEach(b::unknown);
            for (String sg : lb.securityGroups()) b.relation("uses", AwsTypes.EC2_SECURITY_GROUP, ec2(ctx, "security-group/" + sg));
            b.emit();
            for (var l : listeners.get(lb.loadBalancerArn())) {
                Listener listener = ElbMapper.listener(l);
                ctx.resource(AwsTypes.ELBV2_LISTENER, l.listenerArn()).name(ElbMapper.listenerName(lb.loadBalancerName(), listener))
                        .properties(listener).relation("member-of", AwsTypes.ELBV2_LOAD_BALANCER, lb.loadBalancerArn())
                        .api("elasticloadbalancing:DescribeListeners").emit();
            }
        });
    }

    /** Tags by ARN; a failed batch leaves its load balancers untagged, as tags are no property. */
    private static Map<String, Map<String, String>> tags(CollectContext ctx, ElasticLoadBalancingV2Client elb, List<String> arns) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += TAG_BATCH) batches.add(arns.subList(i, Math.min(arns.size(), i + TAG_BATCH)));
        Map<String, Map<String, String>> out = new ConcurrentHashMap<>();
        ctx.forEach(batches, batch -> {
            var described = ctx.read("elasticloadbalancing:DescribeTags", Set.of(), () -> elb.describeTags(r -> r.resourceArns(batch)).tagDescriptions());
            if (described instanceof Read.Found<List<TagDescription>> found) {
                found.value().forEach(d -> out.put(d.resourceArn(), ElbMapper.tags(d.tags())));
            }
        });
        return out;
    }

    private static String ec2(CollectContext ctx, String kindAndId) {
        return "arn:" + ctx.partition() + ":ec2:" + ctx.region() + ":" + ctx.account() + ":" + kindAndId;
    }
}
