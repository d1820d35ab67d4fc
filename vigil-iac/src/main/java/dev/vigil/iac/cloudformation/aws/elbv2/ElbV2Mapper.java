package dev.vigil.iac.cloudformation.aws.elbv2;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.Relation;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.elbv2.Listener;
import dev.vigil.model.aws.elbv2.LoadBalancer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code AWS::ElasticLoadBalancingV2::LoadBalancer} and {@code ::Listener}. Attributes take the ELB
 * defaults (no deletion protection, no access logs, invalid headers kept, desync mitigation
 * defensive); the routing.http ones exist for Application Load Balancers only and are unknown on
 * the other types, as the model says.
 */
public final class ElbV2Mapper {
    private ElbV2Mapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) loadBalancer(r, stack);
        for (CfnResource r : stack.ofType("AWS::ElasticLoadBalancingV2::Listener")) listener(r, stack);
    }

    private static void loadBalancer(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = Stack.generatedName(a, "Name");
        a.unknown("arn", "the load balancer's ARN is known only after deploy");
        a.unknown("dnsName", "known only after deploy");
        String type = a.string("Type", "type", "application");
        List<Object> subnetRefs = new ArrayList<>();
        if (a.raw("Subnets") instanceof List<?> l) subnetRefs.addAll(l);
        for (Attrs m : a.blocks("SubnetMappings", "availabilityZones")) subnetRefs.add(m.raw("SubnetId"));
        // zones: those of the subnets when the templates declare them with a literal zone
        Set<String> zones = new LinkedHashSet<>();
        String vpcId = null;
        boolean zonesKnown = !subnetRefs.isEmpty();
        for (Object s : subnetRefs) {
            CfnResource subnet = stack.find(s, r, "AWS::EC2::Subnet");
            Object zone = subnet == null ? null : subnet.properties().get("AvailabilityZone");
            if (zone instanceof String z) zones.add(z);
            else zonesKnown = false;
            if (subnet != null && vpcId == null) vpcId = stack.idOf(new Attrs(subnet.properties(), a.unknowns()), "VpcId", "vpcId", null);
        }
        if (!zonesKnown) a.unknown("availabilityZones", "the zones of the load balancer's subnets are known only at deploy");
        if (vpcId == null) a.unknown("vpcId", "the VPC of the load balancer's subnets is not declared in the templates");
        Attributes at = new Attributes(a);
        boolean alb = type.equals("application");
        Boolean dropInvalid = alb ? at.bool("routing.http.drop_invalid_header_fields.enabled", "dropInvalidHeaderFields", false) : null;
        String desync = alb ? at.text("routing.http.desync_mitigation_mode", "desyncMitigationMode", "defensive") : null;
        if (!alb) {
            a.unknown("dropInvalidHeaderFields", "a routing.http attribute, which only Application Load Balancers have");
            a.unknown("desyncMitigationMode", "a routing.http attribute, which only Application Load Balancers have");
        }
        Boolean logs = at.bool("access_logs.s3.enabled", "accessLogs.enabled", false);
        LoadBalancer lb = new LoadBalancer(name, null, type, a.string("Scheme", "scheme", "internet-facing"), null, vpcId,
                a.string("IpAddressType", "ipAddressType", "ipv4"), stack.idsOf(a, "SecurityGroups", "securityGroups"),
                zonesKnown ? new ArrayList<>(zones) : null, at.bool("deletion_protection.enabled", "deletionProtection", false),
                new LoadBalancer.AccessLogs(logs, Boolean.TRUE.equals(logs) ? at.text("access_logs.s3.bucket", "accessLogs.bucket", "") : "",
                        Boolean.TRUE.equals(logs) ? at.text("access_logs.s3.prefix", "accessLogs.prefix", "") : ""),
                dropInvalid, desync);
        stack.add(r, AwsTypes.ELBV2_LOAD_BALANCER, name, lb, a.unknowns(), List.of());
    }

    private static void listener(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        a.unknown("arn", "the listener's ARN is known only after deploy");
        CfnResource lb = stack.find(a.raw("LoadBalancerArn"), r, "AWS::ElasticLoadBalancingV2::LoadBalancer");
        String protocol = a.string("Protocol", "protocol");
        String policy = a.string("SslPolicy", "sslPolicy", "");
        if (!a.has("SslPolicy") && ("HTTPS".equals(protocol) || "TLS".equals(protocol))) {
            policy = null;
            a.unknown("sslPolicy", "no SslPolicy: ELB's default security policy at deploy");
        }
        List<String> certificates = new ArrayList<>();
        for (Attrs c : a.blocks("Certificates", "certificates")) {
            String arn = stack.idOf(c, "CertificateArn", "certificates", null);
            if (arn != null) certificates.add(arn);
        }
        List<String> types = new ArrayList<>();
        Boolean redirects = false;
        List<Attrs> actions = a.blocks("DefaultActions", "defaultActionTypes");
        for (Attrs action : actions) types.add(action.string("Type", "defaultActionTypes"));
        if (!actions.isEmpty() && "redirect".equals(actions.get(0).string("Type", "redirectsToHttps"))) {
            redirects = "HTTPS".equalsIgnoreCase(actions.get(0).block("RedirectConfig", "redirectsToHttps").string("Protocol", "redirectsToHttps", "#{protocol}"));
        }
        Listener l = new Listener(null, lb == null ? stack.idOf(a, "LoadBalancerArn", "loadBalancerArn", null) : Stack.symbol(lb), protocol,
                a.number("Port", "port"), policy, certificates, types, redirects);
        List<Relation> rel = lb == null ? List.of() : List.of(new Relation("member-of", AwsTypes.ELBV2_LOAD_BALANCER.id(), lb.id()));
        stack.add(r, AwsTypes.ELBV2_LISTENER, r.logicalId(), l, a.unknowns(), rel);
    }

    /** LoadBalancerAttributes: a list of {Key, Value}, values as text. */
    private record Attributes(Attrs a) {
        Attrs find(String key) {
            for (Attrs x : a.blocks("LoadBalancerAttributes", "loadBalancerAttributes")) {
                if (key.equals(x.string("Key", "loadBalancerAttributes"))) return x;
            }
            return null;
        }

        Boolean bool(String key, String target, boolean fallback) {
            Attrs x = find(key);
            return x == null ? Boolean.valueOf(fallback) : x.bool("Value", target, fallback);
        }

        String text(String key, String target, String fallback) {
            Attrs x = find(key);
            return x == null ? fallback : x.string("Value", target, fallback);
        }
    }
}
