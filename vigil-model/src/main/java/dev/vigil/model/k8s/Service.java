package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.List;
import java.util.Map;

@Doc("A Service: how a set of pods is exposed, inside the cluster or beyond it")
public record Service(
        String name,
        String namespace,
        @Doc("ClusterIP (the default), NodePort, LoadBalancer or ExternalName") String type,
        Map<String, String> annotations,
        @Doc("The pod labels it selects; empty when it selects none (endpoints are managed by hand)") Map<String, String> selector,
        List<Port> ports,
        @Doc("External IPs the cluster routes to it") List<String> externalIPs,
        @Doc("Source ranges a LoadBalancer accepts; empty means anywhere") List<String> loadBalancerSourceRanges,
        @Doc("The DNS name an ExternalName service aliases; empty for other types") String externalName) {

    @Doc("A service port")
    public record Port(
            String name,
            @Doc("TCP (the default), UDP or SCTP") String protocol,
            Long port,
            @Doc("The pods' port, a number or a port name; the port itself when unset") String targetPort,
            @Doc("The port opened on every node (NodePort, LoadBalancer); 0 when unset") Long nodePort) {
    }
}
