package dev.vigil.iac.terraform.aws.ec2;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.ec2.NetworkAcl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code aws_network_acl} and {@code aws_default_network_acl} with their inline entries,
 * {@code aws_network_acl_rule} and {@code aws_network_acl_association}, into {@code aws.ec2.network-acl}.
 * AWS ends every ACL with the deny-all entry 32767 in each direction; it is added, as AWS Config
 * records it.
 */
public final class NetworkAcls {
    public static final List<String> SPLITS = List.of("aws_network_acl_rule", "aws_network_acl_association");

    private NetworkAcls() {
    }

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        boolean isDefault = r.type().equals("aws_default_network_acl");
        List<NetworkAcl.Entry> entries = new ArrayList<>();
        for (Attrs e : a.blocks("ingress", "entries")) entry(e, false, "rule_no", "action", entries);
        for (Attrs e : a.blocks("egress", "entries")) entry(e, true, "rule_no", "action", entries);
        List<String> keys = Joins.keys(r, "id", "arn");
        for (TfResource s : joins.splits(r, "aws_network_acl_rule", "network_acl_id", keys)) {
            Attrs sa = Canon.attrs(s);
            Boolean egress = sa.bool("egress", "entries", false);
            if (egress != null) entry(sa, egress, "rule_number", "rule_action", entries);
            Joins.merge(a, sa);
        }
        entries.add(new NetworkAcl.Entry(32767L, false, "-1", 0L, 65535L, "0.0.0.0/0", "deny"));
        entries.add(new NetworkAcl.Entry(32767L, true, "-1", 0L, 65535L, "0.0.0.0/0", "deny"));

        List<String> subnets = new ArrayList<>();
        Object ids = a.raw("subnet_ids");
        if (ids instanceof List<?> l) {
            for (Object o : l) {
                String ref = Canon.reference(o, r);
                if (ref != null) subnets.add(ref);
                else if (o instanceof Unresolved u) a.unknown("subnetIds", u.reason());
            }
        } else if (ids instanceof Unresolved u) {
            a.unknown("subnetIds", u.reason());
        }
        for (TfResource s : joins.splits(r, "aws_network_acl_association", "network_acl_id", keys)) {
            String ref = Canon.reference(s.attributes().get("subnet_id"), s);
            if (ref != null) subnets.add(ref);
            else a.unknown("subnetIds", "the subnet of " + s.address() + " is not known");
        }
        String vpcId = isDefault ? null : Canon.reference(a.raw("vpc_id"), r);
        if (isDefault) a.unknown("vpcId", "the default network ACL belongs to a VPC known after deploy");
        else if (vpcId == null) a.string("vpc_id", "vpcId");
        NetworkAcl acl = new NetworkAcl(a.string("id", "networkAclId"), vpcId, isDefault,
                a.unknowns().containsKey("entries") ? null : entries, a.unknowns().containsKey("subnetIds") ? null : subnets);
        return Canon.resource(r, AwsTypes.EC2_NETWORK_ACL, Canon.tags(r).getOrDefault("Name", r.address()), acl, a, List.of());
    }

    private static void entry(Attrs e, boolean egress, String numberKey, String actionKey, List<NetworkAcl.Entry> into) {
        if (e.unresolved("protocol")) {
            e.string("protocol", "entries");
            return;
        }
        String protocol = Ec2Values.protocol(e.string("protocol", "entries"));
        Long[] ports = Ec2Values.ports(protocol, e.number("from_port", "entries"), e.number("to_port", "entries"));
        String cidr = e.has("cidr_block") || e.unresolved("cidr_block") ? e.string("cidr_block", "entries") : e.string("ipv6_cidr_block", "entries");
        String action = e.string(actionKey, "entries");
        into.add(new NetworkAcl.Entry(e.number(numberKey, "entries"), egress, protocol, ports[0], ports[1], cidr,
                action == null ? null : action.toLowerCase(Locale.ROOT)));
    }
}
