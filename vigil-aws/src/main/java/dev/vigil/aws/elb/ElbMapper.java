package dev.vigil.aws.elb;

import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.elbv2.LoadBalancer;
import dev.vigil.model.aws.elbv2.Listener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

/** Elastic Load Balancing v2 API responses to canonical load balancers and listeners: pure functions, no calls. */
public final class ElbMapper {
    static final String DELETION_PROTECTION = "deletion_protection.enabled";
    static final String ACCESS_LOGS = "access_logs.s3.enabled";
    static final String ACCESS_LOGS_BUCKET = "access_logs.s3.bucket";
    static final String ACCESS_LOGS_PREFIX = "access_logs.s3.prefix";
    static final String DROP_INVALID_HEADERS = "routing.http.drop_invalid_header_fields.enabled";
    static final String DESYNC_MITIGATION = "routing.http.desync_mitigation_mode";

    private ElbMapper() {
    }

    public record Mapped(LoadBalancer loadBalancer, Map<String, String> unknowns, Map<String, String> failures) {
    }

    /**
     * A load balancer with its attributes (DescribeLoadBalancerAttributes). AWS answers every
     * attribute of the load balancer's type, so an attribute its type has that the answer leaves
     * out is a failed read, never "off"; an attribute its type does not have is unknown.
     */
    public static Mapped loadBalancer(software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer lb,
                                      Read<List<LoadBalancerAttribute>> attributes) {
        String type = nz(lb.typeAsString());
        Map<String, String> unknowns = new TreeMap<>();
        Map<String, String> failures = new TreeMap<>();
        Map<String, String> attrs = new HashMap<>();
        if (attributes.failure() != null) {
            for (String path : List.of("deletionProtection", "accessLogs", "dropInvalidHeaderFields", "desyncMitigationMode")) {
                failures.put(path, attributes.failure().getMessage());
            }
        } else {
            attributes.map(list -> list, List.<LoadBalancerAttribute>of()).forEach(a -> attrs.put(a.key(), a.value()));
        }
        Attributes a = new Attributes(type, attrs, attributes.failure() == null, unknowns, failures);
        String deletion = a.get("deletionProtection", DELETION_PROTECTION, true);
        boolean logsApply = type.equals("application") || type.equals("network");
        String logs = a.get("accessLogs", ACCESS_LOGS, logsApply);
        String logsBucket = logs == null ? null : a.get("accessLogs", ACCESS_LOGS_BUCKET, logsApply);
        String logsPrefix = logs == null ? null : a.get("accessLogs", ACCESS_LOGS_PREFIX, logsApply);
        boolean alb = type.equals("application");
        String dropInvalid = a.get("dropInvalidHeaderFields", DROP_INVALID_HEADERS, alb);
        String desync = a.get("desyncMitigationMode", DESYNC_MITIGATION, alb);
        LoadBalancer out = new LoadBalancer(lb.loadBalancerName(), lb.loadBalancerArn(), type, nz(lb.schemeAsString()), nz(lb.dnsName()),
                nz(lb.vpcId()), nz(lb.ipAddressTypeAsString()), List.copyOf(lb.securityGroups()),
                lb.availabilityZones().stream().map(z -> nz(z.zoneName())).toList(), bool(deletion),
                logs == null || logsBucket == null || logsPrefix == null ? null
                        : new LoadBalancer.AccessLogs(bool(logs), logsBucket, logsPrefix),
                bool(dropInvalid), desync);
        return new Mapped(out, unknowns, failures);
    }

    /** The attribute answer, read key by key; a missing key is placed in failures or unknowns under the canonical path. */
    private record Attributes(String type, Map<String, String> values, boolean read, Map<String, String> unknowns, Map<String, String> failures) {
        String get(String path, String key, boolean applies) {
            if (!read) return null;
            if (!applies) {
                unknowns.putIfAbsent(path, key + " is not an attribute of " + type + " load balancers");
                return null;
            }
            String v = values.get(key);
            if (v == null) {
                failures.putIfAbsent(path, "elasticloadbalancing:DescribeLoadBalancerAttributes did not return " + key);
            }
            return v;
        }
    }

    /** A listener as DescribeListeners gives it. */
    public static Listener listener(software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener l) {
        List<Action> actions = l.defaultActions().stream()
                .sorted(java.util.Comparator.comparing((Action x) -> x.order() == null ? Integer.MAX_VALUE : x.order())).toList();
        boolean redirects = !actions.isEmpty() && "redirect".equals(actions.get(0).typeAsString()) && actions.get(0).redirectConfig() != null
                && "HTTPS".equalsIgnoreCase(actions.get(0).redirectConfig().protocol());
        return new Listener(l.listenerArn(), l.loadBalancerArn(), nz(l.protocolAsString()), l.port() == null ? null : l.port().longValue(),
                nz(l.sslPolicy()), l.certificates().stream().map(Certificate::certificateArn).filter(java.util.Objects::nonNull).toList(),
                actions.stream().map(x -> nz(x.typeAsString())).toList(), redirects);
    }

    /** A listener's display name: its load balancer's name and its port, e.g. {@code web:443}. */
    public static String listenerName(String loadBalancerName, Listener l) {
        return loadBalancerName + ":" + l.port();
    }

    public static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        for (Tag t : tags) if (t.key() != null) out.put(t.key(), nz(t.value()));
        return out;
    }

    private static Boolean bool(String s) {
        return s == null ? null : Boolean.valueOf(s);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
