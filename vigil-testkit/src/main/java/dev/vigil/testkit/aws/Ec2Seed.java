package dev.vigil.testkit.aws;

import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * EC2 and VPC, in each region: a {@code bad-vpc} without flow logs and a {@code good-vpc} with one;
 * security groups, network ACLs, instances and volumes in bad and good pairs; and, with neutral names
 * because no rule reads their types yet, subnets (one handing out public addresses), route tables
 * to an internet gateway and to a NAT gateway, and a public and a private encrypted snapshot. EBS
 * encryption by default is turned on in eu-west-1 only (aws-region-ebs-encryption-by-default fails
 * in us-east-1), after the volumes exist, so that the unencrypted ones are what AWS would allow.
 * Outside EC2 it adds an IAM instance profile (no role) and, per region, a KMS key with rotation on.
 *
 * <p>EC2 resources are named {@code <Name tag> (<id>)}, and moto's ids are random unless it is
 * seeded ({@code POST /moto-api/seed?a=<n>}). Resources the emulator makes by itself fail rules
 * under their bare ids, in each region: the default VPC (aws-ec2-vpc-flow-logs-enabled), its
 * network ACL (aws-ec2-network-acl-no-admin-ports-from-internet), and the default security groups
 * of the default VPC and of {@code bad-vpc}, named {@code default (sg-...)}, which moto gives an
 * allow-all egress rule (aws-ec2-security-group-default-restricts-all); that of {@code good-vpc} is
 * emptied and passes.
 */
public final class Ec2Seed implements Seed {
    static final String OFFICE = "203.0.113.10/32";

    @Override
    public String name() {
        return "ec2";
    }

    @Override
    public void plant(SeedClients clients) {
        // An instance profile with a role of its own (aws-iam-instance-profile-has-role); moto requires
        // the profile to exist before an instance can name it.
        IamClient iam = clients.client(IamClient::builder, "us-east-1");
        String profile = iam.createInstanceProfile(r -> r.instanceProfileName("good-ec2-instance-profile")).instanceProfile().arn();
        iam.createRole(r -> r.roleName("good-ec2-instance-role").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}"));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("good-ec2-instance-profile").roleName("good-ec2-instance-role"));
        for (String region : SeedClients.REGIONS) {
            // A customer managed key with rotation on for the encrypted volumes: without one, moto makes
            // an alias/aws/ebs key that it reports as CUSTOMER managed and unrotated, which would fail
            // aws-kms-key-rotation-enabled under no bad/good name.
            KmsClient kms = clients.client(KmsClient::builder, region);
            String key = kms.createKey(r -> r.description("good-ebs-key").tags(t -> t.tagKey("Name").tagValue("good-ebs-key"))).keyMetadata().arn();
            kms.enableKeyRotation(r -> r.keyId(key));
            plant(clients.client(Ec2Client::builder, region), region, profile, key);
        }
    }

