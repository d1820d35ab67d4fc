package dev.vigil.iac.cloudformation.aws.cloudfront;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.Unresolved;
import dev.vigil.iac.cloudformation.CfnResource;
import dev.vigil.iac.cloudformation.aws.Stack;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.cloudfront.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::CloudFront::Distribution} to {@code aws.cloudfront.distribution}, with CloudFront's
 * defaults: the default {@code *.cloudfront.net} certificate (which allows TLSv1) when no
 * ViewerCertificate is given, no logging, no WAF, no default root object, no geographic
 * restriction. An origin is an S3 origin when it has an S3OriginConfig or points at a bucket of
 * the templates.
 */
public final class CloudFrontMapper {
    private CloudFrontMapper() {
    }

    public static void map(Stack stack) {
        for (CfnResource r : stack.ofType("AWS::CloudFront::Distribution")) distribution(r, stack);
    }

    private static void distribution(CfnResource r, Stack stack) {
        Attrs root = new Attrs(r.properties());
        Attrs d = root.block("DistributionConfig", "enabled");
        for (String f : List.of("id", "arn", "domainName")) root.unknown(f, "known only after deploy");

        List<String> policies = new ArrayList<>();
        String defaultPolicy = d.block("DefaultCacheBehavior", "viewerProtocolPolicies").string("ViewerProtocolPolicy", "viewerProtocolPolicies");
        if (defaultPolicy != null) policies.add(defaultPolicy);
        for (Attrs b : d.blocks("CacheBehaviors", "viewerProtocolPolicies")) {
            String p = b.string("ViewerProtocolPolicy", "viewerProtocolPolicies");
            if (p != null) policies.add(p);
        }

        Attrs cert = d.block("ViewerCertificate", "defaultCertificate");
        boolean custom = cert.has("AcmCertificateArn") || cert.has("IamCertificateId") || cert.unresolved("AcmCertificateArn");
        Boolean defaultCertificate = d.has("ViewerCertificate") ? cert.bool("CloudFrontDefaultCertificate", "defaultCertificate", !custom) : Boolean.TRUE;
        String minimum = cert.string("MinimumProtocolVersion", "minimumProtocolVersion", "TLSv1");
        String sni = Boolean.TRUE.equals(defaultCertificate) ? "" : cert.string("SslSupportMethod", "sslSupportMethod", "");

        List<Distribution.Origin> origins = new ArrayList<>();
        for (Attrs o : d.blocks("Origins", "origins")) origins.add(origin(o, r, stack));

        Attrs logging = d.block("Logging", "logging");
        Distribution.Logging log = d.has("Logging")
                ? new Distribution.Logging(true, stack.idOf(logging, "Bucket", "logging.bucket", ""), logging.string("Prefix", "logging.prefix", ""))
                : new Distribution.Logging(false, "", "");
        Attrs geo = d.block("Restrictions", "geoRestrictionType").block("GeoRestriction", "geoRestrictionType");
        List<String> locations = geo.strings("Locations", "geoRestrictionLocations");

        Distribution dist = new Distribution(null, null, null, d.bool("Enabled", "enabled", true), d.has("Aliases") ? d.strings("Aliases", "aliases") : new ArrayList<>(),
                defaultPolicy, d.unresolved("CacheBehaviors") ? null : policies, minimum, defaultCertificate, sni, origins, log,
                stack.idOf(d, "WebACLId", "webAclId", ""), d.string("DefaultRootObject", "defaultRootObject", ""),
                geo.string("RestrictionType", "geoRestrictionType", "none"), locations == null && !geo.unresolved("Locations") ? new ArrayList<>() : locations);
        Object name = d.raw("Comment");
        stack.add(r, AwsTypes.CLOUDFRONT_DISTRIBUTION, name instanceof String s && !s.isBlank() ? s : r.logicalId(), dist, root.unknowns(), List.of());
    }

    private static Distribution.Origin origin(Attrs o, CfnResource r, Stack stack) {
        Object domain = o.raw("DomainName");
        boolean bucket = domain instanceof Unresolved u && u.refersTo() != null && stack.find(domain, r, "AWS::S3::Bucket") != null;
        boolean s3 = o.has("S3OriginConfig") || bucket || (domain instanceof String s && s.contains(".s3.") && s.endsWith(".amazonaws.com"));
        Attrs c = o.block("CustomOriginConfig", "origins");
        List<String> ssl = null;
        if (!s3) {
            if (c.has("OriginSSLProtocols") || c.unresolved("OriginSSLProtocols")) ssl = c.strings("OriginSSLProtocols", "origins.originSslProtocols");
            else o.unknown("origins.originSslProtocols", "no OriginSSLProtocols: CloudFront's default protocols at deploy");
        }
        return new Distribution.Origin(o.string("Id", "origins.id"), stack.idOf(o, "DomainName", "origins.domainName", ""), s3 ? "s3" : "custom",
                stack.idOf(o, "OriginAccessControlId", "origins.originAccessControlId", ""),
                s3 ? o.block("S3OriginConfig", "origins").string("OriginAccessIdentity", "origins.originAccessIdentity", "") : "",
                s3 ? "" : c.string("OriginProtocolPolicy", "origins.originProtocolPolicy", ""), s3 ? new ArrayList<>() : ssl);
    }
}
