package dev.vigil.iac.terraform.aws.ec2;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.IacPaths;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.ec2.SecurityGroup;
import dev.vigil.model.aws.ec2.SecurityGroup.Permission;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aws_security_group} and {@code aws_default_security_group} with their inline rules and the
 * rule resources that add to them ({@code aws_security_group_rule},
 * {@code aws_vpc_security_group_ingress_rule}/{@code _egress_rule}) into {@code aws.ec2.security-group}.
 *
 * <p>The rules are exactly the ones written: for a new group Terraform removes the allow-all egress
 * rule AWS creates, and it strips every unlisted rule from the default group. A rule whose source,
 * protocol or ports cannot be known makes the whole direction ({@code ingress} or {@code egress})
 * unknown. A source naming another group by reference is that group's canonical id in this scan.
 */
public final class SecurityGroups {
    public static final List<String> SPLITS = List.of("aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
            "aws_vpc_security_group_egress_rule");

    private SecurityGroups() {
    }

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        boolean isDefault = r.type().equals("aws_default_security_group");
        String name = isDefault ? "default" : Canon.name(a, "name", "name");
        String groupId = Canon.selfId(a, r, "groupId");
        String self = groupId != null ? groupId : r.id();
        List<Permission> ingress = new ArrayList<>();
        List<Permission> egress = new ArrayList<>();
        for (Attrs b : a.blocks("ingress", "ingress")) inline(b, "ingress", self, r, ingress);
        for (Attrs b : a.blocks("egress", "egress")) inline(b, "egress", self, r, egress);

        List<String> keys = Joins.keys(r, "id", "arn");
        for (TfResource s : joins.splits(r, "aws_security_group_rule", "security_group_id", keys)) {
            Attrs sa = Canon.attrs(s);
            String type = sa.string("type", "ingress");
            if (type == null) {
                Joins.merge(a, sa);
                a.unknown("egress", "the type of " + s.address() + " is not known");
                continue;
            }
            List<Permission> into = type.equals("egress") ? egress : ingress;
            inline(sa, type, self, s, into);
            Object source = s.attributes().get("source_security_group_id");
            if (source != null) add(sa, type, sourceOf(source, s, sa, type), "security-group", into);
            Joins.merge(a, sa);
        }
        for (String dir : List.of("ingress", "egress")) {
            for (TfResource s : joins.splits(r, "aws_vpc_security_group_" + dir + "_rule", "security_group_id", keys)) {
                Attrs sa = Canon.attrs(s);
                List<Permission> into = dir.equals("egress") ? egress : ingress;
                String cidr4 = sa.string("cidr_ipv4", dir);
                String cidr6 = sa.string("cidr_ipv6", dir);
                String prefixList = sa.string("prefix_list_id", dir);
                Object group = s.attributes().get("referenced_security_group_id");
                if (cidr4 != null) add(sa, dir, cidr4, "ipv4", into);
                if (cidr6 != null) add(sa, dir, cidr6, "ipv6", into);
                if (prefixList != null) add(sa, dir, prefixList, "prefix-list", into);
                if (group != null) add(sa, dir, sourceOf(group, s, sa, dir), "security-group", into);
                Joins.merge(a, sa);
            }
        }

        String vpcId = vpc(a, r, joins);
        SecurityGroup sg = new SecurityGroup(groupId, name, a.string("description", "description", "Managed by Terraform"), vpcId, isDefault,
                a.unknowns().containsKey("ingress") ? null : ingress, a.unknowns().containsKey("egress") ? null : egress);
        List<Relation> rel = new ArrayList<>();
        if (vpcId != null && a.raw("vpc_id") instanceof Unresolved u && u.refersTo() != null) {
            rel.add(new Relation("in-vpc", AwsTypes.EC2_VPC.id(), vpcId));
        }
        return Canon.resource(r, AwsTypes.EC2_SECURITY_GROUP, name, sg, a, rel);
    }

    /** The VPC as configured, a reference to an {@code aws_vpc} as its canonical id; absent means the region's default VPC. */
    private static String vpc(Attrs a, TfResource r, Joins joins) {
        Object v = a.raw("vpc_id");
        if (v instanceof Unresolved) {
            String ref = Canon.reference(v, r);
            if (ref != null) return ref;
            a.string("vpc_id", "vpcId");
            return null;
        }
        if (v == null) a.unknown("vpcId", "no vpc_id configured: the group goes into the region's default VPC, whose id is not known before deploy");
        return v == null ? null : v.toString();
    }

    /** One inline rule block (or {@code aws_security_group_rule}), one permission per source. */
    private static void inline(Attrs b, String dir, String self, TfResource from, List<Permission> into) {
        for (String cidr : nonNull(b.strings("cidr_blocks", dir))) add(b, dir, cidr, "ipv4", into);
        for (String cidr : nonNull(b.strings("ipv6_cidr_blocks", dir))) add(b, dir, cidr, "ipv6", into);
        for (String pl : nonNull(b.strings("prefix_list_ids", dir))) add(b, dir, pl, "prefix-list", into);
        Object groups = b.raw("security_groups");
        if (groups instanceof List<?> l) {
            for (Object g : l) add(b, dir, sourceOf(g, from, b, dir), "security-group", into);
        } else if (groups != null) {
            add(b, dir, sourceOf(groups, from, b, dir), "security-group", into);
        }
        if (Boolean.TRUE.equals(b.bool("self", dir))) add(b, dir, self, "security-group", into);
    }

    private static List<String> nonNull(List<String> l) {
        return l == null ? List.of() : l;
    }

    /** A group named by id, or by a reference to a group of this scan; anything else is unknown. */
    private static String sourceOf(Object value, TfResource from, Attrs b, String dir) {
        String ref = Canon.reference(value, from);
        if (ref == null && value instanceof Unresolved u) b.unknown(dir, u.reason());
        return ref;
    }

    private static void add(Attrs b, String dir, String source, String sourceType, List<Permission> into) {
        if (source == null) return;
        String key = b.has("ip_protocol") || b.unresolved("ip_protocol") ? "ip_protocol" : "protocol";
        if (b.unresolved(key)) {
            b.string(key, dir); // records the reason
            return;
        }
        String protocol = Ec2Values.protocol(b.string(key, dir));
        Long[] ports = Ec2Values.ports(protocol, b.number("from_port", dir), b.number("to_port", dir));
        into.add(new Permission(protocol, ports[0], ports[1], source, sourceType, b.string("description", dir, "")));
    }

    static String canonicalId(TfResource r) {
        return IacPaths.resourceId(r.source(), r.address());
    }
}
