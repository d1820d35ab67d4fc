package dev.vigil.model.aws.eks;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("An EKS cluster: Kubernetes version, API endpoint access, control plane logging and secrets encryption.")
public record Cluster(
        String name,
        String arn,
        @Doc("Kubernetes version, e.g. 1.31") String version,
        @Doc("CREATING, ACTIVE, ...") String status,
        @Doc("The API server endpoint is reachable from the internet") Boolean endpointPublicAccess,
        @Doc("The API server endpoint is reachable from inside the VPC") Boolean endpointPrivateAccess,
        @Doc("CIDR blocks allowed to reach the public endpoint; 0.0.0.0/0 is anyone") List<String> publicAccessCidrs,
        @Doc("Control plane log types sent to CloudWatch Logs: api, audit, authenticator, controllerManager, scheduler") List<String> enabledLogTypes,
        @Doc("KMS key encrypting Kubernetes secrets (envelope encryption), empty when none") String secretsEncryptionKeyArn,
        String vpcId,
        List<String> subnetIds,
        @Doc("Security groups of the control plane's network interfaces, the cluster security group included") List<String> securityGroupIds) {
}
