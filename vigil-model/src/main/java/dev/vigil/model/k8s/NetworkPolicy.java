package dev.vigil.model.k8s;

import dev.vigil.model.schema.Doc;
import java.util.List;
import java.util.Map;

@Doc("A NetworkPolicy: which traffic the pods it selects may receive and send")
public record NetworkPolicy(
        String name,
        String namespace,
        Map<String, String> annotations,
        @Doc("The pods it applies to, in its namespace; an empty selector selects every pod") LabelSelector podSelector,
        @Doc("Ingress, Egress or both; when unset, Ingress plus Egress if it has egress rules (Kubernetes' default)") List<String> policyTypes,
        @Doc("Allowed incoming traffic; an empty list (with Ingress in policyTypes) denies all") List<Rule> ingress,
        @Doc("Allowed outgoing traffic; an empty list (with Egress in policyTypes) denies all") List<Rule> egress) {

    @Doc("One allow rule: traffic from/to any of the peers on any of the ports. No peers means every source or destination; no ports every port")
    public record Rule(List<Peer> peers, List<Port> ports) {
    }

    @Doc("A peer: pods (by pod and namespace selector) or an IP block")
    public record Peer(
            @Doc("Pods selected by labels; absent when the peer does not select pods by label") LabelSelector podSelector,
            @Doc("Namespaces selected by labels (empty selects all namespaces); absent when the peer does not select namespaces")
            LabelSelector namespaceSelector,
            @Doc("A CIDR; empty when the peer is not an IP block") String ipBlock,
            @Doc("CIDRs excluded from the IP block") List<String> except) {
    }

    @Doc("A port; an empty port means every port of the protocol")
    public record Port(@Doc("TCP (the default), UDP or SCTP") String protocol, @Doc("A number or a named port; empty for all") String port,
                       @Doc("The end of a port range; 0 when none") Long endPort) {
    }
}
