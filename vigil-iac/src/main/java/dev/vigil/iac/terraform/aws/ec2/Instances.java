package dev.vigil.iac.terraform.aws.ec2;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.ec2.Instance;
import dev.vigil.model.aws.ec2.Subnet;
import dev.vigil.model.aws.ec2.Volume;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aws_instance} into {@code aws.ec2.instance}, and its {@code root_block_device} and
 * {@code ebs_block_device} blocks into the {@code aws.ec2.volume}s AWS creates for them (ids
 * {@code <instance id>.root_block_device}, {@code <instance id>.ebs_block_device[<n>]}); plus
 * {@code aws_ebs_volume} (with {@code aws_volume_attachment}) and {@code aws_subnet}.
 */
public final class Instances {
    public static final List<String> SPLITS = List.of("aws_volume_attachment");

    /**
     * What stands for an address AWS assigns at launch. The address itself is not known before
     * deploy, but that there will be one is: the rules only ask whether there is one.
     */
    static final String ASSIGNED_AT_LAUNCH = "(assigned at launch)";

    private Instances() {
    }

    public static List<Resource> map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        List<Resource> out = new ArrayList<>();
        List<Relation> rel = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String key : List.of("vpc_security_group_ids", "security_groups")) {
            Object v = a.raw(key);
            if (v instanceof Unresolved u) {
                a.unknown("securityGroupIds", u.reason());
            } else if (v instanceof List<?> l) {
                for (Object g : l) {
                    String ref = Canon.reference(g, r);
                    if (ref == null) {
                        if (g instanceof Unresolved u) a.unknown("securityGroupIds", u.reason());
                        continue;
                    }
                    groups.add(ref);
                    if (g instanceof Unresolved) rel.add(new Relation("uses", AwsTypes.EC2_SECURITY_GROUP.id(), ref));
                }
            }
        }
        Attrs md = a.block("metadata_options", "metadataOptions");
        // Provider defaults for an absent metadata_options block or argument: tokens optional (IMDSv1
        // allowed), endpoint enabled, one hop.
        Instance.MetadataOptions metadata = new Instance.MetadataOptions(md.string("http_tokens", "metadataOptions.httpTokens", "optional"),
                md.string("http_endpoint", "metadataOptions.httpEndpoint", "enabled"),
                md.has("http_put_response_hop_limit") || md.unresolved("http_put_response_hop_limit")
                        ? md.number("http_put_response_hop_limit", "metadataOptions.httpPutResponseHopLimit") : Long.valueOf(1));
        String subnetId = Canon.reference(a.raw("subnet_id"), r);
        if (subnetId == null && a.raw("subnet_id") == null) {
            a.unknown("subnetId", "no subnet_id configured: the instance goes into a default subnet known after deploy");
        } else if (subnetId == null) {
            a.string("subnet_id", "subnetId");
        }
        String profile = a.has("iam_instance_profile") ? Canon.reference(a.raw("iam_instance_profile"), r) : "";
        if (profile == null) a.string("iam_instance_profile", "iamInstanceProfileArn");
        String vpcId = Canon.vpcOfSubnet(a.raw("subnet_id"), r, joins);
        if (vpcId == null && subnetId != null) a.unknown("vpcId", "the VPC of subnet " + subnetId + " is not in the scan");
        Instance instance = new Instance(Canon.selfId(a, r, "instanceId"), a.string("instance_state", "state", "running"),
                a.string("instance_type", "instanceType"), a.string("ami", "imageId"), vpcId, subnetId,
                publicIp(a, r, joins), profile, metadata, a.unknowns().containsKey("securityGroupIds") ? null : groups, null);
        out.add(Canon.resource(r, AwsTypes.EC2_INSTANCE, Canon.tags(r).getOrDefault("Name", r.address()), instance, a, rel));

        List<Relation> attached = List.of(new Relation("attached-to", AwsTypes.EC2_INSTANCE.id(), r.id()));
        List<Attrs> roots = a.blocks("root_block_device", "rootBlockDevice");
        Attrs root = roots.isEmpty() ? new Attrs(java.util.Map.of()) : roots.get(0);
        out.add(blockVolume(r, root, r.id() + ".root_block_device", r.address() + " root volume", attached));
        List<Attrs> ebs = a.blocks("ebs_block_device", "ebsBlockDevice");
        for (int i = 0; i < ebs.size(); i++) {
            out.add(blockVolume(r, ebs.get(i), r.id() + ".ebs_block_device[" + i + "]",
                    r.address() + " " + ebs.get(i).string("device_name", "name", "ebs volume " + i), attached));
        }
        return out;
    }

    /**
     * The public IPv4 address: the state's {@code public_ip}; else {@code associate_public_ip_address}
     * (true: one is assigned at launch); else the subnet's {@code map_public_ip_on_launch} when the
     * subnet is in the scan (a default subnet maps public addresses).
     */
    private static String publicIp(Attrs a, TfResource r, Joins joins) {
        if (a.has("public_ip") || a.unresolved("public_ip")) return a.string("public_ip", "publicIpAddress");
        if (a.has("associate_public_ip_address") || a.unresolved("associate_public_ip_address")) {
            Boolean assign = a.bool("associate_public_ip_address", "publicIpAddress");
            return assign == null ? null : assign ? ASSIGNED_AT_LAUNCH : "";
        }
        Object subnet = a.raw("subnet_id");
        if (subnet == null) {
            a.unknown("publicIpAddress", "no subnet_id and no associate_public_ip_address: a default subnet assigns public addresses");
            return null;
        }
        TfResource s = joins.target(subnet, r, t -> Joins.keys(t, "id", "arn"), "aws_subnet");
        if (s == null) {
            a.unknown("publicIpAddress", "associate_public_ip_address is not set and the subnet's map_public_ip_on_launch is not in the scan");
            return null;
        }
        Boolean map = Canon.attrs(s).bool("map_public_ip_on_launch", "publicIpAddress", false);
        if (map == null) {
            a.unknown("publicIpAddress", "the subnet's map_public_ip_on_launch is not known");
            return null;
        }
        return map ? ASSIGNED_AT_LAUNCH : "";
    }

    /**
     * A block device as the volume AWS creates. Unset {@code encrypted} is the provider's false; the
     * region's EBS encryption by default may still encrypt it, which its own rule checks.
     */
    private static Resource blockVolume(TfResource r, Attrs b, String id, String name, List<Relation> rel) {
        Attrs v = new Attrs(b.tree());
        Volume volume = new Volume(null, v.bool("encrypted", "encrypted", false), Canon.referenceOr(v, r, "kms_key_id", "kmsKeyId", ""), "in-use",
                v.number("volume_size", "sizeGiB"), v.string("volume_type", "volumeType", "gp2"), List.of(r.id()));
        if (!v.has("volume_size")) v.unknown("sizeGiB", "no volume_size configured: the size of the image's snapshot");
        return Canon.resource(r, id, AwsTypes.EC2_VOLUME, name, volume, v, rel);
    }

    /** {@code aws_ebs_volume}, attached to the instances of the {@code aws_volume_attachment}s naming it. */
    public static Resource volume(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        List<String> instances = new ArrayList<>();
        List<Relation> rel = new ArrayList<>();
        for (TfResource att : joins.splits(r, "aws_volume_attachment", "volume_id", Joins.keys(r, "id", "arn"))) {
            String inst = Canon.reference(att.attributes().get("instance_id"), att);
            if (inst == null) continue;
            instances.add(inst);
            rel.add(new Relation("attached-to", AwsTypes.EC2_INSTANCE.id(), inst));
        }
        Volume v = new Volume(a.string("id", "volumeId"), a.bool("encrypted", "encrypted", false), Canon.referenceOr(a, r, "kms_key_id", "kmsKeyId", ""),
                instances.isEmpty() ? "available" : "in-use", a.number("size", "sizeGiB"), a.string("type", "volumeType", "gp2"), instances);
        if (!a.has("size") && !a.unresolved("size")) a.unknown("sizeGiB", "no size configured: the size of the snapshot it is made from");
        return Canon.resource(r, AwsTypes.EC2_VOLUME, Canon.tags(r).getOrDefault("Name", r.address()), v, a, rel);
    }

    /** {@code aws_subnet}; public addresses on launch are off unless {@code map_public_ip_on_launch} says so. */
    public static Resource subnet(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        List<String> v6 = new ArrayList<>();
        String v6Block = a.string("ipv6_cidr_block", "ipv6CidrBlocks");
        if (v6Block != null && !v6Block.isEmpty()) v6.add(v6Block);
        String vpc = Canon.reference(a.raw("vpc_id"), r);
        if (vpc == null) a.string("vpc_id", "vpcId");
        Subnet s = new Subnet(Canon.selfId(a, r, "subnetId"), vpc, a.string("cidr_block", "cidrBlock", ""),
                a.unknowns().containsKey("ipv6CidrBlocks") ? null : v6, a.string("availability_zone", "availabilityZone"),
                a.bool("map_public_ip_on_launch", "mapPublicIpOnLaunch", false),
                a.bool("assign_ipv6_address_on_creation", "assignIpv6AddressOnCreation", false), false, "available");
        if (!a.has("availability_zone") && !a.unresolved("availability_zone")) {
            a.unknown("availabilityZone", "no availability_zone configured: AWS picks one at deploy");
        }
        return Canon.resource(r, AwsTypes.EC2_SUBNET, Canon.tags(r).getOrDefault("Name", r.address()), s, a, List.of());
    }
}
