package dev.vigil.aws.live;

import static dev.vigil.aws.live.LiveFixture.collect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceType;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.ec2.Instance;
import dev.vigil.model.aws.ec2.InternetGateway;
import dev.vigil.model.aws.ec2.NetworkAcl;
import dev.vigil.model.aws.ec2.RouteTable;
import dev.vigil.model.aws.ec2.SecurityGroup;
import dev.vigil.model.aws.ec2.SecurityGroup.Permission;
import dev.vigil.model.aws.ec2.Subnet;
import dev.vigil.model.aws.ec2.Vpc;
import dev.vigil.model.input.Collected;
import dev.vigil.model.schema.Documents;
import dev.vigil.model.schema.RecordSchemas;
import dev.vigil.testkit.aws.Ec2Seed;
import dev.vigil.testkit.aws.SeedClients;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EC2 and VPC collectors against the emulator, seeded with {@link Ec2Seed} in both regions. The
 * emulator adds, per region, a default VPC with its default security group, network ACL, main route
 * table and one default subnet per availability zone.
 */
class Ec2LiveTest {
    static final String US = "us-east-1";
    static final String EU = "eu-west-1";
    static final Set<String> EC2_TYPES = Set.of(AwsTypes.EC2_SECURITY_GROUP.id(), AwsTypes.EC2_NETWORK_ACL.id(), AwsTypes.EC2_VPC.id(),
            AwsTypes.EC2_INSTANCE.id(), AwsTypes.EC2_VOLUME.id(), AwsTypes.EC2_SUBNET.id(), AwsTypes.EC2_ROUTE_TABLE.id(),
            AwsTypes.EC2_INTERNET_GATEWAY.id(), AwsTypes.EC2_NAT_GATEWAY.id(), AwsTypes.EC2_SNAPSHOT.id());
    static Collected collected;

    @BeforeAll
    static void seedAndCollect() {
        LiveFixture.moto().reset();
        new Ec2Seed().plant(new SeedClients(LiveFixture.moto().endpoint()));
        collected = collect(Set.of("ec2", "vpc"));
    }

    /** The one resource of a type in a region whose name is {@code name} or {@code name (id)}. */
    static Resource named(ResourceType type, String region, String name) {
        List<Resource> found = collected.resources().stream().filter(r -> r.type().equals(type.id()) && r.region().equals(region)
                && (r.name().equals(name) || r.name().startsWith(name + " ("))).toList();
        assertThat(found).as(type.id() + " " + name + " in " + region).hasSize(1);
        return found.get(0);
    }

    static List<Resource> all(ResourceType type, String region) {
        return collected.resources().stream().filter(r -> r.type().equals(type.id()) && r.region().equals(region)).toList();
    }

    static String id(Resource r) {
        return r.id().substring(r.id().lastIndexOf('/') + 1);
    }

    @Test
    void bothRegionsAreCollectedWithoutGaps() {
        assertThat(collected.gaps()).extracting(g -> g.scope()).noneMatch(s -> s.endsWith(" ec2") || s.endsWith(" vpc"));
        for (String region : List.of(US, EU)) {
            assertThat(collected.resources()).filteredOn(r -> r.region().equals(region)).extracting(Resource::type)
                    .containsAll(EC2_TYPES);
        }
    }

    @Test
    void everyDocumentValidatesAgainstItsTypesSchema() {
        List<Resource> ec2 = collected.resources().stream().filter(r -> EC2_TYPES.contains(r.type())).toList();
        assertThat(ec2).hasSizeGreaterThan(50);
        for (Resource r : ec2) {
            ResourceType type = AwsTypes.ALL.stream().filter(t -> t.id().equals(r.type())).findFirst().orElseThrow();
            assertThat(RecordSchemas.of(type.model()).validate(r.properties())).as(r.type() + " " + r.name()).isEmpty();
            assertThat(r.failures()).as(r.name()).isEmpty();
        }
    }

