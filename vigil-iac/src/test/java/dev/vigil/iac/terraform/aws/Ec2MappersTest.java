package dev.vigil.iac.terraform.aws;

import static dev.vigil.iac.terraform.aws.Tf.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.terraform.TerraformAws;
import dev.vigil.model.Resource;
import dev.vigil.model.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Security groups, network ACLs, VPCs, instances and volumes. */
class Ec2MappersTest {

    private static Map<String, Object> perm(String protocol, long from, long to, String source, String type) {
        return Map.of("protocol", protocol, "fromPort", from, "toPort", to, "source", source, "sourceType", type, "description", "");
    }

    @Test
    void inlineRulesAndRuleResourcesAllCountAsTheGroupsRules() {
        TerraformAws.Mapped m = mapAll(
                tf("aws_security_group", "aws_security_group.bastion", "name", "bastion-ssh-open", "vpc_id", ref("aws_vpc.main"),
                        "ingress", block("from_port", 22L, "to_port", 22L, "protocol", "tcp", "cidr_blocks", list("0.0.0.0/0"))),
                tf("aws_security_group", "aws_security_group.rdp", "name", "windows-rdp-ipv6-open"),
                tf("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.rdp", "security_group_id",
                        ref("aws_security_group.rdp"), "ip_protocol", "tcp", "from_port", 3389L, "to_port", 3389L, "cidr_ipv6", "::/0"),
                tf("aws_security_group", "aws_security_group.legacy", "name", "legacy-allow-all"),
                tf("aws_security_group_rule", "aws_security_group_rule.legacy_all", "type", "ingress", "security_group_id",
                        ref("aws_security_group.legacy"), "protocol", "-1", "from_port", 0L, "to_port", 0L, "cidr_blocks", list("0.0.0.0/0")),
                tf("aws_security_group_rule", "aws_security_group_rule.legacy_self", "type", "ingress", "security_group_id",
                        ref("aws_security_group.legacy"), "protocol", "tcp", "from_port", 443L, "to_port", 443L,
                        "source_security_group_id", ref("aws_security_group.bastion")));
        Resource bastion = byId(m, "infra#aws_security_group.bastion");
        Resource rdp = byId(m, "infra#aws_security_group.rdp");
        Resource legacy = byId(m, "infra#aws_security_group.legacy");

        assertThat(bastion.name()).isEqualTo("bastion-ssh-open");
        assertThat(items(bastion, "ingress")).containsExactly(perm("tcp", 22, 22, "0.0.0.0/0", "ipv4"));
        assertThat(items(bastion, "egress")).as("Terraform removes the default allow-all egress rule").isEmpty();
        assertThat(prop(bastion, "vpcId")).isEqualTo("infra#aws_vpc.main");
        assertThat(items(rdp, "ingress")).containsExactly(perm("tcp", 3389, 3389, "::/0", "ipv6"));
        assertThat(items(legacy, "ingress")).containsExactly(perm("-1", 0, 65535, "0.0.0.0/0", "ipv4"),
                perm("tcp", 443, 443, "infra#aws_security_group.bastion", "security-group"));
        assertThat(m.unmodelled()).isEmpty();

        assertThat(status("aws-ec2-security-group-no-ssh-from-internet", bastion, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-ec2-security-group-no-rdp-from-internet", rdp, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-ec2-security-group-no-ssh-from-internet", rdp, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-ec2-security-group-no-rdp-from-internet", legacy, m)).isEqualTo(Status.FAIL);
    }

    @Test
    void aRuleWhoseSourceHasNoValueMakesTheDirectionUnknown() {
        TerraformAws.Mapped m = mapAll(tf("aws_security_group", "aws_security_group.web", "name", "web",
                "ingress", list(Tf.map("from_port", 443L, "to_port", 443L, "protocol", "tcp", "cidr_blocks", list("0.0.0.0/0")),
                        Tf.map("from_port", 22L, "to_port", 22L, "protocol", "tcp", "cidr_blocks", noValue("admin_cidr")))));
        Resource web = only(m, "aws.ec2.security-group");

        assertThat(web.unknowns()).containsEntry("ingress", "var.admin_cidr has no value");
        assertThat(web.properties()).doesNotContainKey("ingress");
        assertThat(status("aws-ec2-security-group-no-ssh-from-internet", web, m)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void theDefaultGroupKeepsOnlyTheRulesWritten() {
        TerraformAws.Mapped m = mapAll(tf("aws_default_security_group", "aws_default_security_group.eu", "vpc_id", "vpc-123"),
                tf("aws_default_security_group", "aws_default_security_group.us", "vpc_id", "vpc-456",
                        "ingress", block("protocol", "-1", "from_port", 0L, "to_port", 0L, "self", true)));
        Resource eu = byId(m, "infra#aws_default_security_group.eu");
        Resource us = byId(m, "infra#aws_default_security_group.us");

        assertThat(eu.name()).isEqualTo("default");
        assertThat(prop(eu, "isDefault")).isEqualTo(true);
        assertThat(items(us, "ingress")).containsExactly(perm("-1", 0, 65535, "infra#aws_default_security_group.us", "security-group"));
        assertThat(status("aws-ec2-security-group-default-restricts-all", eu, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-ec2-security-group-default-restricts-all", us, m)).isEqualTo(Status.FAIL);
    }

    @Test
    void networkAclsGetTheirRulesAndAwsDenyAll() {
        TerraformAws.Mapped m = mapAll(tf("aws_network_acl", "aws_network_acl.public", "vpc_id", ref("aws_vpc.main"),
                        "subnet_ids", list(ref("aws_subnet.a")),
                        "ingress", block("rule_no", 200L, "action", "allow", "protocol", "tcp", "from_port", 443L, "to_port", 443L,
                                "cidr_block", "0.0.0.0/0")),
                tf("aws_network_acl_rule", "aws_network_acl_rule.all", "network_acl_id", ref("aws_network_acl.public"), "rule_number", 100L,
                        "egress", false, "protocol", "-1", "rule_action", "allow", "cidr_block", "0.0.0.0/0"));
        Resource acl = only(m, "aws.ec2.network-acl");

        assertThat(items(acl, "entries")).containsExactly(
                Map.of("ruleNumber", 200L, "egress", false, "protocol", "tcp", "fromPort", 443L, "toPort", 443L, "cidr", "0.0.0.0/0", "action", "allow"),
                Map.of("ruleNumber", 100L, "egress", false, "protocol", "-1", "fromPort", 0L, "toPort", 65535L, "cidr", "0.0.0.0/0", "action", "allow"),
                Map.of("ruleNumber", 32767L, "egress", false, "protocol", "-1", "fromPort", 0L, "toPort", 65535L, "cidr", "0.0.0.0/0", "action", "deny"),
                Map.of("ruleNumber", 32767L, "egress", true, "protocol", "-1", "fromPort", 0L, "toPort", 65535L, "cidr", "0.0.0.0/0", "action", "deny"));
        assertThat(items(acl, "subnetIds")).containsExactly("infra#aws_subnet.a");
        assertThat(status("aws-ec2-network-acl-no-admin-ports-from-internet", acl, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-ec2-network-acl-in-use", acl, m)).isEqualTo(Status.PASS);
    }

    @Test
    void aVpcHasTheFlowLogsDeclaredForIt() {
        TerraformAws.Mapped m = mapAll(tf("aws_vpc", "aws_vpc.eu", "cidr_block", "10.20.0.0/16"), tf("aws_vpc", "aws_vpc.us", "cidr_block", "10.10.0.0/16"),
                tf("aws_flow_log", "aws_flow_log.eu", "vpc_id", ref("aws_vpc.eu"), "traffic_type", "ALL", "log_destination_type", "s3"));
        Resource eu = byId(m, "infra#aws_vpc.eu");
        Resource us = byId(m, "infra#aws_vpc.us");

        assertThat(items(eu, "flowLogs")).containsExactly(Map.of("trafficType", "ALL", "status", "ACTIVE", "destinationType", "s3"));
        assertThat(items(us, "flowLogs")).isEmpty();
        assertThat(prop(eu, "vpcId")).as("the id AWS assigns reads as the resource's own IaC id").isEqualTo("infra#aws_vpc.eu");
        assertThat(eu.unknowns()).doesNotContainKey("vpcId");
        assertThat(status("aws-ec2-vpc-flow-logs-enabled", eu, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-ec2-vpc-flow-logs-enabled", us, m)).isEqualTo(Status.FAIL);
    }

    @Test
    void anInstanceTakesTheProviderDefaultsAndItsRootDeviceIsAVolume() {
        TerraformAws.Mapped m = mapAll(
                tf("aws_instance", "aws_instance.bastion", "ami", "ami-0abc", "instance_type", "t3.micro", "associate_public_ip_address", true,
                        "vpc_security_group_ids", list(ref("aws_security_group.bastion")), "root_block_device", block("volume_size", 8L)),
                tf("aws_instance", "aws_instance.app", "ami", "ami-0abc", "instance_type", "t3.small", "subnet_id", ref("aws_subnet.private"),
                        "iam_instance_profile", ref("aws_iam_instance_profile.app"),
                        "metadata_options", block("http_tokens", "required", "http_endpoint", "enabled"),
                        "root_block_device", block("encrypted", true, "kms_key_id", ref("aws_kms_key.eu"))),
                tf("aws_subnet", "aws_subnet.private", "vpc_id", ref("aws_vpc.eu"), "cidr_block", "10.20.1.0/24"));
        Resource bastion = byId(m, "infra#aws_instance.bastion");
        Resource app = byId(m, "infra#aws_instance.app");
        Resource bastionRoot = byId(m, "infra#aws_instance.bastion.root_block_device");
        Resource appRoot = byId(m, "infra#aws_instance.app.root_block_device");

        assertThat(prop(bastion, "metadataOptions")).isEqualTo(Map.of("httpTokens", "optional", "httpEndpoint", "enabled", "httpPutResponseHopLimit", 1L));
        assertThat(prop(bastion, "iamInstanceProfileArn")).isEqualTo("");
        assertThat(prop(app, "iamInstanceProfileArn")).isEqualTo("infra#aws_iam_instance_profile.app");
        assertThat(prop(app, "publicIpAddress")).as("the subnet does not map public addresses").isEqualTo("");
        assertThat(items(bastion, "securityGroupIds")).containsExactly("infra#aws_security_group.bastion");
        assertThat(prop(bastionRoot, "encrypted")).isEqualTo(false);
        assertThat(prop(appRoot, "kmsKeyId")).isEqualTo("infra#aws_kms_key.eu");

        assertThat(status("aws-ec2-instance-imdsv2-required", bastion, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-ec2-instance-no-public-ip", bastion, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-ec2-instance-uses-instance-profile", bastion, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-ec2-instance-imdsv2-required", app, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-ec2-instance-no-public-ip", app, m)).isEqualTo(Status.PASS);
        assertThat(status("aws-ec2-volume-encrypted", bastionRoot, m)).isEqualTo(Status.FAIL);
        assertThat(status("aws-ec2-volume-encrypted", appRoot, m)).isEqualTo(Status.PASS);
    }

    @Test
    void whetherAnInstanceGetsAPublicAddressIsUnknownWhenItsSubnetIsNotInTheScan() {
        TerraformAws.Mapped m = mapAll(tf("aws_instance", "aws_instance.x", "ami", "ami-1", "subnet_id", "subnet-0abc"));
        Resource x = only(m, "aws.ec2.instance");

        assertThat(status("aws-ec2-instance-no-public-ip", x, m)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anEbsVolumeIsUnencryptedUnlessConfigured() {
        TerraformAws.Mapped m = mapAll(tf("aws_ebs_volume", "aws_ebs_volume.data", "size", 100L, "availability_zone", "us-east-1a"),
                tf("aws_volume_attachment", "aws_volume_attachment.data", "volume_id", ref("aws_ebs_volume.data"), "instance_id",
                        ref("aws_instance.x"), "device_name", "/dev/sdf"));
        Resource v = only(m, "aws.ec2.volume");

        assertThat(prop(v, "encrypted")).isEqualTo(false);
        assertThat(prop(v, "state")).isEqualTo("in-use");
        assertThat(items(v, "attachedInstanceIds")).containsExactly("infra#aws_instance.x");
        assertThat(m.unmodelled()).isEmpty();
    }

    @Test
    void ruleResourcesOfAGroupOutsideTheScanAreCountedAsUnmodelled() {
        TerraformAws.Mapped m = mapAll(tf("aws_security_group_rule", "aws_security_group_rule.x", "type", "ingress",
                "security_group_id", "sg-0123", "protocol", "tcp", "from_port", 22L, "to_port", 22L, "cidr_blocks", List.of("0.0.0.0/0")));

        assertThat(m.resources()).isEmpty();
        assertThat(m.unmodelled()).containsEntry("aws_security_group_rule", 1L);
    }

    @Test
    void aMarkOnAnInstanceAlsoCoversTheVolumesItsBlockDevicesBecome() {
        var mark = new dev.vigil.model.input.InlineSuppression("infra#aws_instance.x", "aws-ec2-volume-encrypted", "scratch disk", null,
                "infra/main.tf", 31);
        TerraformAws.Mapped m = mapAll(tf("aws_instance", "aws_instance.x", List.of(mark), "ami", "ami-1", "subnet_id", "subnet-1",
                "ebs_block_device", block("device_name", "/dev/sdf", "volume_size", 100L)));

        assertThat(m.resources()).extracting(Resource::id).containsExactly("infra#aws_instance.x", "infra#aws_instance.x.root_block_device",
                "infra#aws_instance.x.ebs_block_device[0]");
        assertThat(m.suppressions()).extracting(s -> s.resourceId()).containsExactlyInAnyOrder("infra#aws_instance.x",
                "infra#aws_instance.x.root_block_device", "infra#aws_instance.x.ebs_block_device[0]");
        assertThat(byId(m, "infra#aws_instance.x.ebs_block_device[0]").name()).isEqualTo("aws_instance.x /dev/sdf");
    }
}
