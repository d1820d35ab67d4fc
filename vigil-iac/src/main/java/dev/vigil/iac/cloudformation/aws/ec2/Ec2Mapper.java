package dev.vigil.iac.cloudformation.aws.ec2;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.Relation;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.ec2.Instance;
import dev.vigil.model.aws.ec2.NetworkAcl;
import dev.vigil.model.aws.ec2.SecurityGroup;
import dev.vigil.model.aws.ec2.Volume;
import dev.vigil.model.aws.ec2.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Security groups (with the SecurityGroupIngress/Egress resources that name them), network ACLs
 * (with their NetworkAclEntry and subnet associations), VPCs (with the flow logs whose ResourceId
 * is the VPC), instances and volumes. Ids assigned at deploy are the symbols of {@link Stack}.
 */
public final class Ec2Mapper {
    static final String UNTIL_DEPLOY = "known only after deploy";
    static final String DEFAULT_VPC = "no VpcId: the region's default VPC, whose id is known only at deploy";

    private Ec2Mapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::EC2::SecurityGroup")) securityGroup(r, stack);
        for (CfnResource r : stack.ofType("AWS::EC2::NetworkAcl")) networkAcl(r, stack);
        for (CfnResource r : stack.ofType("AWS::EC2::VPC")) vpc(r, stack);
        for (CfnResource r : stack.ofType("AWS::EC2::Instance")) instance(r, stack);
        for (CfnResource r : stack.ofType("AWS::EC2::Volume")) volume(r, stack);
    }

    private static void securityGroup(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        String name = a.string("GroupName", "name");
        if (name == null && !a.unresolved("GroupName")) a.unknown("name", "no GroupName: CloudFormation generates the name at deploy");
        String vpc = stack.idOf(a, "VpcId", "vpcId", null);
        if (vpc == null && !a.has("VpcId")) a.unknown("vpcId", DEFAULT_VPC);
        List<SecurityGroup.Permission> ingress = new ArrayList<>();
        for (Attrs p : a.blocks("SecurityGroupIngress", "ingress")) permission(p, stack, ingress, "ingress", false);
        List<SecurityGroup.Permission> egress = new ArrayList<>();
        for (Attrs p : a.blocks("SecurityGroupEgress", "egress")) permission(p, stack, egress, "egress", true);
        // EC2 gives every VPC security group an allow-all egress rule unless the group declares its own
        if (!a.has("SecurityGroupEgress")) egress.add(new SecurityGroup.Permission("-1", 0L, 65535L, "0.0.0.0/0", "ipv4", ""));
        for (CfnResource rule : stack.pointingAt(r, "AWS::EC2::SecurityGroupIngress", "GroupId")) {
            permission(new Attrs(rule.properties(), a.unknowns()), stack, ingress, "ingress", false);
        }
        for (CfnResource rule : stack.pointingAt(r, "AWS::EC2::SecurityGroupEgress", "GroupId")) {
            permission(new Attrs(rule.properties(), a.unknowns()), stack, egress, "egress", true);
        }
        List<Relation> rel = new ArrayList<>();
        CfnResource vpcRes = stack.find(r.properties().get("VpcId"), r, "AWS::EC2::VPC");
        if (vpcRes != null) rel.add(new Relation("in-vpc", AwsTypes.EC2_VPC.id(), vpcRes.id()));
        SecurityGroup sg = new SecurityGroup(Stack.symbol(r), name, a.string("GroupDescription", "description", ""), vpc, false,
                a.unknowns().containsKey("ingress") ? null : ingress, a.unknowns().containsKey("egress") ? null : egress);
        stack.add(r, AwsTypes.EC2_SECURITY_GROUP, name, sg, a.unknowns(), rel);
    }

    /** One rule, written inline or as its own resource; the same property names serve both. */
    private static void permission(Attrs p, Stack stack, List<SecurityGroup.Permission> out, String target, boolean egress) {
        String protocol = Protocols.name(p.string("IpProtocol", target));
        if (protocol == null) return;
        long[] ports = Protocols.ports(protocol, p.number("FromPort", target), p.number("ToPort", target));
        String description = p.string("Description", target, "");
        String v4 = p.string("CidrIp", target);
        String v6 = p.string("CidrIpv6", target);
        String group = stack.idOf(p, egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId", target, null);
        if (group == null && !egress) group = p.string("SourceSecurityGroupName", target);
        String prefix = p.string(egress ? "DestinationPrefixListId" : "SourcePrefixListId", target);
        if (v4 != null) out.add(new SecurityGroup.Permission(protocol, ports[0], ports[1], v4, "ipv4", description));
        if (v6 != null) out.add(new SecurityGroup.Permission(protocol, ports[0], ports[1], v6, "ipv6", description));
        if (group != null) out.add(new SecurityGroup.Permission(protocol, ports[0], ports[1], group, "security-group", description));
        if (prefix != null) out.add(new SecurityGroup.Permission(protocol, ports[0], ports[1], prefix, "prefix-list", description));
    }

    private static void networkAcl(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        List<NetworkAcl.Entry> entries = new ArrayList<>();
        for (CfnResource e : stack.pointingAt(r, "AWS::EC2::NetworkAclEntry", "NetworkAclId")) {
            Attrs x = new Attrs(e.properties(), a.unknowns());
            String protocol = Protocols.name(x.string("Protocol", "entries"));
            Attrs range = x.block("PortRange", "entries");
            long[] ports = Protocols.ports(protocol == null ? "-1" : protocol, range.number("From", "entries"), range.number("To", "entries"));
            String cidr = x.has("Ipv6CidrBlock") ? x.string("Ipv6CidrBlock", "entries") : x.string("CidrBlock", "entries");
            String action = x.string("RuleAction", "entries");
            entries.add(new NetworkAcl.Entry(x.number("RuleNumber", "entries"), x.bool("Egress", "entries", false), protocol, ports[0], ports[1],
                    cidr, action == null ? null : action.toLowerCase()));
        }
        // every network ACL ends with the deny-all rules that EC2 adds and AWS Config records
        entries.add(new NetworkAcl.Entry(32767L, false, "-1", 0L, 65535L, "0.0.0.0/0", "deny"));
        entries.add(new NetworkAcl.Entry(32767L, true, "-1", 0L, 65535L, "0.0.0.0/0", "deny"));
        List<String> subnets = new ArrayList<>();
        for (CfnResource assoc : stack.pointingAt(r, "AWS::EC2::SubnetNetworkAclAssociation", "NetworkAclId")) {
            String s = stack.idOf(new Attrs(assoc.properties(), a.unknowns()), "SubnetId", "subnetIds", null);
            if (s != null) subnets.add(s);
        }
        String vpc = stack.idOf(a, "VpcId", "vpcId", null);
        NetworkAcl acl = new NetworkAcl(Stack.symbol(r), vpc, false, a.unknowns().containsKey("entries") ? null : entries,
                a.unknowns().containsKey("subnetIds") ? null : subnets);
        stack.add(r, AwsTypes.EC2_NETWORK_ACL, nameTag(r), acl, a.unknowns(), List.of());
    }

    private static void vpc(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        List<Vpc.FlowLog> flowLogs = new ArrayList<>();
        for (CfnResource f : stack.pointingAt(r, "AWS::EC2::FlowLog", "ResourceId")) {
            Attrs x = new Attrs(f.properties(), a.unknowns());
            // a flow log is active from creation; CloudWatch Logs is the destination unless another is named
            flowLogs.add(new Vpc.FlowLog(Stack.symbol(f), x.string("TrafficType", "flowLogs", "ALL"), "ACTIVE",
                    x.string("LogDestinationType", "flowLogs", "cloud-watch-logs")));
        }
        String cidr = a.string("CidrBlock", "cidrBlock");
        if (cidr == null && !a.has("CidrBlock")) a.unknown("cidrBlock", "the VPC's block is allocated from an IPAM pool at deploy");
        Vpc vpc = new Vpc(Stack.symbol(r), cidr, false, "available", flowLogs);
        stack.add(r, AwsTypes.EC2_VPC, nameTag(r), vpc, a.unknowns(), List.of());
    }

    private static void instance(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        List<Relation> rel = new ArrayList<>();
        List<Attrs> nics = a.blocks("NetworkInterfaces", "subnetId");
        Attrs nic0 = nics.isEmpty() ? new Attrs(Map.of()) : nics.get(0);
        String subnet = a.has("SubnetId") ? stack.idOf(a, "SubnetId", "subnetId", null) : stack.idOf(nic0, "SubnetId", "subnetId", null);
        CfnResource subnetRes = stack.find(a.has("SubnetId") ? a.raw("SubnetId") : nic0.raw("SubnetId"), r, "AWS::EC2::Subnet");

        String vpc = null;
        if (subnetRes != null) vpc = stack.idOf(new Attrs(subnetRes.properties(), a.unknowns()), "VpcId", "vpcId", null);
        else if (subnet == null && !a.unknowns().containsKey("subnetId")) a.unknown("vpcId", "no SubnetId: a default subnet of the default VPC, known only at launch");
        else a.unknown("vpcId", "the VPC of subnet " + subnet + " is not declared in the templates");
        if (subnet == null && !a.unknowns().containsKey("subnetId")) a.unknown("subnetId", "no SubnetId: a default subnet, known only at launch");

        // a public address comes from the interface's AssociatePublicIpAddress, else the subnet's MapPublicIpOnLaunch, or an EIP
        String publicIp;
        Boolean associate = nic0.bool("AssociatePublicIpAddress", "publicIpAddress");
        if (associate == null && subnetRes != null) associate = new Attrs(subnetRes.properties(), a.unknowns()).bool("MapPublicIpOnLaunch", "publicIpAddress", false);
        boolean eip = stack.pointingAt(r, "AWS::EC2::EIP", "InstanceId").size() + stack.pointingAt(r, "AWS::EC2::EIPAssociation", "InstanceId").size() > 0;
        if (eip || Boolean.TRUE.equals(associate)) publicIp = "${" + r.logicalId() + ".PublicIp}";
        else if (Boolean.FALSE.equals(associate)) publicIp = "";
        else {
            publicIp = null;
            a.unknown("publicIpAddress", "whether the instance gets a public address depends on a subnet not declared in the templates");
        }

        Instance.MetadataOptions md = metadata(a, r, stack);
        List<String> groups = new ArrayList<>();
        for (String key : List.of("SecurityGroupIds", "SecurityGroups")) {
            List<String> ids = stack.idsOf(a, key, "securityGroupIds");
            if (ids != null) groups.addAll(ids);
            if (a.raw(key) instanceof List<?> l) {
                for (Object g : l) {
                    CfnResource sg = stack.find(g, r, "AWS::EC2::SecurityGroup");
                    if (sg == null && g instanceof String s) sg = byGroupName(stack, s);
                    if (sg != null) rel.add(new Relation("uses", AwsTypes.EC2_SECURITY_GROUP.id(), sg.id()));
                }
            }
        }
        for (Object g : nic0.raw("GroupSet") instanceof List<?> l ? l : List.of()) {
            CfnResource sg = stack.find(g, r, "AWS::EC2::SecurityGroup");
            if (sg != null) {
                groups.add(Stack.symbol(sg));
                rel.add(new Relation("uses", AwsTypes.EC2_SECURITY_GROUP.id(), sg.id()));
            }
        }
        a.unknown("launchTime", UNTIL_DEPLOY);
        Instance instance = new Instance(Stack.symbol(r), "running", a.string("InstanceType", "instanceType", "m1.small"),
                a.string("ImageId", "imageId"), vpc, subnet, publicIp, stack.idOf(a, "IamInstanceProfile", "iamInstanceProfileArn", ""),
                md, a.unknowns().containsKey("securityGroupIds") ? null : groups, null);
        stack.add(r, AwsTypes.EC2_INSTANCE, nameTag(r), instance, a.unknowns(), rel);
    }

    /**
     * Metadata options live in a launch template in CloudFormation. Without one that sets
     * HttpTokens, the instance gets the account's instance-metadata defaults (or its AMI's), which
     * a template cannot tell.
     */
    private static Instance.MetadataOptions metadata(Attrs a, CfnResource r, Stack stack) {
        Attrs lt = a.block("LaunchTemplate", "metadataOptions");
        Object ref = lt.has("LaunchTemplateId") ? lt.raw("LaunchTemplateId") : lt.raw("LaunchTemplateName");
        CfnResource template = ref == null ? null : stack.find(ref, r, "AWS::EC2::LaunchTemplate");
        if (template == null && ref instanceof String s) {
            for (CfnResource t : stack.ofType("AWS::EC2::LaunchTemplate")) if (s.equals(t.properties().get("LaunchTemplateName"))) template = t;
        }
        Attrs md = template == null ? new Attrs(Map.of(), a.unknowns())
                : new Attrs(template.properties(), a.unknowns()).block("LaunchTemplateData", "metadataOptions").block("MetadataOptions", "metadataOptions");
        String tokens = md.string("HttpTokens", "metadataOptions.httpTokens");
        if (tokens == null && !md.unresolved("HttpTokens")) {
            a.unknown("metadataOptions.httpTokens", ref != null && template == null
                    ? "the instance's launch template is not declared in the templates"
                    : "no launch template sets HttpTokens: the account's instance metadata defaults decide at launch");
        }
        return new Instance.MetadataOptions(tokens, md.string("HttpEndpoint", "metadataOptions.httpEndpoint", "enabled"),
                md.number("HttpPutResponseHopLimit", "metadataOptions.httpPutResponseHopLimit") == null ? 1L
                        : md.number("HttpPutResponseHopLimit", "metadataOptions.httpPutResponseHopLimit"));
    }

    private static void volume(CfnResource r, Stack stack) {
        Attrs a = stack.attrs(r);
        Boolean encrypted = a.bool("Encrypted", "encrypted");
        if (encrypted == null && !a.unresolved("Encrypted")) {
            a.unknown("encrypted", "no Encrypted: the account's EBS encryption-by-default setting decides at deploy");
        }
        List<String> instances = new ArrayList<>();
        List<Relation> rel = new ArrayList<>();
        for (CfnResource att : stack.pointingAt(r, "AWS::EC2::VolumeAttachment", "VolumeId")) {
            CfnResource i = stack.find(att.properties().get("InstanceId"), att, "AWS::EC2::Instance");
            String id = i != null ? Stack.symbol(i) : new Attrs(att.properties(), a.unknowns()).string("InstanceId", "attachedInstanceIds");
            if (id != null) instances.add(id);
            if (i != null) rel.add(new Relation("attached-to", AwsTypes.EC2_INSTANCE.id(), i.id()));
        }
        Volume v = new Volume(Stack.symbol(r), encrypted, stack.idOf(a, "KmsKeyId", "kmsKeyId", ""), instances.isEmpty() ? "available" : "in-use",
                a.number("Size", "sizeGiB"), a.string("VolumeType", "volumeType", "gp2"), instances);
        stack.add(r, AwsTypes.EC2_VOLUME, nameTag(r), v, a.unknowns(), rel);
    }

    private static CfnResource byGroupName(Stack stack, String name) {
        for (CfnResource g : stack.ofType("AWS::EC2::SecurityGroup")) if (name.equals(g.properties().get("GroupName"))) return g;
        return null;
    }

    /** As the Config and live inputs name EC2 resources: the Name tag, else the logical id. */
    private static String nameTag(CfnResource r) {
        String n = Stack.tags(r).get("Name");
        return n == null || n.isEmpty() ? r.logicalId() : n;
    }
}
