package dev.vigil.iac.terraform.aws.cloudfront;

import dev.vigil.iac.Attrs;
import dev.vigil.iac.terraform.TfResource;
import dev.vigil.iac.terraform.aws.Canon;
import dev.vigil.iac.terraform.aws.Joins;
import dev.vigil.model.Resource;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.cloudfront.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aws_cloudfront_distribution} into {@code aws.cloudfront.distribution}. An origin is
 * {@code custom} when it has a {@code custom_origin_config}, otherwise an S3 origin (the provider
 * sends an S3 origin configuration for it). With the default certificate CloudFront reports the
 * minimum protocol TLSv1 and no SSL support method, as the live input shows it.
 */
public final class Distributions {
    private Distributions() {
    }

    public static Resource map(TfResource r, Joins joins) {
        Attrs a = Canon.attrs(r);
        List<String> policies = new ArrayList<>();
        String defaultPolicy = a.block("default_cache_behavior", "viewerProtocolPolicies").string("viewer_protocol_policy", "viewerProtocolPolicies");
        policies.add(defaultPolicy);
        for (Attrs b : a.blocks("ordered_cache_behavior", "viewerProtocolPolicies")) {
            policies.add(b.string("viewer_protocol_policy", "viewerProtocolPolicies"));
        }
        if (defaultPolicy == null) a.unknown("defaultViewerProtocolPolicy", a.unknowns().getOrDefault("viewerProtocolPolicies", Canon.NOT_BEFORE_DEPLOY));
        Attrs cert = a.block("viewer_certificate", "defaultCertificate");
        Boolean defaultCert = cert.bool("cloudfront_default_certificate", "defaultCertificate", false);
        if (Boolean.FALSE.equals(defaultCert) && !cert.has("acm_certificate_arn") && !cert.has("iam_certificate_id")
                && !cert.unresolved("acm_certificate_arn") && !cert.unresolved("iam_certificate_id")) {
            defaultCert = true;
        }
        String minimum = Boolean.TRUE.equals(defaultCert) ? "TLSv1" : cert.string("minimum_protocol_version", "minimumProtocolVersion", "TLSv1");
        String sni = Boolean.TRUE.equals(defaultCert) ? "" : cert.string("ssl_support_method", "sslSupportMethod", "");
        List<Distribution.Origin> origins = new ArrayList<>();
        for (Attrs o : a.blocks("origin", "origins")) {
            boolean custom = o.has("custom_origin_config");
            Attrs c = o.block("custom_origin_config", "origins");
            String oai = o.block("s3_origin_config", "origins").string("origin_access_identity", "origins", "");
            origins.add(new Distribution.Origin(o.string("origin_id", "origins"), Canon.referenceOr(o, r, "domain_name", "origins", ""),
                    custom ? "custom" : "s3", Canon.referenceOr(o, r, "origin_access_control_id", "origins", ""), oai == null ? "" : oai,
                    custom ? c.string("origin_protocol_policy", "origins") : "",
                    custom ? c.strings("origin_ssl_protocols", "origins") : List.of()));
        }
        Attrs log = a.block("logging_config", "logging");
        boolean logging = a.has("logging_config");
        Attrs geo = a.block("restrictions", "geoRestrictionType").block("geo_restriction", "geoRestrictionType");
        List<String> locations = geo.strings("locations", "geoRestrictionLocations");
        Distribution d = new Distribution(a.string("id", "id"), a.string("arn", "arn"), a.string("domain_name", "domainName"),
                a.bool("enabled", "enabled"), a.has("aliases") || a.unresolved("aliases") ? a.strings("aliases", "aliases") : List.of(),
                defaultPolicy, a.unknowns().containsKey("viewerProtocolPolicies") ? null : policies, minimum, defaultCert, sni,
                a.unknowns().containsKey("origins") ? null : origins,
                new Distribution.Logging(logging, logging ? Canon.referenceOr(log, r, "bucket", "logging.bucket", "") : "",
                        logging ? log.string("prefix", "logging.prefix", "") : ""),
                Canon.referenceOr(a, r, "web_acl_id", "webAclId", ""), a.string("default_root_object", "defaultRootObject", ""),
                geo.string("restriction_type", "geoRestrictionType", "none"), locations == null && !geo.unresolved("locations") ? List.of() : locations);
        String name = a.string("comment", "comment", "");
        return Canon.resource(r, AwsTypes.CLOUDFRONT_DISTRIBUTION, name == null || name.isEmpty() ? r.address() : name, d, a, List.of());
    }
}