    @Test
    void aGroupOpenToTheWorldOnSshAndItsOfficeOnlyTwin() {
        for (String region : List.of(US, EU)) {
            String vpc = id(named(AwsTypes.EC2_VPC, region, "good-vpc"));
            List<Permission> allOut = List.of(new Permission("-1", 0L, 65535L, "0.0.0.0/0", "ipv4", ""));
            Resource open = named(AwsTypes.EC2_SECURITY_GROUP, region, "bad-sg-ssh-world");
            assertThat(open.properties()).isEqualTo(Documents.of(new SecurityGroup(id(open), "bad-sg-ssh-world", "bad-sg-ssh-world", vpc, false,
                    List.of(new Permission("tcp", 22L, 22L, "0.0.0.0/0", "ipv4", "")), allOut)));
            assertThat(open.id()).isEqualTo("arn:aws:ec2:" + region + ":123456789012:security-group/" + id(open));
            assertThat(open.name()).isEqualTo("bad-sg-ssh-world (" + id(open) + ")");
            assertThat(open.relations()).containsExactly(new Relation("in-vpc", AwsTypes.EC2_VPC.id(), "arn:aws:ec2:" + region + ":123456789012:vpc/" + vpc));

            Resource office = named(AwsTypes.EC2_SECURITY_GROUP, region, "good-sg-ssh-office");
            assertThat(office.properties()).isEqualTo(Documents.of(new SecurityGroup(id(office), "good-sg-ssh-office", "good-sg-ssh-office", vpc,
                    false, List.of(new Permission("tcp", 22L, 22L, "203.0.113.10/32", "ipv4", "")),
                    allOut)));

            assertThat(named(AwsTypes.EC2_SECURITY_GROUP, region, "bad-sg-rdp-world").properties().get("ingress"))
                    .isEqualTo(Documents.normalize(List.of(new Permission("tcp", 3389L, 3389L, "::/0", "ipv6", ""))));
            assertThat(named(AwsTypes.EC2_SECURITY_GROUP, region, "bad-sg-all-world").properties().get("ingress"))
                    .isEqualTo(Documents.normalize(List.of(new Permission("-1", 0L, 65535L, "0.0.0.0/0", "ipv4", ""))));
        }
    }

    @Test
    void everyVpcHasADefaultGroupAndOnlyGoodVpcsIsEmptied() {
        for (String region : List.of(US, EU)) {
            List<Resource> defaults = all(AwsTypes.EC2_SECURITY_GROUP, region).stream().filter(r -> r.name().startsWith("default (")).toList();
            assertThat(defaults).hasSize(3).allSatisfy(r -> assertThat(r.properties()).containsEntry("isDefault", true));
            String goodVpc = id(named(AwsTypes.EC2_VPC, region, "good-vpc"));
            for (Resource d : defaults) {
                boolean good = d.properties().get("vpcId").equals(goodVpc);
                assertThat((List<?>) d.properties().get("egress")).as(d.name()).hasSize(good ? 0 : 1);
                assertThat((List<?>) d.properties().get("ingress")).as(d.name()).isEmpty();
            }
        }
    }

    @Test
    void networkAclsKeepTheirNumberedEntries() {
        for (String region : List.of(US, EU)) {
            String badVpc = id(named(AwsTypes.EC2_VPC, region, "bad-vpc"));
            Resource rdp = named(AwsTypes.EC2_NETWORK_ACL, region, "bad-acl-rdp-open");
            assertThat(rdp.properties()).isEqualTo(Documents.of(new NetworkAcl(id(rdp), badVpc, false, List.of(
                    new NetworkAcl.Entry(100L, false, "tcp", 3389L, 3389L, "0.0.0.0/0", "allow"),
                    new NetworkAcl.Entry(100L, true, "-1", 0L, 65535L, "0.0.0.0/0", "allow")), List.of())));

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> goodDefault = (List<Map<String, Object>>) named(AwsTypes.EC2_NETWORK_ACL, region, "good-vpc-default-acl")
                    .properties().get("entries");
            assertThat(goodDefault).contains(Documents.of(new NetworkAcl.Entry(50L, false, "tcp", 22L, 22L, "0.0.0.0/0", "deny")),
                    Documents.of(new NetworkAcl.Entry(100L, false, "-1", 0L, 65535L, "0.0.0.0/0", "allow")));
            // The emulator's default VPC, and each seeded one, come with a default ACL: three per region.
            assertThat(all(AwsTypes.EC2_NETWORK_ACL, region)).filteredOn(r -> Boolean.TRUE.equals(r.properties().get("isDefault"))).hasSize(3);
        }
    }

    @Test
    void vpcsCarryTheirOwnFlowLogs() {
        for (String region : List.of(US, EU)) {
            Resource good = named(AwsTypes.EC2_VPC, region, "good-vpc");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> logs = (List<Map<String, Object>>) good.properties().get("flowLogs");
            assertThat(logs).hasSize(1);
            assertThat(logs.get(0)).containsEntry("trafficType", "REJECT").containsEntry("status", "ACTIVE")
                    .containsEntry("destinationType", "cloud-watch-logs");
            assertThat(good.properties()).containsEntry("cidrBlock", "10.20.0.0/16").containsEntry("isDefault", false);

            Resource bad = named(AwsTypes.EC2_VPC, region, "bad-vpc");
            assertThat(bad.properties()).isEqualTo(Documents.of(new Vpc(id(bad), "10.10.0.0/16", false, "available", List.of())));

            List<Resource> defaults = all(AwsTypes.EC2_VPC, region).stream().filter(r -> Boolean.TRUE.equals(r.properties().get("isDefault"))).toList();
            assertThat(defaults).hasSize(1);
            assertThat(defaults.get(0).properties()).containsEntry("flowLogs", List.of()).containsEntry("cidrBlock", "172.31.0.0/16");
        }
    }

