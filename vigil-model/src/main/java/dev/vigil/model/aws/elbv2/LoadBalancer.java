package dev.vigil.model.aws.elbv2;

import dev.vigil.model.schema.Doc;
import java.util.List;

/**
 * An Elastic Load Balancing v2 load balancer and its attributes. The routing.http attributes exist
 * for Application Load Balancers only: on other types they are unknown.
 */
@Doc("An Application, Network or Gateway Load Balancer.")
public record LoadBalancer(
        String name,
        String arn,
        @Doc("application, network or gateway") String type,
        @Doc("internet-facing or internal") String scheme,
        String dnsName,
        String vpcId,
        @Doc("ipv4, dualstack or dualstack-without-public-ipv4") String ipAddressType,
        @Doc("Security group ids (Application Load Balancers, some Network Load Balancers)") List<String> securityGroups,
        List<String> availabilityZones,
        @Doc("deletion_protection.enabled") Boolean deletionProtection,
        @Doc("access_logs.s3.*") AccessLogs accessLogs,
        @Doc("routing.http.drop_invalid_header_fields.enabled") Boolean dropInvalidHeaderFields,
        @Doc("routing.http.desync_mitigation_mode: monitor, defensive or strictest") String desyncMitigationMode) {

    @Doc("Access logs delivered to S3.")
    public record AccessLogs(Boolean enabled, @Doc("Empty when disabled") String bucket, String prefix) {
    }
}