    private static void plant(Ec2Client ec2, String region, String profile, String key) {
        String az = region + "a";

        // bad: no flow log (aws-ec2-vpc-flow-logs-enabled). Its default ACL allows all inbound
        // traffic (aws-ec2-network-acl-no-admin-ports-from-internet).
        String badVpc = ec2.createVpc(r -> r.cidrBlock("10.10.0.0/16").tagSpecifications(named(ResourceType.VPC, "bad-vpc"))).vpc().vpcId();
        name(ec2, defaultAcl(ec2, badVpc), "bad-vpc-default-acl");
        // bad: RDP from anywhere (aws-ec2-network-acl-no-admin-ports-from-internet).
        String badAcl = ec2.createNetworkAcl(r -> r.vpcId(badVpc).tagSpecifications(named(ResourceType.NETWORK_ACL, "bad-acl-rdp-open")))
                .networkAcl().networkAclId();
        allow(ec2, badAcl, 100, false, "6", 3389, 3389);
        allow(ec2, badAcl, 100, true, "-1", 0, 0);

        // good: an active flow log; its default group without rules, its default ACL denying SSH and
        // RDP before its allow-all entry; a web ACL that opens 443 and the ephemeral ports only.
        String goodVpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16").tagSpecifications(named(ResourceType.VPC, "good-vpc"))).vpc().vpcId();
        ec2.createFlowLogs(r -> r.resourceIds(goodVpc).resourceType("VPC").trafficType("REJECT").logGroupName("good-vpc-flow-logs")
                .deliverLogsPermissionArn("arn:aws:iam::" + SeedClients.ACCOUNT + ":role/flow-logs"));
        SecurityGroup defaultGroup = ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", goodVpc), filter("group-name", "default")))
                .securityGroups().get(0);
        if (!defaultGroup.ipPermissionsEgress().isEmpty()) {
            ec2.revokeSecurityGroupEgress(r -> r.groupId(defaultGroup.groupId()).ipPermissions(defaultGroup.ipPermissionsEgress()));
        }
        if (!defaultGroup.ipPermissions().isEmpty()) {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(defaultGroup.groupId()).ipPermissions(defaultGroup.ipPermissions()));
        }
        String goodDefaultAcl = defaultAcl(ec2, goodVpc);
        name(ec2, goodDefaultAcl, "good-vpc-default-acl");
        deny(ec2, goodDefaultAcl, 50, 22);
        deny(ec2, goodDefaultAcl, 51, 3389);
        String goodAcl = ec2.createNetworkAcl(r -> r.vpcId(goodVpc).tagSpecifications(named(ResourceType.NETWORK_ACL, "good-acl-web")))
                .networkAcl().networkAclId();
        allow(ec2, goodAcl, 100, false, "6", 443, 443);
        allow(ec2, goodAcl, 110, false, "6", 32768, 65535);
        allow(ec2, goodAcl, 100, true, "-1", 0, 0);

