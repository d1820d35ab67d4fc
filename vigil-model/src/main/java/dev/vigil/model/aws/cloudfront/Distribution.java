package dev.vigil.model.aws.cloudfront;

import dev.vigil.model.schema.Doc;
import java.util.List;

@Doc("A CloudFront distribution: how viewers reach it, where it fetches from, logging and protection.")
public record Distribution(
        String id,
        String arn,
        String domainName,
        Boolean enabled,
        @Doc("Alternate domain names (CNAMEs)") List<String> aliases,
        @Doc("Viewer protocol policy of the default cache behavior: allow-all, https-only or redirect-to-https") String defaultViewerProtocolPolicy,
        @Doc("Viewer protocol policies of every cache behavior, the default one first") List<String> viewerProtocolPolicies,
        @Doc("Minimum TLS version for viewers, e.g. TLSv1.2_2021; TLSv1 with the default *.cloudfront.net certificate") String minimumProtocolVersion,
        @Doc("Uses the default *.cloudfront.net certificate") Boolean defaultCertificate,
        @Doc("sni-only, vip or static-ip; empty with the default certificate") String sslSupportMethod,
        List<Origin> origins,
        @Doc("Standard (legacy) access logging") Logging logging,
        @Doc("WAF web ACL id or ARN, empty when none") String webAclId,
        @Doc("Object served for the root URL, empty when none") String defaultRootObject,
        @Doc("Geographic restriction type: none, allowlist or blocklist") String geoRestrictionType,
        @Doc("Country codes of the geographic restriction") List<String> geoRestrictionLocations) {

    @Doc("An origin.")
    public record Origin(
            String id,
            String domainName,
            @Doc("s3 (an S3 bucket origin) or custom") String type,
            @Doc("Origin access control id, empty when none") String originAccessControlId,
            @Doc("Legacy origin access identity (origin-access-identity/cloudfront/...), empty when none") String originAccessIdentity,
            @Doc("For custom origins: http-only, match-viewer or https-only; empty for S3") String originProtocolPolicy,
            @Doc("For custom origins: SSL protocols used towards the origin") List<String> originSslProtocols) {
    }

    @Doc("Access logging.")
    public record Logging(Boolean enabled, @Doc("Bucket domain name, empty when disabled") String bucket, String prefix) {
    }
}
