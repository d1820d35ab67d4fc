package dev.vigil.iac.terraform.aws.ec2;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.ec2.Vpc;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aws_vpc} and {@code aws_default_vpc} with the {@code aws_flow_log}s whose {@code vpc_id}
 * names them, into {@code aws.ec2.vpc}. Unlike an AWS Config snapshot, a configuration that declares
 * the VPC shows all of its flow logs when they are declared beside it: none declared is none.
 */
public final class Vpcs {
    public static final List<String> SPLITS = List.of("aws_flow_log");

    private Vpcs() {
    }

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        boolean isDefault = r.type().equals("aws_default_vpc");
        List<Vpc.FlowLog> flowLogs = new ArrayList<>();
        for (TfResource f : joins.splits(r, "aws_flow_log", "vpc_id", Joins.keys(r, "id", "arn"))) {
            Attrs fa = Canon.attrs(f);
            // A declared flow log is created ACTIVE; its id exists only after deploy (left out of the entry).
            flowLogs.add(new Vpc.FlowLog(fa.string("id", "flowLogs"), fa.string("traffic_type", "flowLogs"), "ACTIVE",
                    fa.string("log_destination_type", "flowLogs", "cloud-watch-logs")));
            Joins.merge(a, fa);
        }
        Vpc vpc = new Vpc(Canon.selfId(a, r, "vpcId"), a.string("cidr_block", "cidrBlock"), isDefault, "available",
                a.unknowns().containsKey("flowLogs") ? null : flowLogs);
        return Canon.resource(r, AwsTypes.EC2_VPC, Canon.tags(r).getOrDefault("Name", r.address()), vpc, a, List.of());
    }
}
