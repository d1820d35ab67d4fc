package dev.vigil.aws.ec2;

import dev.vigil.aws.ec2.Mapped.Link;
import dev.vigil.aws.live.Failures;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.AwsTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.CreateVolumePermission;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotAttributeResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * EC2 API responses to canonical security groups, network ACLs, instances, volumes and snapshots:
 * pure functions, no calls. Values are those the AWS Config adapter gives for the same
 * configuration (names, ARNs, one permission per source, protocol names, port ranges).
 */
public final class Ec2Mapper {
    /** The createVolumePermission group that opens a snapshot to every AWS account. */
    static final String PUBLIC_GROUP = "all";

    private Ec2Mapper() {
    }

    public static Mapped securityGroup(Ec2Arns arns, SecurityGroup g) {
        String id = g.groupId();
        String arn = g.securityGroupArn() == null || g.securityGroupArn().isEmpty() ? arns.of("security-group", id) : g.securityGroupArn();
        String name = nz(g.groupName());
        var sg = new dev.vigil.model.aws.ec2.SecurityGroup(id, name, nz(g.description()), nz(g.vpcId()), name.equals("default"),
                permissions(g.ipPermissions()), permissions(g.ipPermissionsEgress()));
        List<Link> links = nz(g.vpcId()).isEmpty() ? List.of() : List.of(new Link("in-vpc", AwsTypes.EC2_VPC, arns.of("vpc", g.vpcId())));
        return new Mapped(AwsTypes.EC2_SECURITY_GROUP, arn, Ec2Canonical.named(name, id), tags(g.tags()), sg, links, Map.of());
    }

    /**
     * One entry per (rule, source), in the order IPv4 ranges, IPv6 ranges, security groups, prefix
     * lists. IPv4 entries carry no description, as in the AWS Config adapter, whose items give the
     * ranges as bare strings.
     */
    static List<dev.vigil.model.aws.ec2.SecurityGroup.Permission> permissions(List<IpPermission> rules) {
        List<dev.vigil.model.aws.ec2.SecurityGroup.Permission> out = new ArrayList<>();
        for (IpPermission r : rules) {
            String protocol = Ec2Canonical.protocol(r.ipProtocol());
            long[] ports = Ec2Canonical.ports(protocol, wide(r.fromPort()), wide(r.toPort()));
            Set<String> v4 = new LinkedHashSet<>();
            for (IpRange x : r.ipRanges()) v4.add(nz(x.cidrIp()));
            for (String cidr : v4) out.add(permission(protocol, ports, cidr, "ipv4", ""));
            for (Ipv6Range x : r.ipv6Ranges()) out.add(permission(protocol, ports, nz(x.cidrIpv6()), "ipv6", nz(x.description())));
            for (UserIdGroupPair x : r.userIdGroupPairs()) out.add(permission(protocol, ports, nz(x.groupId()), "security-group", nz(x.description())));
            for (PrefixListId x : r.prefixListIds()) out.add(permission(protocol, ports, nz(x.prefixListId()), "prefix-list", nz(x.description())));
        }
        return out;
    }

    private static dev.vigil.model.aws.ec2.SecurityGroup.Permission permission(String protocol, long[] ports, String source, String type,
                                                                                String description) {
        return new dev.vigil.model.aws.ec2.SecurityGroup.Permission(protocol, ports[0], ports[1], source, type, description);
    }

    public static Mapped networkAcl(Ec2Arns arns, NetworkAcl a) {
        String id = a.networkAclId();
        List<dev.vigil.model.aws.ec2.NetworkAcl.Entry> entries = new ArrayList<>();
        for (NetworkAclEntry e : a.entries()) {
            String protocol = Ec2Canonical.protocol(e.protocol());
            long[] ports = e.portRange() == null ? Ec2Canonical.ports(protocol, null, null)
                    : Ec2Canonical.ports(protocol, wide(e.portRange().from()), wide(e.portRange().to()));
            String cidr = nz(e.cidrBlock()).isEmpty() ? nz(e.ipv6CidrBlock()) : e.cidrBlock();
            entries.add(new dev.vigil.model.aws.ec2.NetworkAcl.Entry(e.ruleNumber() == null ? 0L : e.ruleNumber().longValue(),
                    Boolean.TRUE.equals(e.egress()), protocol, ports[0], ports[1], cidr, nz(e.ruleActionAsString()).toLowerCase()));
        }
        List<String> subnets = new ArrayList<>();
        for (NetworkAclAssociation x : a.associations()) subnets.add(nz(x.subnetId()));
        var acl = new dev.vigil.model.aws.ec2.NetworkAcl(id, nz(a.vpcId()), Boolean.TRUE.equals(a.isDefault()), entries, subnets);
        Map<String, String> tags = tags(a.tags());
        return new Mapped(AwsTypes.EC2_NETWORK_ACL, arns.of("network-acl", id), Ec2Canonical.displayName(tags, id), tags, acl, List.of(), Map.of());
    }

