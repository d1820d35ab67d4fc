package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.List;
import java.util.Map;

@Doc("An Ingress: HTTP(S) routes from outside the cluster to services")
public record Ingress(
        String name,
        String namespace,
        Map<String, String> annotations,
        @Doc("The ingress class; empty when unset (the cluster's default class)") String ingressClassName,
        @Doc("TLS sections; empty when the ingress serves plain HTTP only") List<Tls> tls,
        List<Rule> rules,
        @Doc("The service that gets requests no rule matches; empty when none") String defaultBackendService) {

    @Doc("Hosts served over TLS with the certificate in a Secret")
    public record Tls(List<String> hosts, String secretName) {
    }

    @Doc("Routes for one host; an empty host matches every host")
    public record Rule(String host, List<Path> paths) {
    }

    @Doc("A path routed to a service port")
    public record Path(String path, @Doc("Exact, Prefix or ImplementationSpecific") String pathType, String serviceName,
                       @Doc("A number or a port name") String servicePort) {
    }
}
