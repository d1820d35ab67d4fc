package dev.vigil.aws.elb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.elbv2.LoadBalancer;
import dev.vigil.model.aws.elbv2.Listener;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;

class ElbMapperTest {
    static final String ARN = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188";

    static software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer lb(String type) {
        return software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer.builder().loadBalancerName("web").loadBalancerArn(ARN)
                .type(type).scheme("internet-facing").dnsName("web-1.eu-west-1.elb.amazonaws.com").vpcId("vpc-0a1b2c").ipAddressType("ipv4")
                .securityGroups("sg-1").availabilityZones(z -> z.zoneName("eu-west-1a"), z -> z.zoneName("eu-west-1b")).build();
    }

    static LoadBalancerAttribute attr(String key, String value) {
        return LoadBalancerAttribute.builder().key(key).value(value).build();
    }

    /** What AWS answers for an Application Load Balancer, abridged to what we read. */
    static List<LoadBalancerAttribute> albAttributes() {
        return List.of(attr("deletion_protection.enabled", "true"), attr("access_logs.s3.enabled", "true"), attr("access_logs.s3.bucket", "elb-logs"),
                attr("access_logs.s3.prefix", "web"), attr("routing.http.drop_invalid_header_fields.enabled", "false"),
                attr("routing.http.desync_mitigation_mode", "defensive"), attr("idle_timeout.timeout_seconds", "60"));
    }

    @Test
    void anApplicationLoadBalancerCarriesItsAttributes() {
        ElbMapper.Mapped m = ElbMapper.loadBalancer(lb("application"), Read.found(albAttributes()));
        assertThat(m.loadBalancer()).isEqualTo(new LoadBalancer("web", ARN, "application", "internet-facing", "web-1.eu-west-1.elb.amazonaws.com",
                "vpc-0a1b2c", "ipv4", List.of("sg-1"), List.of("eu-west-1a", "eu-west-1b"), true,
                new LoadBalancer.AccessLogs(true, "elb-logs", "web"), false, "defensive"));
        assertThat(m.failures()).isEmpty();
        assertThat(m.unknowns()).isEmpty();
    }

    @Test
    void anAttributeTheAnswerLeavesOutIsFailedNotOff() {
        List<LoadBalancerAttribute> partial = List.of(attr("deletion_protection.enabled", "false"));
        ElbMapper.Mapped m = ElbMapper.loadBalancer(lb("application"), Read.found(partial));
        assertThat(m.loadBalancer().deletionProtection()).isFalse();
        assertThat(m.loadBalancer().dropInvalidHeaderFields()).isNull();
        assertThat(m.failures()).containsOnlyKeys("accessLogs", "dropInvalidHeaderFields", "desyncMitigationMode");
        assertThat(m.failures().get("dropInvalidHeaderFields")).contains("routing.http.drop_invalid_header_fields.enabled");
    }

    @Test
    void aFailedAttributeReadFailsEveryAttribute() {
        var denied = new ApiFailure("elasticloadbalancing:DescribeLoadBalancerAttributes", "AccessDenied", "", false, null);
        ElbMapper.Mapped m = ElbMapper.loadBalancer(lb("application"), Read.failed(denied));
        assertThat(m.failures()).containsOnlyKeys("deletionProtection", "accessLogs", "dropInvalidHeaderFields", "desyncMitigationMode");
        assertThat(m.loadBalancer().scheme()).isEqualTo("internet-facing");
    }

    @Test
    void httpAttributesOfANetworkLoadBalancerAreUnknownNotFailed() {
        List<LoadBalancerAttribute> nlb = List.of(attr("deletion_protection.enabled", "false"), attr("access_logs.s3.enabled", "false"),
                attr("access_logs.s3.bucket", ""), attr("access_logs.s3.prefix", ""));
        ElbMapper.Mapped m = ElbMapper.loadBalancer(lb("network"), Read.found(nlb));
        assertThat(m.failures()).isEmpty();
        assertThat(m.unknowns()).containsOnlyKeys("dropInvalidHeaderFields", "desyncMitigationMode");
        assertThat(m.loadBalancer().accessLogs()).isEqualTo(new LoadBalancer.AccessLogs(false, "", ""));
    }

    @Test
    void aListenerWhoseFirstActionRedirectsToHttpsSaysSo() {
        var l = software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener.builder().listenerArn(ARN.replace("loadbalancer", "listener") + "/1")
                .loadBalancerArn(ARN).protocol("HTTP").port(80)
                .defaultActions(Action.builder().type("forward").order(2).targetGroupArn("tg").build(),
                        Action.builder().type("redirect").order(1).redirectConfig(r -> r.protocol("HTTPS").port("443").statusCode("HTTP_301")).build())
                .build();
        Listener listener = ElbMapper.listener(l);
        assertThat(listener.redirectsToHttps()).isTrue();
        assertThat(listener.defaultActionTypes()).containsExactly("redirect", "forward");
        assertThat(listener.port()).isEqualTo(80L);
        assertThat(ElbMapper.listenerName("web", listener)).isEqualTo("web:80");
    }

    @Test
    void anHttpsListenerCarriesItsPolicyAndCertificates() {
        var l = software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener.builder().listenerArn("l").loadBalancerArn(ARN).protocol("HTTPS")
                .port(443).sslPolicy("ELBSecurityPolicy-2016-08").certificates(c -> c.certificateArn("arn:aws:acm:eu-west-1:111122223333:certificate/x"))
                .defaultActions(Action.builder().type("forward").targetGroupArn("tg").build()).build();
        Listener listener = ElbMapper.listener(l);
        assertThat(listener.sslPolicy()).isEqualTo("ELBSecurityPolicy-2016-08");
        assertThat(listener.certificates()).containsExactly("arn:aws:acm:eu-west-1:111122223333:certificate/x");
        assertThat(listener.redirectsToHttps()).isFalse();
    }
}
