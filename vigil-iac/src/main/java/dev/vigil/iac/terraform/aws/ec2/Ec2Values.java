package dev.vigil.iac.terraform.aws.ec2;

import java.util.Locale;

/** Protocol names and port ranges as the AWS Config and live EC2 mappers write them, so a rule reads IaC the same way. */
final class Ec2Values {
    private Ec2Values() {
    }

    /** {@code -1}/{@code all} are all protocols; numbers 6, 17, 1 and 58 are tcp, udp, icmp and icmpv6. */
    static String protocol(String p) {
        if (p == null || p.isEmpty()) return "-1";
        return switch (p.toLowerCase(Locale.ROOT)) {
            case "-1", "all" -> "-1";
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            default -> p.toLowerCase(Locale.ROOT);
        };
    }

    /** All protocols cover 0-65535 (Terraform writes 0/0 for them); TCP/UDP without ports cover every port; ICMP keeps type and code. */
    static Long[] ports(String protocol, Long from, Long to) {
        if (protocol.equals("-1")) return new Long[] {0L, 65535L};
        boolean transport = protocol.equals("tcp") || protocol.equals("udp");
        if (transport && (from == null && to == null || from != null && to != null && from == -1 && to == -1)) return new Long[] {0L, 65535L};
        return new Long[] {from, to};
    }
}
