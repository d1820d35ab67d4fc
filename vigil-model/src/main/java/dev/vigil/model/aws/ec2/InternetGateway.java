package dev.vigil.model.aws.ec2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("An internet gateway: the route between a VPC and the internet.")
public record InternetGateway(
        String internetGatewayId,
        @Doc("The VPCs it is attached to (at most one)") List<Attachment> attachments) {

    public record Attachment(String vpcId, @Doc("attaching, available (attached), detaching or detached") String state) {
    }
}
