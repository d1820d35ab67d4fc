package dev.vigil.iac.cloudformation.aws.ec2;

/**
 * Protocol names and port ranges as the other AWS inputs write them (vigil-aws {@code Ec2Canonical}),
 * so a rule reads a template's rules as it reads a deployed group's.
 */
final class Protocols {
    private Protocols() {
    }

    /** Protocol numbers (ACL entries take them) as names; {@code -1} is all. {@code null} stays {@code null} (unknown). */
    static String name(String p) {
        if (p == null) return null;
        return switch (p.trim().toLowerCase()) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            case "", "all" -> "-1";
            default -> p.trim().toLowerCase();
        };
    }

    /** All protocols, and TCP or UDP without a range, cover every port; ICMP keeps its type and code. */
    static long[] ports(String protocol, Long from, Long to) {
        if (protocol.equals("-1")) return new long[] {0, 65535};
        boolean transport = protocol.equals("tcp") || protocol.equals("udp");
        if (from == null || to == null || (from == -1 && to == -1 && transport)) return transport ? new long[] {0, 65535} : new long[] {-1, -1};
        return new long[] {from, to};
    }
}