        // The layout of good-vpc: a public subnet routed to an internet gateway, a private one routed
        // to a NAT gateway in the public one.
        String publicSubnet = ec2.createSubnet(r -> r.vpcId(goodVpc).cidrBlock("10.20.1.0/24").availabilityZone(az)
                .tagSpecifications(named(ResourceType.SUBNET, "public-subnet"))).subnet().subnetId();
        ec2.modifySubnetAttribute(r -> r.subnetId(publicSubnet).mapPublicIpOnLaunch(v -> v.value(true)));
        String privateSubnet = ec2.createSubnet(r -> r.vpcId(goodVpc).cidrBlock("10.20.2.0/24").availabilityZone(az)
                .tagSpecifications(named(ResourceType.SUBNET, "private-subnet"))).subnet().subnetId();
        String igw = ec2.createInternetGateway(r -> r.tagSpecifications(named(ResourceType.INTERNET_GATEWAY, "main-igw")))
                .internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(goodVpc));
        String publicRoutes = ec2.createRouteTable(r -> r.vpcId(goodVpc).tagSpecifications(named(ResourceType.ROUTE_TABLE, "public-routes")))
                .routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(publicRoutes).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2.associateRouteTable(r -> r.routeTableId(publicRoutes).subnetId(publicSubnet));
        String eip = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        String nat = ec2.createNatGateway(r -> r.subnetId(publicSubnet).allocationId(eip)
                .tagSpecifications(named(ResourceType.NATGATEWAY, "main-nat"))).natGateway().natGatewayId();
        String privateRoutes = ec2.createRouteTable(r -> r.vpcId(goodVpc).tagSpecifications(named(ResourceType.ROUTE_TABLE, "private-routes")))
                .routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(privateRoutes).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        ec2.associateRouteTable(r -> r.routeTableId(privateRoutes).subnetId(privateSubnet));

        // Security groups. bad: SSH from anywhere (aws-ec2-security-group-no-ssh-from-internet);
        // RDP from any IPv6 address (aws-ec2-security-group-no-rdp-from-internet); every protocol
        // from anywhere (aws-ec2-security-group-no-all-ports-from-internet, and SSH and RDP).
        // good: SSH from one office address; HTTPS from anywhere.
        group(ec2, goodVpc, "bad-sg-ssh-world", IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(x -> x.cidrIp("0.0.0.0/0")).build());
        group(ec2, goodVpc, "bad-sg-rdp-world", IpPermission.builder().ipProtocol("tcp").fromPort(3389).toPort(3389)
                .ipv6Ranges(x -> x.cidrIpv6("::/0")).build());
        group(ec2, goodVpc, "bad-sg-all-world", IpPermission.builder().ipProtocol("-1").ipRanges(x -> x.cidrIp("0.0.0.0/0")).build());
        String office = group(ec2, goodVpc, "good-sg-ssh-office", IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(x -> x.cidrIp(OFFICE).description("office")).build());
        String web = group(ec2, goodVpc, "good-sg-web", IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .ipRanges(x -> x.cidrIp("0.0.0.0/0")).ipv6Ranges(x -> x.cidrIpv6("::/0")).build());

        // Instances. bad: IMDSv1 allowed (aws-ec2-instance-imdsv2-required), a public address from
        // its subnet (aws-ec2-instance-no-public-ip), no instance profile
        // (aws-ec2-instance-uses-instance-profile), an unencrypted root volume (aws-ec2-volume-encrypted).
        // good: tokens required, private subnet, a profile, an encrypted root volume.
        String image = image(ec2);
        ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(publicSubnet).securityGroupIds(web)
                .metadataOptions(m -> m.httpTokens(HttpTokensState.OPTIONAL).httpEndpoint("enabled"))
                .tagSpecifications(named(ResourceType.INSTANCE, "bad-instance"), named(ResourceType.VOLUME, "bad-instance-root")));
        ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(privateSubnet).securityGroupIds(office)
                .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED).httpEndpoint("enabled"))
                .iamInstanceProfile(p -> p.arn(profile))
                .blockDeviceMappings(b -> b.deviceName("/dev/sda1").ebs(e -> e.volumeSize(8).encrypted(true).kmsKeyId(key)))
                .tagSpecifications(named(ResourceType.INSTANCE, "good-instance"), named(ResourceType.VOLUME, "good-instance-root")));

        // Volumes. bad: unencrypted (aws-ec2-volume-encrypted). good: encrypted.
        String badVolume = ec2.createVolume(r -> r.availabilityZone(az).size(1).encrypted(false)
                .tagSpecifications(named(ResourceType.VOLUME, "bad-volume"))).volumeId();
        String goodVolume = ec2.createVolume(r -> r.availabilityZone(az).size(1).encrypted(true).kmsKeyId(key)
                .tagSpecifications(named(ResourceType.VOLUME, "good-volume"))).volumeId();

        // Snapshots: one anyone may restore (FSBP EC2.1), one private and encrypted.
        String publicSnapshot = ec2.createSnapshot(r -> r.volumeId(badVolume).tagSpecifications(named(ResourceType.SNAPSHOT, "public-snapshot")))
                .snapshotId();
        ec2.modifySnapshotAttribute(r -> r.snapshotId(publicSnapshot).attribute("createVolumePermission").operationType("add")
                .groupNames(PermissionGroup.ALL.toString()));
        ec2.createSnapshot(r -> r.volumeId(goodVolume).tagSpecifications(named(ResourceType.SNAPSHOT, "private-snapshot")));

        if (region.equals("eu-west-1")) ec2.enableEbsEncryptionByDefault(r -> { });
    }

    private static String group(Ec2Client ec2, String vpc, String name, IpPermission ingress) {
        String id = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(name).description(name)).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ingress));
        return id;
    }

    private static String defaultAcl(Ec2Client ec2, String vpc) {
        return ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpc), filter("default", "true"))).networkAcls().get(0).networkAclId();
    }

    private static void allow(Ec2Client ec2, String acl, int rule, boolean egress, String protocol, int from, int to) {
        ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(rule).egress(egress).protocol(protocol).ruleAction(RuleAction.ALLOW)
                .cidrBlock("0.0.0.0/0").portRange(p -> p.from(from).to(to)));
    }

    private static void deny(Ec2Client ec2, String acl, int rule, int port) {
        ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(rule).egress(false).protocol("6").ruleAction(RuleAction.DENY)
                .cidrBlock("0.0.0.0/0").portRange(p -> p.from(port).to(port)));
    }

    private static void name(Ec2Client ec2, String resource, String name) {
        ec2.createTags(r -> r.resources(resource).tags(t -> t.key("Name").value(name)));
    }

    /** The emulator's first Amazon image by id, the same on every run. */
    private static String image(Ec2Client ec2) {
        List<Image> images = ec2.describeImages(r -> r.owners("amazon")).images();
        return images.stream().map(Image::imageId).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    private static TagSpecification named(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type).tags(t -> t.key("Name").value(name)).build();
    }
}
