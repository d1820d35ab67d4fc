package dev.vigil.model.aws.iam;

import dev.vigil.model.schema.Doc;

/**
 * {@code aws.iam.server-certificate}: an SSL/TLS certificate stored in IAM (for load balancers and
 * CloudFront where ACM is not used). CIS AWS 1.19 wants expired ones removed.
 */
@Doc("An SSL/TLS server certificate stored in IAM.")
public record ServerCertificate(
        String name,
        String arn,
        String path,
        @Doc("ISO-8601 time the certificate expires") String expiration,
        @Doc("ISO-8601 time it was uploaded") String uploadDate) {
}
