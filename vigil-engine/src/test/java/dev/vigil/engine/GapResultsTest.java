package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Resource;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.input.CoverageGap;
import dev.vigil.rules.CompiledRule;
import dev.vigil.rules.RuleCompiler;
import dev.vigil.rules.RuleLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GapResultsTest {
    private static final RuleCompiler COMPILER = new RuleCompiler(ResourceTypes.standard());
    private static final CompiledRule VOLUME_RULE = compile("""
            id: t-volume-encrypted
            title: Volume encrypted
            resource: aws.ec2.volume
            severity: medium
            check: resource.encrypted
            examples:
              - {name: on, expect: PASS, resource: {encrypted: true}}
              - {name: off, expect: FAIL, resource: {encrypted: false}}
            """);
    private static final CompiledRule ACCOUNT_READS_TRAILS = compile("""
            id: t-account-has-trail
            title: Account has a trail
            resource: aws.account
            severity: high
            check: resources('aws.cloudtrail.trail').exists(t, t.multiRegion)
            examples:
              - {name: none, expect: FAIL, resource: {accountId: '1'}}
              - name: one
                expect: PASS
                resource: {accountId: '1'}
                inventory: [{type: aws.cloudtrail.trail, resource: {multiRegion: true}}]
            """);

    private static CompiledRule compile(String text) {
        return COMPILER.compile(RuleLoader.parse("t.yaml", text), text);
    }

    private static final CoverageGap DENIED_EC2 = new CoverageGap("111122223333 eu-west-1 ec2", "ec2:DescribeVolumes failed: UnauthorizedOperation",
            "111122223333", "eu-west-1", Set.of("aws.ec2.volume"), true);
    private static final CoverageGap DENIED_TRAILS = new CoverageGap("111122223333 us-east-1 cloudtrail", "cloudtrail:DescribeTrails failed: AccessDenied",
            "111122223333", "us-east-1", Set.of("aws.cloudtrail.trail"), true);
    private static final CoverageGap LEFT_OUT_TRAILS = new CoverageGap("111122223333 cloudtrail", "not scanned", "111122223333", "",
            Set.of("aws.cloudtrail.trail"), false);

    @Test
    void aFailedListingGivesOneErrorPerRuleOnItsTypeAndScope() {
        List<Result> unseen = new GapResults(List.of(DENIED_EC2), List.of(VOLUME_RULE, ACCOUNT_READS_TRAILS)).unseen();
        assertThat(unseen).singleElement().satisfies(r -> {
            assertThat(r.ruleId()).isEqualTo("t-volume-encrypted");
            assertThat(r.status()).isEqualTo(Status.ERROR);
            assertThat(r.region()).isEqualTo("eu-west-1");
            assertThat(r.resourceId()).isEqualTo("111122223333/eu-west-1/aws.ec2.volume");
            assertThat(r.reason()).contains("UnauthorizedOperation");
        });
    }

    @Test
    void aRuleReadingAHiddenTypeIsErrorWhetherItPassedOrFailed() {
        GapResults gaps = new GapResults(List.of(DENIED_TRAILS), List.of(ACCOUNT_READS_TRAILS));
        Resource account = new Resource("aws", "aws.account", "111122223333", "111122223333", "111122223333", "global", Map.of(), Map.of(), Map.of(),
                null, List.of());
        for (Status s : List.of(Status.PASS, Status.FAIL)) {
            Result r = gaps.overrule(ACCOUNT_READS_TRAILS, account, Result.of("t-account-has-trail", Severity.HIGH, s, "", account));
            assertThat(r.status()).isEqualTo(Status.ERROR);
            assertThat(r.reason()).contains("aws.cloudtrail.trail could not be listed").contains("AccessDenied");
        }
        // A rule that does not read trails is untouched, and so is another account.
        Result volume = Result.of("t-volume-encrypted", Severity.MEDIUM, Status.PASS, "", account);
        assertThat(gaps.overrule(VOLUME_RULE, account, volume)).isSameAs(volume);
    }

    @Test
    void aServiceLeftOutMakesCrossResourceRulesUnknownAndAddsNoResults() {
        GapResults gaps = new GapResults(List.of(LEFT_OUT_TRAILS), List.of(ACCOUNT_READS_TRAILS, VOLUME_RULE));
        assertThat(gaps.unseen()).isEmpty();
        Resource account = new Resource("aws", "aws.account", "111122223333", "111122223333", "111122223333", "global", Map.of(), Map.of(), Map.of(),
                null, List.of());
        Result r = gaps.overrule(ACCOUNT_READS_TRAILS, account, Result.of("t-account-has-trail", Severity.HIGH, Status.FAIL, "", account));
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).contains("was not read");
    }
}
