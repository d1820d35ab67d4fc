package dev.vigil.aws.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.aws.ec2.Ec2Canonical;
import dev.vigil.model.Relation;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.ec2.Instance;
import dev.vigil.model.aws.ec2.NetworkAcl;
import dev.vigil.model.aws.ec2.SecurityGroup;
import dev.vigil.model.aws.ec2.Volume;
import dev.vigil.model.aws.ec2.Vpc;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** EC2 and VPC configuration items to canonical security groups, network ACLs, VPCs, instances and volumes. */
final class Ec2ConfigMapper {
    static final String FLOW_LOGS_NOT_RECORDED = "the inputs have no AWS::EC2::FlowLog items for this region and do not show that the "
            + "Config recorder records them, so missing flow logs cannot be told from unrecorded ones";

    private Ec2ConfigMapper() {
    }

    static Mapped securityGroup(ConfigItem item) {
        JsonNode c = item.configuration();
        String id = Json.text(c, "groupId").isEmpty() ? item.resourceId() : Json.text(c, "groupId");
        String arn = Arns.or(item.arn(), Arns.ec2(item.region(), item.accountId(), "security-group/" + id));
        String name = Json.text(c, "groupName");
        SecurityGroup sg = new SecurityGroup(id, name, Json.text(c, "description"), Json.text(c, "vpcId"), name.equals("default"),
                permissions(Json.list(c, "ipPermissions")), permissions(Json.list(c, "ipPermissionsEgress")));
        List<Relation> rel = Json.text(c, "vpcId").isEmpty() ? List.of()
                : List.of(new Relation("in-vpc", AwsTypes.EC2_VPC.id(), Arns.ec2(item.region(), item.accountId(), "vpc/" + Json.text(c, "vpcId"))));
        return new Mapped(AwsTypes.EC2_SECURITY_GROUP, arn, Ec2Canonical.named(name, id), sg, Map.of(), rel);
    }

    /** One entry per (rule, source): CIDR ranges from both ipRanges (strings) and ipv4Ranges (objects), without duplicates. */
    private static List<SecurityGroup.Permission> permissions(List<JsonNode> rules) {
        List<SecurityGroup.Permission> out = new ArrayList<>();
        for (JsonNode r : rules) {
            String protocol = Ec2Canonical.protocol(Json.text(r, "ipProtocol"));
            long[] ports = Ec2Canonical.ports(protocol, Json.number(r, "fromPort"), Json.number(r, "toPort"));
            Set<String> v4 = new LinkedHashSet<>(Json.texts(r, "ipRanges"));
            for (JsonNode x : Json.list(r, "ipv4Ranges")) v4.add(Json.text(x, "cidrIp"));
            for (String cidr : v4) out.add(new SecurityGroup.Permission(protocol, ports[0], ports[1], cidr, "ipv4", ""));
            for (JsonNode x : Json.list(r, "ipv6Ranges")) {
                out.add(new SecurityGroup.Permission(protocol, ports[0], ports[1], Json.text(x, "cidrIpv6"), "ipv6", Json.text(x, "description")));
            }
            for (JsonNode x : Json.list(r, "userIdGroupPairs")) {
                out.add(new SecurityGroup.Permission(protocol, ports[0], ports[1], Json.text(x, "groupId"), "security-group", Json.text(x, "description")));
            }
            for (JsonNode x : Json.list(r, "prefixListIds")) {
                out.add(new SecurityGroup.Permission(protocol, ports[0], ports[1], Json.text(x, "prefixListId"), "prefix-list", Json.text(x, "description")));
            }
        }
        return out;
    }

    static Mapped networkAcl(ConfigItem item) {
        JsonNode c = item.configuration();
        String id = Json.text(c, "networkAclId").isEmpty() ? item.resourceId() : Json.text(c, "networkAclId");
        String arn = Arns.or(item.arn(), Arns.ec2(item.region(), item.accountId(), "network-acl/" + id));
        List<NetworkAcl.Entry> entries = new ArrayList<>();
        for (JsonNode e : Json.list(c, "entries")) {
            String protocol = Ec2Canonical.protocol(Json.text(e, "protocol"));
            JsonNode range = Json.get(e, "portRange");
            long[] ports = Ec2Canonical.ports(protocol, Json.number(range, "from"), Json.number(range, "to"));
            String cidr = Json.text(e, "cidrBlock").isEmpty() ? Json.text(e, "ipv6CidrBlock") : Json.text(e, "cidrBlock");
            entries.add(new NetworkAcl.Entry(Json.numberOr(e, "ruleNumber", 0), Json.boolOr(e, "egress", false), protocol, ports[0], ports[1],
                    cidr, Json.text(e, "ruleAction").toLowerCase()));
        }
        List<String> subnets = new ArrayList<>();
        for (JsonNode a : Json.list(c, "associations")) subnets.add(Json.text(a, "subnetId"));
        NetworkAcl acl = new NetworkAcl(id, Json.text(c, "vpcId"), Json.boolOr(c, "isDefault", false), entries, subnets);
        return new Mapped(AwsTypes.EC2_NETWORK_ACL, arn, Ec2Canonical.displayName(item.tags(), id), acl, Map.of(), List.of());
    }