    @Test
    void instancesShowMetadataOptionsPublicAddressAndProfile() {
        for (String region : List.of(US, EU)) {
            Resource bad = named(AwsTypes.EC2_INSTANCE, region, "bad-instance");
            Instance b = instance(bad);
            assertThat(b.metadataOptions().httpTokens()).isEqualTo("optional");
            assertThat(b.metadataOptions().httpEndpoint()).isEqualTo("enabled");
            assertThat(b.publicIpAddress()).isNotEmpty();
            assertThat(b.iamInstanceProfileArn()).isEmpty();
            assertThat(b.subnetId()).isEqualTo(id(named(AwsTypes.EC2_SUBNET, region, "public-subnet")));
            assertThat(b.securityGroupIds()).containsExactly(id(named(AwsTypes.EC2_SECURITY_GROUP, region, "good-sg-web")));
            assertThat(bad.relations()).extracting(Relation::kind).containsExactly("uses");

            Instance g = instance(named(AwsTypes.EC2_INSTANCE, region, "good-instance"));
            assertThat(g.metadataOptions().httpTokens()).isEqualTo("required");
            assertThat(g.publicIpAddress()).isEmpty();
            assertThat(g.iamInstanceProfileArn()).isEqualTo("arn:aws:iam::123456789012:instance-profile/good-ec2-instance-profile");
            assertThat(g.state()).isEqualTo("running");
            assertThat(g.vpcId()).isEqualTo(id(named(AwsTypes.EC2_VPC, region, "good-vpc")));
        }
    }

    @Test
    void volumesSayWhetherTheyAreEncryptedAndWhereTheyAreAttached() {
        for (String region : List.of(US, EU)) {
            assertThat(named(AwsTypes.EC2_VOLUME, region, "bad-volume").properties()).containsEntry("encrypted", false).containsEntry("kmsKeyId", "")
                    .containsEntry("sizeGiB", 1L).containsEntry("state", "available").containsEntry("attachedInstanceIds", List.of());
            assertThat(named(AwsTypes.EC2_VOLUME, region, "good-volume").properties()).containsEntry("encrypted", true)
                    .hasEntrySatisfying("kmsKeyId", k -> assertThat((String) k).startsWith("arn:aws:kms:" + region + ":123456789012:key/"));
            Resource root = named(AwsTypes.EC2_VOLUME, region, "bad-instance-root");
            String instance = id(named(AwsTypes.EC2_INSTANCE, region, "bad-instance"));
            assertThat(root.properties()).containsEntry("encrypted", false).containsEntry("attachedInstanceIds", List.of(instance));
            assertThat(root.relations()).containsExactly(new Relation("attached-to", AwsTypes.EC2_INSTANCE.id(),
                    "arn:aws:ec2:" + region + ":123456789012:instance/" + instance));
            assertThat(named(AwsTypes.EC2_VOLUME, region, "good-instance-root").properties()).containsEntry("encrypted", true);
        }
    }

    @Test
    void onlyTheAccountsOwnSnapshotsWithWhoMayRestoreThem() {
        for (String region : List.of(US, EU)) {
            // The emulator lists the snapshots behind its public images under OwnerIds=self as well.
            assertThat(all(AwsTypes.EC2_SNAPSHOT, region)).hasSize(2);
            Resource open = named(AwsTypes.EC2_SNAPSHOT, region, "public-snapshot");
            assertThat(open.id()).isEqualTo("arn:aws:ec2:" + region + "::snapshot/" + id(open));
            assertThat(open.properties()).containsEntry("publicRestore", true).containsEntry("sharedWith", List.of())
                    .containsEntry("encrypted", false).containsEntry("volumeId", id(named(AwsTypes.EC2_VOLUME, region, "bad-volume")));
            Resource closed = named(AwsTypes.EC2_SNAPSHOT, region, "private-snapshot");
            assertThat(closed.properties()).containsEntry("publicRestore", false).containsEntry("sharedWith", List.of())
                    .containsEntry("encrypted", true).containsEntry("state", "completed");
        }
    }

