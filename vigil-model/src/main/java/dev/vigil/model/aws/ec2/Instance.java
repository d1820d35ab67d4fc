package dev.vigil.model.aws.ec2;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("An EC2 instance.")
public record Instance(
        String instanceId,
        @Doc("pending, running, stopping, stopped, shutting-down or terminated") String state,
        String instanceType,
        String imageId,
        String vpcId,
        String subnetId,
        @Doc("Public IPv4 address, empty when none") String publicIpAddress,
        @Doc("Instance profile ARN, empty when none") String iamInstanceProfileArn,
        MetadataOptions metadataOptions,
        List<String> securityGroupIds,
        String launchTime) {

    @Doc("Instance metadata service settings.")
    public record MetadataOptions(
            @Doc("required (IMDSv2 only) or optional") String httpTokens,
            @Doc("enabled or disabled") String httpEndpoint,
            Long httpPutResponseHopLimit) {
    }
}