    /**
     * @param flowLogs the flow logs whose resource is this VPC, or {@code null} when the inputs cannot
     *                 say (flow logs are not recorded in the region)
     */
    static Mapped vpc(ConfigItem item, List<Vpc.FlowLog> flowLogs) {
        JsonNode c = item.configuration();
        String id = Json.text(c, "vpcId").isEmpty() ? item.resourceId() : Json.text(c, "vpcId");
        String arn = Arns.or(item.arn(), Arns.ec2(item.region(), item.accountId(), "vpc/" + id));
        Vpc vpc = new Vpc(id, Json.text(c, "cidrBlock"), Json.boolOr(c, "isDefault", false), Json.text(c, "state"), flowLogs);
        return new Mapped(AwsTypes.EC2_VPC, arn, Ec2Canonical.displayName(item.tags(), id), vpc, flowLogs == null ? Map.of("flowLogs", FLOW_LOGS_NOT_RECORDED) : Map.of(), List.of());
    }

    static Vpc.FlowLog flowLog(ConfigItem item) {
        JsonNode c = item.configuration();
        return new Vpc.FlowLog(Json.text(c, "flowLogId").isEmpty() ? item.resourceId() : Json.text(c, "flowLogId"),
                Json.text(c, "trafficType"), Json.text(c, "flowLogStatus"), Json.text(c, "logDestinationType"));
    }

    /** The VPC a flow log item watches: its {@code resourceId} configuration field. */
    static String flowLogVpc(ConfigItem item) {
        return Json.text(item.configuration(), "resourceId");
    }

    static Mapped instance(ConfigItem item) {
        JsonNode c = item.configuration();
        String id = Json.text(c, "instanceId").isEmpty() ? item.resourceId() : Json.text(c, "instanceId");
        String arn = Arns.or(item.arn(), Arns.ec2(item.region(), item.accountId(), "instance/" + id));
        JsonNode md = Json.get(c, "metadataOptions");
        List<String> groups = new ArrayList<>();
        List<Relation> rel = new ArrayList<>();
        for (JsonNode g : Json.list(c, "securityGroups")) {
            String gid = Json.text(g, "groupId");
            groups.add(gid);
            rel.add(new Relation("uses", AwsTypes.EC2_SECURITY_GROUP.id(), Arns.ec2(item.region(), item.accountId(), "security-group/" + gid)));
        }
        Instance instance = new Instance(id, Json.text(Json.get(c, "state"), "name"), Json.text(c, "instanceType"), Json.text(c, "imageId"),
                Json.text(c, "vpcId"), Json.text(c, "subnetId"), Json.text(c, "publicIpAddress"),
                Json.text(Json.get(c, "iamInstanceProfile"), "arn"),
                new Instance.MetadataOptions(Json.text(md, "httpTokens"), Json.text(md, "httpEndpoint"), Json.number(md, "httpPutResponseHopLimit")),
                groups, Json.text(c, "launchTime"));
        return new Mapped(AwsTypes.EC2_INSTANCE, arn, Ec2Canonical.displayName(item.tags(), id), instance, Map.of(), rel);
    }

    static Mapped volume(ConfigItem item) {
        JsonNode c = item.configuration();
        String id = Json.text(c, "volumeId").isEmpty() ? item.resourceId() : Json.text(c, "volumeId");
        String arn = Arns.or(item.arn(), Arns.ec2(item.region(), item.accountId(), "volume/" + id));
        List<String> instances = new ArrayList<>();
        List<Relation> rel = new ArrayList<>();
        for (JsonNode a : Json.list(c, "attachments")) {
            String iid = Json.text(a, "instanceId");
            instances.add(iid);
            rel.add(new Relation("attached-to", AwsTypes.EC2_INSTANCE.id(), Arns.ec2(item.region(), item.accountId(), "instance/" + iid)));
        }
        Volume v = new Volume(id, Json.boolOr(c, "encrypted", false), Json.text(c, "kmsKeyId"), Json.text(c, "state"),
                Json.number(c, "size"), Json.text(c, "volumeType"), instances);
        return new Mapped(AwsTypes.EC2_VOLUME, arn, Ec2Canonical.displayName(item.tags(), id), v, Map.of(), rel);
    }
}