    @Test
    void subnetsSayWhetherTheyHandOutPublicAddresses() {
        for (String region : List.of(US, EU)) {
            String vpc = id(named(AwsTypes.EC2_VPC, region, "good-vpc"));
            Resource open = named(AwsTypes.EC2_SUBNET, region, "public-subnet");
            assertThat(open.properties()).isEqualTo(Documents.of(new Subnet(id(open), vpc, "10.20.1.0/24", List.of(), region + "a", true, false,
                    false, "available")));
            assertThat(named(AwsTypes.EC2_SUBNET, region, "private-subnet").properties()).containsEntry("mapPublicIpOnLaunch", false);
            // The default VPC's subnets, one per availability zone, hand out public addresses.
            assertThat(all(AwsTypes.EC2_SUBNET, region)).filteredOn(r -> Boolean.TRUE.equals(r.properties().get("defaultForAz")))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.properties()).containsEntry("mapPublicIpOnLaunch", true));
        }
    }

    @Test
    void routeTablesNameTheirTargetsAndSubnets() {
        for (String region : List.of(US, EU)) {
            String vpc = id(named(AwsTypes.EC2_VPC, region, "good-vpc"));
            String igw = id(named(AwsTypes.EC2_INTERNET_GATEWAY, region, "main-igw"));
            String nat = id(named(AwsTypes.EC2_NAT_GATEWAY, region, "main-nat"));
            Resource pub = named(AwsTypes.EC2_ROUTE_TABLE, region, "public-routes");
            String publicSubnet = id(named(AwsTypes.EC2_SUBNET, region, "public-subnet"));
            RouteTable table = (RouteTable) record(pub, RouteTable.class);
            assertThat(table.vpcId()).isEqualTo(vpc);
            assertThat(table.main()).isFalse();
            assertThat(table.routes()).extracting(RouteTable.Route::destination, RouteTable.Route::targetType, RouteTable.Route::target)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("10.20.0.0/16", "local", "local"),
                            org.assertj.core.groups.Tuple.tuple("0.0.0.0/0", "igw", igw));
            assertThat(table.associations()).extracting(RouteTable.Association::subnetId).containsExactly(publicSubnet);
            assertThat(pub.relations()).contains(new Relation("routes-to", AwsTypes.EC2_INTERNET_GATEWAY.id(),
                    "arn:aws:ec2:" + region + ":123456789012:internet-gateway/" + igw));

            RouteTable priv = (RouteTable) record(named(AwsTypes.EC2_ROUTE_TABLE, region, "private-routes"), RouteTable.class);
            assertThat(priv.routes()).extracting(RouteTable.Route::targetType, RouteTable.Route::target)
                    .contains(org.assertj.core.groups.Tuple.tuple("nat", nat));
            // Each VPC has its main table: the default VPC's and the two seeded ones.
            assertThat(all(AwsTypes.EC2_ROUTE_TABLE, region)).filteredOn(r -> Boolean.TRUE.equals(r.properties().get("main"))).hasSize(3);
        }
    }

    @Test
    void gatewaysAreAttachedWhereTheySit() {
        for (String region : List.of(US, EU)) {
            String vpc = id(named(AwsTypes.EC2_VPC, region, "good-vpc"));
            Resource igw = named(AwsTypes.EC2_INTERNET_GATEWAY, region, "main-igw");
            assertThat(igw.properties()).isEqualTo(Documents.of(new InternetGateway(id(igw), List.of(new InternetGateway.Attachment(vpc, "available")))));
            Resource nat = named(AwsTypes.EC2_NAT_GATEWAY, region, "main-nat");
            assertThat(nat.id()).isEqualTo("arn:aws:ec2:" + region + ":123456789012:natgateway/" + id(nat));
            assertThat(nat.properties()).containsEntry("vpcId", vpc).containsEntry("subnetId", id(named(AwsTypes.EC2_SUBNET, region, "public-subnet")))
                    .containsEntry("state", "available").containsEntry("connectivityType", "public");
            assertThat((List<?>) nat.properties().get("publicIps")).hasSize(1);
        }
    }

    @Test
    void ebsEncryptionByDefaultIsARegionSetting() {
        assertThat(LiveFixture.only(collected, AwsTypes.REGION.id(), US).properties()).containsEntry("ebsEncryptionByDefault", false);
        assertThat(LiveFixture.only(collected, AwsTypes.REGION.id(), EU).properties()).containsEntry("ebsEncryptionByDefault", true);
    }

    static Instance instance(Resource r) {
        return (Instance) record(r, Instance.class);
    }

    /** The canonical record back from its document, through the same JSON shape. */
    static Record record(Resource r, Class<? extends Record> type) {
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(r.properties(), type);
    }
}
