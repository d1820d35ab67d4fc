package dev.vigil.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.config.ConfigSnapshotInput;
import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.ec2.NetworkAcl.Entry;
import dev.vigil.model.aws.ec2.SecurityGroup.Permission;
import dev.vigil.model.schema.Documents;
import dev.vigil.model.schema.RecordSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.CreateVolumePermission;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

class Ec2MapperTest {
    static final Ec2Arns ARNS = new Ec2Arns("aws", "eu-west-1", "111122223333");

    @TempDir
    Path dir;

    static dev.vigil.model.aws.ec2.SecurityGroup group(Mapped m) {
        return (dev.vigil.model.aws.ec2.SecurityGroup) m.properties();
    }

    @Test
    void aRuleOpenToTheWorldKeepsItsCidr() {
        SecurityGroup g = SecurityGroup.builder().groupId("sg-1").groupName("ssh").vpcId("vpc-1")
                .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                        .ipRanges(r -> r.cidrIp("0.0.0.0/0").description("anyone")).ipv6Ranges(r -> r.cidrIpv6("::/0").description("anyone, v6")).build())
                .build();
        assertThat(group(Ec2Mapper.securityGroup(ARNS, g)).ingress()).containsExactly(
                new Permission("tcp", 22L, 22L, "0.0.0.0/0", "ipv4", ""),
                new Permission("tcp", 22L, 22L, "::/0", "ipv6", "anyone, v6"));
    }

    @Test
    void aRuleBecomesOnePermissionPerSourceInTheConfigAdaptersOrder() {
        IpPermission rule = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .prefixListIds(p -> p.prefixListId("pl-1").description("s3"))
                .userIdGroupPairs(p -> p.groupId("sg-2").description("web tier"))
                .ipRanges(r -> r.cidrIp("10.0.0.0/8"), r -> r.cidrIp("10.0.0.0/8").description("the same range twice"), r -> r.cidrIp("192.0.2.0/24"))
                .build();
        SecurityGroup g = SecurityGroup.builder().groupId("sg-1").groupName("web").ipPermissions(rule).build();
        assertThat(group(Ec2Mapper.securityGroup(ARNS, g)).ingress()).containsExactly(
                new Permission("tcp", 443L, 443L, "10.0.0.0/8", "ipv4", ""),
                new Permission("tcp", 443L, 443L, "192.0.2.0/24", "ipv4", ""),
                new Permission("tcp", 443L, 443L, "sg-2", "security-group", "web tier"),
                new Permission("tcp", 443L, 443L, "pl-1", "prefix-list", "s3"));
    }

    @Test
    void allProtocolsCoverEveryPortAndIcmpKeepsItsTypeAndCode() {
        SecurityGroup g = SecurityGroup.builder().groupId("sg-1").groupName("mixed")
                .ipPermissions(IpPermission.builder().ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0")).build(),
                        IpPermission.builder().ipProtocol("icmp").fromPort(8).toPort(-1).ipRanges(r -> r.cidrIp("0.0.0.0/0")).build(),
                        IpPermission.builder().ipProtocol("6").ipRanges(r -> r.cidrIp("10.0.0.0/8")).build())
                .ipPermissionsEgress(IpPermission.builder().ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0")).build())
                .build();
        var sg = group(Ec2Mapper.securityGroup(ARNS, g));
        assertThat(sg.ingress()).containsExactly(
                new Permission("-1", 0L, 65535L, "0.0.0.0/0", "ipv4", ""),
                new Permission("icmp", 8L, -1L, "0.0.0.0/0", "ipv4", ""),
                new Permission("tcp", 0L, 65535L, "10.0.0.0/8", "ipv4", ""));
        assertThat(sg.egress()).containsExactly(new Permission("-1", 0L, 65535L, "0.0.0.0/0", "ipv4", ""));
    }

    @Test
    void theGroupNamedDefaultIsTheVpcsDefaultGroupAndNamesItselfWithItsId() {
        SecurityGroup g = SecurityGroup.builder().groupId("sg-9").groupName("default").description("default VPC security group").vpcId("vpc-1")
                .tags(Tag.builder().key("Name").value("ignored: groups go by their group name").build()).build();
        Mapped m = Ec2Mapper.securityGroup(ARNS, g);
        assertThat(group(m).isDefault()).isTrue();
        assertThat(m.name()).isEqualTo("default (sg-9)");
        assertThat(m.arn()).isEqualTo("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-9");
        assertThat(m.links()).containsExactly(new Mapped.Link("in-vpc", dev.vigil.model.aws.AwsTypes.EC2_VPC, "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1"));
    }

    @Test
    void aclEntriesNameTheirProtocolAndCoverEveryPortWithoutARange() {
        NetworkAcl a = NetworkAcl.builder().networkAclId("acl-1").vpcId("vpc-1").isDefault(false)
                .tags(Tag.builder().key("Name").value("public-subnets").build())
                .associations(x -> x.subnetId("subnet-1"))
                .entries(NetworkAclEntry.builder().ruleNumber(100).egress(false).protocol("6").portRange(p -> p.from(3389).to(3389))
                                .cidrBlock("0.0.0.0/0").ruleAction("allow").build(),
                        NetworkAclEntry.builder().ruleNumber(110).egress(false).protocol("6").portRange(p -> p.from(443).to(443))
                                .ipv6CidrBlock("::/0").ruleAction("allow").build(),
                        NetworkAclEntry.builder().ruleNumber(32767).egress(true).protocol("-1").cidrBlock("0.0.0.0/0").ruleAction("deny").build())
                .build();
        Mapped m = Ec2Mapper.networkAcl(ARNS, a);
        var acl = (dev.vigil.model.aws.ec2.NetworkAcl) m.properties();
        assertThat(acl.entries()).containsExactly(
                new Entry(100L, false, "tcp", 3389L, 3389L, "0.0.0.0/0", "allow"),
                new Entry(110L, false, "tcp", 443L, 443L, "::/0", "allow"),
                new Entry(32767L, true, "-1", 0L, 65535L, "0.0.0.0/0", "deny"));
        assertThat(acl.subnetIds()).containsExactly("subnet-1");
        assertThat(m.name()).isEqualTo("public-subnets (acl-1)");
    }

    @Test
    void anInstanceCarriesItsMetadataOptionsPublicAddressProfileAndGroups() {
        Instance i = Instance.builder().instanceId("i-1").state(s -> s.name(InstanceStateName.RUNNING)).instanceType("t3.micro").imageId("ami-1")
                .vpcId("vpc-1").subnetId("subnet-1").publicIpAddress("203.0.113.10")
                .iamInstanceProfile(p -> p.arn("arn:aws:iam::111122223333:instance-profile/app"))
                .metadataOptions(md -> md.httpTokens("optional").httpEndpoint("enabled").httpPutResponseHopLimit(2))
                .securityGroups(g -> g.groupId("sg-1").groupName("web")).launchTime(Instant.parse("2026-11-01T10:00:00Z"))
                .tags(Tag.builder().key("Name").value("bastion").build()).build();
        Mapped m = Ec2Mapper.instance(ARNS, i);
        assertThat(m.properties()).isEqualTo(new dev.vigil.model.aws.ec2.Instance("i-1", "running", "t3.micro", "ami-1", "vpc-1", "subnet-1",
                "203.0.113.10", "arn:aws:iam::111122223333:instance-profile/app",
                new dev.vigil.model.aws.ec2.Instance.MetadataOptions("optional", "enabled", 2L), List.of("sg-1"), "2026-11-01T10:00:00Z"));
        assertThat(m.name()).isEqualTo("bastion (i-1)");
        assertThat(m.links()).extracting(Mapped.Link::targetId).containsExactly("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1");
    }

    @Test
    void aPrivateInstanceWithoutProfileHasEmptyAddressAndProfile() {
        Instance i = Instance.builder().instanceId("i-2").state(s -> s.name(InstanceStateName.STOPPED))
                .metadataOptions(md -> md.httpTokens("required").httpEndpoint("enabled")).build();
        var instance = (dev.vigil.model.aws.ec2.Instance) Ec2Mapper.instance(ARNS, i).properties();
        assertThat(instance.publicIpAddress()).isEmpty();
        assertThat(instance.iamInstanceProfileArn()).isEmpty();
        assertThat(Ec2Mapper.instance(ARNS, i).name()).isEqualTo("i-2");
    }

    @Test
    void terminatedInstancesAreGone() {
        assertThat(Ec2Mapper.gone(Instance.builder().state(s -> s.name(InstanceStateName.TERMINATED)).build())).isTrue();
        assertThat(Ec2Mapper.gone(Instance.builder().state(s -> s.name(InstanceStateName.STOPPED)).build())).isFalse();
    }

    @Test
    void aVolumeIsAttachedToItsInstances() {
        Volume v = Volume.builder().volumeId("vol-1").encrypted(true).kmsKeyId("arn:aws:kms:eu-west-1:111122223333:key/k").state("in-use").size(8)
                .volumeType("gp3").attachments(a -> a.instanceId("i-1")).build();
        Mapped m = Ec2Mapper.volume(ARNS, v);
        assertThat(m.properties()).isEqualTo(new dev.vigil.model.aws.ec2.Volume("vol-1", true, "arn:aws:kms:eu-west-1:111122223333:key/k",
                "in-use", 8L, "gp3", List.of("i-1")));
        assertThat(m.links()).containsExactly(new Mapped.Link("attached-to", dev.vigil.model.aws.AwsTypes.EC2_INSTANCE,
                "arn:aws:ec2:eu-west-1:111122223333:instance/i-1"));
        var plain = (dev.vigil.model.aws.ec2.Volume) Ec2Mapper.volume(ARNS, Volume.builder().volumeId("vol-2").encrypted(false).build()).properties();
        assertThat(plain.encrypted()).isFalse();
        assertThat(plain.kmsKeyId()).isEmpty();
    }

    static final Snapshot SNAPSHOT = Snapshot.builder().snapshotId("snap-1").volumeId("vol-1").encrypted(false).state("completed").volumeSize(8)
            .ownerId("111122223333").startTime(Instant.parse("2026-11-01T10:00:00Z")).tags(Tag.builder().key("Name").value("nightly").build())
            .build();

    @Test
    void theGroupAllMakesASnapshotPublicAndUserIdsAreTheAccountsItIsSharedWith() {
        var attribute = DescribeSnapshotAttributeResponse.builder().snapshotId("snap-1").createVolumePermissions(
                CreateVolumePermission.builder().group(PermissionGroup.ALL).build(),
                CreateVolumePermission.builder().userId("444455556666").build()).build();
        Mapped m = Ec2Mapper.snapshot(ARNS, SNAPSHOT, Read.found(attribute));
        var s = (dev.vigil.model.aws.ec2.Snapshot) m.properties();
        assertThat(s.publicRestore()).isTrue();
        assertThat(s.sharedWith()).containsExactly("444455556666");
        assertThat(m.arn()).isEqualTo("arn:aws:ec2:eu-west-1::snapshot/snap-1");
        assertThat(m.name()).isEqualTo("nightly (snap-1)");
        assertThat(m.failures()).isEmpty();
    }

    @Test
    void aSnapshotWithoutPermissionsIsPrivateAndKeepsItsKey() {
        Snapshot encrypted = SNAPSHOT.toBuilder().encrypted(true).kmsKeyId("arn:aws:kms:eu-west-1:111122223333:key/k").build();
        Mapped m = Ec2Mapper.snapshot(ARNS, encrypted, Read.found(DescribeSnapshotAttributeResponse.builder().snapshotId("snap-1").build()));
        assertThat(m.properties()).isEqualTo(new dev.vigil.model.aws.ec2.Snapshot("snap-1", "vol-1", true, "arn:aws:kms:eu-west-1:111122223333:key/k",
                "completed", 8L, "2026-11-01T10:00:00Z", "", false, List.of()));
        assertThat(m.links()).extracting(Mapped.Link::kind).containsExactly("created-from", "uses-key");
    }

    @Test
    void aFailedPermissionReadFailsPublicRestoreAndSharedWithInsteadOfCallingItPrivate() {
        ApiFailure denied = new ApiFailure("ec2:DescribeSnapshotAttribute", "UnauthorizedOperation", "not authorized", false, null);
        Mapped m = Ec2Mapper.snapshot(ARNS, SNAPSHOT, Read.failed(denied));
        assertThat(m.failures()).containsOnlyKeys("publicRestore", "sharedWith");
        assertThat(m.failures().get("publicRestore")).contains("ec2:DescribeSnapshotAttribute").contains("UnauthorizedOperation");
        assertThat(Documents.of(m.properties())).doesNotContainKeys("publicRestore", "sharedWith").containsEntry("encrypted", false);
        assertThat(RecordSchemas.of(dev.vigil.model.aws.ec2.Snapshot.class).validate(Documents.of(m.properties()))).isEmpty();
    }

    /** The live mapping of a group and an instance equals the AWS Config adapter's for the same configuration. */
    @Test
    void theLiveMappingMatchesTheConfigAdapter() throws IOException {
        String sgItem = """
                {"configurationItemVersion":"1.3","configurationItemCaptureTime":"2026-11-01T10:00:00.000Z","configurationItemStatus":"OK",
                 "awsAccountId":"111122223333","ARN":"arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1","resourceType":"AWS::EC2::SecurityGroup",
                 "resourceId":"sg-1","awsRegion":"eu-west-1","tags":{},"relationships":[],
                 "configuration":{"groupId":"sg-1","groupName":"web","description":"web tier","vpcId":"vpc-1",
                   "ipPermissions":[{"ipProtocol":"tcp","fromPort":22,"toPort":22,"ipRanges":["0.0.0.0/0"],
                     "ipv4Ranges":[{"cidrIp":"0.0.0.0/0"}],"ipv6Ranges":[{"cidrIpv6":"::/0","description":"v6"}],
                     "userIdGroupPairs":[{"groupId":"sg-2","description":"peer"}],"prefixListIds":[]}],
                   "ipPermissionsEgress":[{"ipProtocol":"-1","ipRanges":["0.0.0.0/0"],"ipv4Ranges":[{"cidrIp":"0.0.0.0/0"}],
                     "ipv6Ranges":[],"userIdGroupPairs":[],"prefixListIds":[]}]}}""";
        String instanceItem = """
                {"configurationItemVersion":"1.3","configurationItemCaptureTime":"2026-11-01T10:00:00.000Z","configurationItemStatus":"OK",
                 "awsAccountId":"111122223333","ARN":"arn:aws:ec2:eu-west-1:111122223333:instance/i-1","resourceType":"AWS::EC2::Instance",
                 "resourceId":"i-1","awsRegion":"eu-west-1","tags":{"Name":"bastion"},"relationships":[],
                 "configuration":{"instanceId":"i-1","state":{"name":"running"},"instanceType":"t3.micro","imageId":"ami-1","vpcId":"vpc-1",
                   "subnetId":"subnet-1","publicIpAddress":"203.0.113.10","iamInstanceProfile":{"arn":"arn:aws:iam::111122223333:instance-profile/app"},
                   "metadataOptions":{"httpTokens":"optional","httpEndpoint":"enabled","httpPutResponseHopLimit":1},
                   "securityGroups":[{"groupId":"sg-1"}],"launchTime":"2026-11-01T10:00:00Z"}}""";
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, "{\"fileVersion\":\"1.0\",\"configurationItems\":[" + sgItem + "," + instanceItem + "]}");
        List<Resource> fromConfig = new ConfigSnapshotInput().read(List.of(file)).resources();

        SecurityGroup g = SecurityGroup.builder().groupId("sg-1").groupName("web").description("web tier").vpcId("vpc-1")
                .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(r -> r.cidrIp("0.0.0.0/0"))
                        .ipv6Ranges(r -> r.cidrIpv6("::/0").description("v6")).userIdGroupPairs(p -> p.groupId("sg-2").description("peer")).build())
                .ipPermissionsEgress(IpPermission.builder().ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0")).build()).build();
        Instance i = Instance.builder().instanceId("i-1").state(s -> s.name(InstanceStateName.RUNNING)).instanceType("t3.micro").imageId("ami-1")
                .vpcId("vpc-1").subnetId("subnet-1").publicIpAddress("203.0.113.10")
                .iamInstanceProfile(p -> p.arn("arn:aws:iam::111122223333:instance-profile/app"))
                .metadataOptions(md -> md.httpTokens("optional").httpEndpoint("enabled").httpPutResponseHopLimit(1))
                .securityGroups(x -> x.groupId("sg-1")).launchTime(Instant.parse("2026-11-01T10:00:00Z"))
                .tags(Tag.builder().key("Name").value("bastion").build()).build();

        for (Mapped live : List.of(Ec2Mapper.securityGroup(ARNS, g), Ec2Mapper.instance(ARNS, i))) {
            Resource config = fromConfig.stream().filter(r -> r.type().equals(live.type().id())).findFirst().orElseThrow();
            assertThat(live.arn()).isEqualTo(config.id());
            assertThat(live.name()).isEqualTo(config.name());
            assertThat(Documents.of(live.properties())).isEqualTo(config.properties());
            assertThat(live.links()).extracting(l -> new dev.vigil.model.Relation(l.kind(), l.target().id(), l.targetId()))
                    .containsExactlyElementsOf(config.relations());
        }
    }
}
