package dev.vigil.model.aws.ec2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("A VPC with the flow logs that capture its traffic.")
public record Vpc(
        String vpcId,
        String cidrBlock,
        Boolean isDefault,
        String state,
        @Doc("Flow logs whose resource is this VPC") List<FlowLog> flowLogs) {

    public record FlowLog(String flowLogId, @Doc("ALL, ACCEPT or REJECT") String trafficType, String status, String destinationType) {
    }
}
