package dev.vigil.aws.cloudfront;

import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.cloudfront.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.Origin;

/** CloudFront API responses to canonical distributions: pure functions, no calls. */
public final class CloudFrontMapper {

    private CloudFrontMapper() {
    }

    public record Mapped(Distribution distribution, Map<String, String> failures) {
    }

    /** The properties GetDistributionConfig fills in: all but the id, ARN and domain name. */
    static final List<String> FROM_CONFIG = List.of("enabled", "aliases", "defaultViewerProtocolPolicy", "viewerProtocolPolicies",
            "minimumProtocolVersion", "defaultCertificate", "sslSupportMethod", "origins", "logging", "webAclId", "defaultRootObject",
            "geoRestrictionType", "geoRestrictionLocations");

    /**
     * A distribution: its identity from the ListDistributions summary, its configuration from
     * GetDistributionConfig (the summary leaves out logging and the default root object, and the
     * configuration is the one source for the rest too). A failed configuration read fails every
     * property but the identity.
     */
    public static Mapped distribution(DistributionSummary s, Read<DistributionConfig> config) {
        if (!(config instanceof Read.Found<DistributionConfig> found)) {
            Map<String, String> failures = new TreeMap<>();
            String why = config.failure() != null ? config.failure().getMessage() : "GetDistributionConfig returned no configuration";
            FROM_CONFIG.forEach(p -> failures.put(p, why));
            return new Mapped(new Distribution(s.id(), s.arn(), nz(s.domainName()), null, null, null, null, null, null, null, null, null, null,
                    null, null, null), failures);
        }
        DistributionConfig c = found.value();
        List<String> policies = new ArrayList<>();
        String defaultPolicy = c.defaultCacheBehavior() == null ? "" : nz(c.defaultCacheBehavior().viewerProtocolPolicyAsString());
        policies.add(defaultPolicy);
        if (c.cacheBehaviors() != null) {
            for (CacheBehavior b : c.cacheBehaviors().items()) policies.add(nz(b.viewerProtocolPolicyAsString()));
        }
        var cert = c.viewerCertificate();
        var geo = c.restrictions() == null ? null : c.restrictions().geoRestriction();
        var log = c.logging();
        boolean logging = log != null && Boolean.TRUE.equals(log.enabled());
        Distribution d = new Distribution(s.id(), s.arn(), nz(s.domainName()), Boolean.TRUE.equals(c.enabled()),
                c.aliases() == null ? List.of() : List.copyOf(c.aliases().items()), defaultPolicy, policies,
                cert == null ? "" : nz(cert.minimumProtocolVersionAsString()), cert == null || Boolean.TRUE.equals(cert.cloudFrontDefaultCertificate()),
                cert == null || Boolean.TRUE.equals(cert.cloudFrontDefaultCertificate()) ? "" : nz(cert.sslSupportMethodAsString()),
                c.origins() == null ? List.of() : c.origins().items().stream().map(CloudFrontMapper::origin).toList(),
                new Distribution.Logging(logging, logging ? nz(log.bucket()) : "", logging ? nz(log.prefix()) : ""), nz(c.webACLId()),
                nz(c.defaultRootObject()), geo == null ? "none" : nz(geo.restrictionTypeAsString()), geo == null ? List.of() : List.copyOf(geo.items()));
        return new Mapped(d, Map.of());
    }

    static Distribution.Origin origin(Origin o) {
        var s3 = o.s3OriginConfig();
        var custom = o.customOriginConfig();
        return new Distribution.Origin(o.id(), nz(o.domainName()), s3 != null ? "s3" : "custom", nz(o.originAccessControlId()),
                s3 == null ? "" : nz(s3.originAccessIdentity()), custom == null ? "" : nz(custom.originProtocolPolicyAsString()),
                custom == null || custom.originSslProtocols() == null ? List.of() : custom.originSslProtocols().itemsAsStrings());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
