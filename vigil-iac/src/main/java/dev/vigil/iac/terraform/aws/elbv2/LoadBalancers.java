package dev.vigil.iac.terraform.aws.elbv2;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.elbv2.Listener;
import dev.vigil.model.aws.elbv2.LoadBalancer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code aws_lb}/{@code aws_alb} and {@code aws_lb_listener}/{@code aws_alb_listener}. */
public final class LoadBalancers {
    static final String ALB_ONLY = "a routing.http attribute, which only Application Load Balancers have";

    private LoadBalancers() {
    }

    public static Resource loadBalancer(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String name = Canon.name(a, "name", "name");
        String type = a.string("load_balancer_type", "type", "application");
        Boolean internal = a.bool("internal", "scheme", false);
        List<String> groups = new ArrayList<>();
        List<Relation> rel = new ArrayList<>();
        Object sgs = a.raw("security_groups");
        if (sgs instanceof Unresolved u && u.refersTo() == null) {
            a.unknown("securityGroups", u.reason());
        } else {
            for (Object o : sgs instanceof List<?> l ? l : sgs == null ? List.of() : List.of(sgs)) {
                String ref = Canon.reference(o, r);
                if (ref == null) {
                    if (o instanceof Unresolved u) a.unknown("securityGroups", u.reason());
                    continue;
                }
                groups.add(ref);
                if (o instanceof Unresolved) rel.add(new Relation("uses", AwsTypes.EC2_SECURITY_GROUP.id(), ref));
            }
        }
        Attrs logs = a.block("access_logs", "accessLogs");
        // access_logs.enabled defaults to false, even with a bucket.
        Boolean logsOn = logs.bool("enabled", "accessLogs.enabled", false);
        boolean alb = "application".equals(type);
        if (!alb) {
            a.unknown("dropInvalidHeaderFields", ALB_ONLY);
            a.unknown("desyncMitigationMode", ALB_ONLY);
        }
        LoadBalancer lb = new LoadBalancer(name, a.string("arn", "arn"), type, internal == null ? null : internal ? "internal" : "internet-facing",
                a.string("dns_name", "dnsName"), null, a.string("ip_address_type", "ipAddressType", "ipv4"),
                a.unknowns().containsKey("securityGroups") ? null : groups, zones(a, r, joins),
                a.bool("enable_deletion_protection", "deletionProtection", false),
                new LoadBalancer.AccessLogs(logsOn, Boolean.TRUE.equals(logsOn) ? Canon.referenceOr(logs, r, "bucket", "accessLogs.bucket", "") : "",
                        logs.string("prefix", "accessLogs.prefix", "")),
                alb ? a.bool("drop_invalid_header_fields", "dropInvalidHeaderFields", false) : null,
                alb ? a.string("desync_mitigation_mode", "desyncMitigationMode", "defensive") : null);
        a.unknown("vpcId", "the VPC of the load balancer's subnets is not known before deploy");
        return Canon.resource(r, AwsTypes.ELBV2_LOAD_BALANCER, name, lb, a, rel);
    }

    /** Availability zones of its subnets ({@code subnets} or {@code subnet_mapping}), when the scan declares them with a zone. */
    private static List<String> zones(Attrs a, TfResource r, Joins joins) {
        List<Object> subnets = new ArrayList<>();
        if (a.raw("subnets") instanceof List<?> l) subnets.addAll(l);
        else if (a.raw("subnets") != null) subnets.add(a.raw("subnets"));
        for (Attrs m : a.blocks("subnet_mapping", "availabilityZones")) subnets.add(m.raw("subnet_id"));
        Set<String> zones = new LinkedHashSet<>();
        for (Object s : subnets) {
            TfResource subnet = joins.target(s, r, t -> Joins.keys(t, "id"), "aws_subnet");
            Object az = subnet == null ? null : subnet.attributes().get("availability_zone");
            if (!(az instanceof String zone)) {
                a.unknown("availabilityZones", "the zones of the load balancer's subnets are not known before deploy");
                return null;
            }
            zones.add(zone);
        }
        return new ArrayList<>(zones);
    }

    public static Resource listener(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        String lbRef = Canon.reference(a.raw("load_balancer_arn"), r);
        if (lbRef == null) a.string("load_balancer_arn", "loadBalancerArn");
        String protocol = a.string("protocol", "protocol");
        Long port = a.number("port", "port");
        // The provider's default for an Application Load Balancer's listener.
        if (protocol == null && !a.unresolved("protocol")) protocol = "HTTP";
        List<String> certs = new ArrayList<>();
        String cert = Canon.referenceOr(a, r, "certificate_arn", "certificates", null);
        if (cert != null) certs.add(cert);
        List<String> types = new ArrayList<>();
        Boolean redirects = false;
        List<Attrs> actions = a.blocks("default_action", "defaultActionTypes");
        for (int i = 0; i < actions.size(); i++) {
            String t = actions.get(i).string("type", "defaultActionTypes");
            types.add(t);
            if (i == 0 && "redirect".equals(t)) {
                String to = actions.get(i).block("redirect", "redirectsToHttps").string("protocol", "redirectsToHttps", "#{protocol}");
                redirects = to == null ? null : to.equalsIgnoreCase("HTTPS");
            }
        }
        boolean tls = "HTTPS".equals(protocol) || "TLS".equals(protocol);
        // An HTTPS or TLS listener without ssl_policy gets the provider's default policy.
        String sslPolicy = tls ? a.string("ssl_policy", "sslPolicy", "ELBSecurityPolicy-2016-08") : "";
        Listener l = new Listener(a.string("arn", "arn"), lbRef, protocol, port, sslPolicy, certs,
                a.unknowns().containsKey("defaultActionTypes") ? null : types, redirects);
        List<Relation> rel = lbRef == null ? List.of() : List.of(new Relation("member-of", AwsTypes.ELBV2_LOAD_BALANCER.id(), lbRef));
        TfResource lb = joins.target(a.raw("load_balancer_arn"), r, t -> Joins.keys(t, "arn", "id"), "aws_lb", "aws_alb");
        String name = (lb != null && lb.attributes().get("name") instanceof String n ? n : r.address()) + ":" + (port == null ? "?" : port);
        return Canon.resource(r, AwsTypes.ELBV2_LISTENER, name, l, a, rel);
    }
}
