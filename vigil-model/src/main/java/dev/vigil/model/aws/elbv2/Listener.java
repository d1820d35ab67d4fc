package dev.vigil.model.aws.elbv2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("A listener of an ELBv2 load balancer: the port and protocol it accepts and what it does by default.")
public record Listener(
        String arn,
        String loadBalancerArn,
        @Doc("HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP or GENEVE") String protocol,
        Long port,
        @Doc("TLS security policy of an HTTPS or TLS listener, empty otherwise") String sslPolicy,
        @Doc("ARNs of its default certificates") List<String> certificates,
        @Doc("Types of its default actions in order: forward, redirect, fixed-response, authenticate-oidc, ...") List<String> defaultActionTypes,
        @Doc("Its first default action redirects to HTTPS") Boolean redirectsToHttps) {
}
