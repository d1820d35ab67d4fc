package dev.vigil.aws.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.Read;
import dev.vigil.model.aws.cloudfront.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.Origin;

class CloudFrontMapperTest {
    static final DistributionSummary SUMMARY = DistributionSummary.builder().id("E2QWRUHEXAMPLE")
            .arn("arn:aws:cloudfront::111122223333:distribution/E2QWRUHEXAMPLE").domainName("d111111abcdef8.cloudfront.net").build();

    static DistributionConfig config() {
        return DistributionConfig.builder().enabled(true).aliases(a -> a.quantity(1).items("www.example.com")).defaultRootObject("index.html")
                .origins(o -> o.quantity(2).items(
                        Origin.builder().id("assets").domainName("assets.s3.eu-west-1.amazonaws.com").originAccessControlId("E1OAC")
                                .s3OriginConfig(s -> s.originAccessIdentity("")).build(),
                        Origin.builder().id("api").domainName("api.example.com").customOriginConfig(c -> c.originProtocolPolicy("https-only")
                                .originSslProtocols(p -> p.quantity(1).itemsWithStrings("TLSv1.2"))).build()))
                .defaultCacheBehavior(d -> d.targetOriginId("assets").viewerProtocolPolicy("redirect-to-https"))
                .cacheBehaviors(c -> c.quantity(1).items(CacheBehavior.builder().pathPattern("/api/*").targetOriginId("api").viewerProtocolPolicy("allow-all").build()))
                .logging(l -> l.enabled(true).bucket("logs.s3.amazonaws.com").prefix("cdn/").includeCookies(false))
                .webACLId("arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1")
                .viewerCertificate(v -> v.cloudFrontDefaultCertificate(false).acmCertificateArn("arn:aws:acm:us-east-1:111122223333:certificate/c")
                        .sslSupportMethod("sni-only").minimumProtocolVersion("TLSv1.2_2021"))
                .restrictions(r -> r.geoRestriction(g -> g.restrictionType("whitelist").quantity(2).items("DE", "FR")))
                .build();
    }

    @Test
    void aDistributionCarriesViewerPoliciesOriginsLoggingAndProtection() {
        CloudFrontMapper.Mapped m = CloudFrontMapper.distribution(SUMMARY, Read.found(config()));
        Distribution d = m.distribution();
        assertThat(d.defaultViewerProtocolPolicy()).isEqualTo("redirect-to-https");
        assertThat(d.viewerProtocolPolicies()).containsExactly("redirect-to-https", "allow-all");
        assertThat(d.minimumProtocolVersion()).isEqualTo("TLSv1.2_2021");
        assertThat(d.defaultCertificate()).isFalse();
        assertThat(d.sslSupportMethod()).isEqualTo("sni-only");
        assertThat(d.origins()).containsExactly(new Distribution.Origin("assets", "assets.s3.eu-west-1.amazonaws.com", "s3", "E1OAC", "", "", List.of()),
                new Distribution.Origin("api", "api.example.com", "custom", "", "", "https-only", List.of("TLSv1.2")));
        assertThat(d.logging()).isEqualTo(new Distribution.Logging(true, "logs.s3.amazonaws.com", "cdn/"));
        assertThat(d.webAclId()).endsWith("webacl/edge/1");
        assertThat(d.defaultRootObject()).isEqualTo("index.html");
        assertThat(d.geoRestrictionType()).isEqualTo("whitelist");
        assertThat(d.geoRestrictionLocations()).containsExactly("DE", "FR");
        assertThat(d.aliases()).containsExactly("www.example.com");
        assertThat(m.failures()).isEmpty();
    }

    @Test
    void disabledLoggingKeepsNoBucket() {
        DistributionConfig c = config().toBuilder().logging(l -> l.enabled(false).bucket("").prefix("").includeCookies(false)).build();
        assertThat(CloudFrontMapper.distribution(SUMMARY, Read.found(c)).distribution().logging()).isEqualTo(new Distribution.Logging(false, "", ""));
    }

    @Test
    void aFailedConfigurationReadFailsEverythingButTheIdentity() {
        var denied = new ApiFailure("cloudfront:GetDistributionConfig", "AccessDenied", "", false, null);
        CloudFrontMapper.Mapped m = CloudFrontMapper.distribution(SUMMARY, Read.failed(denied));
        assertThat(m.distribution().arn()).isEqualTo(SUMMARY.arn());
        assertThat(m.distribution().logging()).isNull();
        assertThat(m.failures()).containsOnlyKeys(CloudFrontMapper.FROM_CONFIG);
    }
}
