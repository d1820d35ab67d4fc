package dev.vigil.aws.ec2;

import java.util.Map;

/**
 * The conventions both EC2 adapters (AWS Config items and the live API) follow, so that one
 * configuration reads the same whichever input it came from: display names, protocol names and
 * the port range a rule covers.
 */
public final class Ec2Canonical {
    private Ec2Canonical() {
    }

    /** What people call an EC2 resource: its Name tag with the id, e.g. {@code bastion (i-0f1e...)}, or the id alone. */
    public static String displayName(Map<String, String> tags, String id) {
        return named(tags.getOrDefault("Name", ""), id);
    }

    /** {@code name (id)}, or the id alone when the name is empty or the id itself (security groups use their group name). */
    public static String named(String name, String id) {
        return name == null || name.isEmpty() || name.equals(id) ? id : name + " (" + id + ")";
    }

    /** Protocol numbers AWS uses in ACL entries and some SG rules, as names; an absent protocol is all ({@code -1}). */
    public static String protocol(String p) {
        if (p == null) return "-1";
        return switch (p) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            case "" -> "-1";
            default -> p.toLowerCase();
        };
    }

    /** All protocols cover every port; TCP or UDP without a range cover every port too. ICMP keeps its type/code. */
    public static long[] ports(String protocol, Long from, Long to) {
        if (protocol.equals("-1")) return new long[] {0, 65535};
        if (from == null || to == null || (from == -1 && to == -1 && (protocol.equals("tcp") || protocol.equals("udp")))) {
            return protocol.equals("tcp") || protocol.equals("udp") ? new long[] {0, 65535} : new long[] {-1, -1};
        }
        return new long[] {from, to};
    }
}