    /** Terminated instances stay listed for about an hour; they are gone (AWS Config records them as deleted, and its adapter drops them). */
    public static boolean gone(Instance i) {
        return i.state() != null && i.state().name() == InstanceStateName.TERMINATED;
    }

    public static Mapped instance(Ec2Arns arns, Instance i) {
        String id = i.instanceId();
        var md = i.metadataOptions();
        List<String> groups = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (GroupIdentifier g : i.securityGroups()) {
            groups.add(g.groupId());
            links.add(new Link("uses", AwsTypes.EC2_SECURITY_GROUP, arns.of("security-group", g.groupId())));
        }
        var instance = new dev.vigil.model.aws.ec2.Instance(id, i.state() == null ? "" : nz(i.state().nameAsString()), nz(i.instanceTypeAsString()),
                nz(i.imageId()), nz(i.vpcId()), nz(i.subnetId()), nz(i.publicIpAddress()),
                i.iamInstanceProfile() == null ? "" : nz(i.iamInstanceProfile().arn()),
                md == null ? new dev.vigil.model.aws.ec2.Instance.MetadataOptions("", "", null)
                        : new dev.vigil.model.aws.ec2.Instance.MetadataOptions(nz(md.httpTokensAsString()), nz(md.httpEndpointAsString()),
                        wide(md.httpPutResponseHopLimit())),
                groups, i.launchTime() == null ? "" : i.launchTime().toString());
        Map<String, String> tags = tags(i.tags());
        return new Mapped(AwsTypes.EC2_INSTANCE, arns.of("instance", id), Ec2Canonical.displayName(tags, id), tags, instance, links, Map.of());
    }

    public static Mapped volume(Ec2Arns arns, Volume v) {
        String id = v.volumeId();
        List<String> instances = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (VolumeAttachment a : v.attachments()) {
            instances.add(nz(a.instanceId()));
            links.add(new Link("attached-to", AwsTypes.EC2_INSTANCE, arns.of("instance", a.instanceId())));
        }
        var volume = new dev.vigil.model.aws.ec2.Volume(id, Boolean.TRUE.equals(v.encrypted()), nz(v.kmsKeyId()), nz(v.stateAsString()),
                wide(v.size()), nz(v.volumeTypeAsString()), instances);
        Map<String, String> tags = tags(v.tags());
        return new Mapped(AwsTypes.EC2_VOLUME, arns.of("volume", id), Ec2Canonical.displayName(tags, id), tags, volume, links, Map.of());
    }

    /**
     * A snapshot with its createVolumePermission attribute: the group {@code all} makes it public,
     * user ids are the accounts it is shared with. When that read failed, {@code publicRestore} and
     * {@code sharedWith} are failed, never assumed private.
     */
    public static Mapped snapshot(Ec2Arns arns, Snapshot s, Read<DescribeSnapshotAttributeResponse> permissions) {
        String id = s.snapshotId();
        Failures f = new Failures();
        List<CreateVolumePermission> granted = f.check("publicRestore", permissions).map(DescribeSnapshotAttributeResponse::createVolumePermissions,
                List.of());
        Boolean publicRestore = granted == null ? null : granted.stream().anyMatch(p -> PUBLIC_GROUP.equals(p.groupAsString()));
        List<String> sharedWith = granted == null ? null
                : granted.stream().map(CreateVolumePermission::userId).filter(u -> u != null && !u.isEmpty()).toList();
        Map<String, String> failures = new TreeMap<>(f.byPath());
        if (failures.containsKey("publicRestore")) failures.put("sharedWith", failures.get("publicRestore"));
        var snapshot = new dev.vigil.model.aws.ec2.Snapshot(id, nz(s.volumeId()), Boolean.TRUE.equals(s.encrypted()), nz(s.kmsKeyId()),
                nz(s.stateAsString()), wide(s.volumeSize()), s.startTime() == null ? "" : s.startTime().toString(), nz(s.description()),
                publicRestore, sharedWith);
        List<Link> links = new ArrayList<>();
        if (!nz(s.volumeId()).isEmpty() && !s.volumeId().equals("vol-ffffffff")) {
            links.add(new Link("created-from", AwsTypes.EC2_VOLUME, arns.of("volume", s.volumeId())));
        }
        if (!nz(s.kmsKeyId()).isEmpty()) links.add(new Link("uses-key", AwsTypes.KMS_KEY, s.kmsKeyId()));
        Map<String, String> tags = tags(s.tags());
        return new Mapped(AwsTypes.EC2_SNAPSHOT, arns.snapshot(id), Ec2Canonical.displayName(tags, id), tags, snapshot, links, failures);
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        for (Tag t : tags) if (t.key() != null) out.put(t.key(), nz(t.value()));
        return out;
    }

    static Long wide(Integer i) {
        return i == null ? null : i.longValue();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
