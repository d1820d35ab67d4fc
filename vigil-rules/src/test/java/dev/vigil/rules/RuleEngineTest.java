package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Inventory;
import dev.vigil.model.Relation;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.Result;
import dev.vigil.model.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private final RuleCompiler compiler = new RuleCompiler(ResourceTypes.standard());

    private static final String BUCKET_RULE = """
            id: test-bucket-blocks-public-policy
            title: Bucket blocks public policies
            resource: aws.s3.bucket
            severity: high
            message: "{name} accepts public bucket policies"
            check: resource.publicAccessBlock.blockPublicPolicy && resource.publicAccessBlock.restrictPublicBuckets
            examples:
              - name: blocked
                expect: PASS
                resource: {publicAccessBlock: {blockPublicPolicy: true, restrictPublicBuckets: true}}
              - name: open
                expect: FAIL
                resource: {publicAccessBlock: {blockPublicPolicy: false, restrictPublicBuckets: true}}
            """;

    private CompiledRule compile(String text) {
        return compiler.compile(RuleLoader.parse("rules/test.yaml", text), text);
    }

    private static Resource bucket(Map<String, Object> props, Map<String, String> unknowns) {
        return new Resource("aws", "aws.s3.bucket", "arn:aws:s3:::b", "b", "111122223333", "us-east-1", Map.of(), props, unknowns, null, List.of());
    }

    private Result eval(CompiledRule cr, Resource r, Resource... others) {
        var all = new java.util.ArrayList<>(List.of(others));
        all.add(r);
        return new Evaluator(new Inventory(all), Instant.parse("2026-06-01T00:00:00Z"), Map.of()).evaluate(cr, r);
    }

    @Test
    void aTrueCheckPassesAndAFalseOneFailsWithTheRuleMessage() {
        CompiledRule cr = compile(BUCKET_RULE);
        assertThat(eval(cr, bucket(Map.of("publicAccessBlock", Map.of("blockPublicPolicy", true, "restrictPublicBuckets", true)), Map.of())).status())
                .isEqualTo(Status.PASS);
        Result fail = eval(cr, bucket(Map.of("publicAccessBlock", Map.of("blockPublicPolicy", false, "restrictPublicBuckets", true)), Map.of()));
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.reason()).isEqualTo("b accepts public bucket policies");
    }

    @Test
    void aPropertyTheInputLeftUnknownMakesTheResultUnknownWithTheInputsReason() {
        Result r = eval(compile(BUCKET_RULE), bucket(Map.of(), Map.of("publicAccessBlock", "the snapshot does not record it")));
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).contains("publicAccessBlock").contains("the snapshot does not record it");
    }

    @Test
    void aMissingPropertyThatNobodyExplainedIsAnErrorNeverAPass() {
        Result r = eval(compile(BUCKET_RULE), bucket(Map.of(), Map.of()));
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.reason()).contains("could not evaluate");
    }

    @Test
    void aPropertyWhoseReadFailedIsAnErrorNamingTheCallEvenWhenAValueIsThere() {
        Resource failed = new Resource("aws", "aws.s3.bucket", "arn:aws:s3:::b", "b", "111122223333", "us-east-1", Map.of(),
                Map.of("publicAccessBlock", Map.of("blockPublicPolicy", true, "restrictPublicBuckets", true)), Map.of(), null, List.of(),
                Map.of("publicAccessBlock", "s3:GetBucketPublicAccessBlock failed: AccessDenied"));
        Result r = eval(compile(BUCKET_RULE), failed);
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.reason()).isEqualTo("publicAccessBlock could not be read: s3:GetBucketPublicAccessBlock failed: AccessDenied");
    }

    @Test
    void aPassThatStepsAroundAnUnknownPropertyIsUnknown() {
        CompiledRule cr = compile(BUCKET_RULE.replace("check: resource.publicAccessBlock.blockPublicPolicy && resource.publicAccessBlock.restrictPublicBuckets",
                "check: '!has(resource.publicAccessBlock) || resource.publicAccessBlock.blockPublicPolicy'")
                .replace("resource: {publicAccessBlock: {blockPublicPolicy: false, restrictPublicBuckets: true}}",
                        "resource: {publicAccessBlock: {blockPublicPolicy: false}}"));
        Result r = eval(cr, bucket(Map.of(), Map.of("publicAccessBlock", "not recorded")));
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).isEqualTo("publicAccessBlock is unknown: not recorded");
    }

    @Test
    void anUnknownThatCannotChangeTheAnswerDoesNotHideIt() {
        // false && <unknown> is false whatever the unknown is: CEL's commutative logic gives FAIL.
        Result r = eval(compile(BUCKET_RULE), bucket(Map.of("publicAccessBlock", Map.of("blockPublicPolicy", false)),
                Map.of("publicAccessBlock.restrictPublicBuckets", "not recorded")));
        assertThat(r.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aMisspelledFieldFailsToLoadNamingTheFileAndTheField() {
        String text = BUCKET_RULE.replace("resource.publicAccessBlock.blockPublicPolicy &&", "resource.publicAccessBlock.blockPublicPolicies &&");
        assertThatThrownBy(() -> compile(text))
                .isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("rules/test.yaml:6")
                .hasMessageContaining("publicAccessBlock.blockPublicPolicies")
                .hasMessageContaining("does not exist in aws.s3.bucket");
    }

    @Test
    void fieldsInsideMacrosAreCheckedAgainstTheListElementSchema() {
        String text = """
                id: test-sg-no-ssh
                title: No SSH from anywhere
                resource: aws.ec2.security-group
                severity: high
                check: "!resource.ingress.exists(p, p.sourceAddress == '0.0.0.0/0')"
                """;
        assertThatThrownBy(() -> compile(text)).hasMessageContaining("ingress.sourceAddress").hasMessageContaining("does not exist");
    }

    @Test
    void anUndeclaredParameterFailsToLoad() {
        String text = """
                id: test-key-age
                title: Keys are young
                resource: aws.iam.user
                severity: low
                params: {maxAgeDays: 90}
                check: resource.accessKeys.all(k, daysSince(k.lastRotated) <= params.maxAgeDay)
                """;
        assertThatThrownBy(() -> compile(text)).hasMessageContaining("params.maxAgeDay is not a parameter");
    }

    @Test
    void resourcesSeesTheWholeAccountAndRelatedFollowsRelationsBothWays() {
        String text = """
                id: test-account-has-logging-trail
                title: A multi-region trail logs
                resource: aws.account
                severity: high
                check: resources('aws.cloudtrail.trail').exists(t, t.multiRegion && t.logging)
                """;
        CompiledRule cr = compile(text);
        Resource account = new Resource("aws", "aws.account", "arn:aws:::111122223333", "111122223333", "111122223333", "", Map.of(), Map.of(), Map.of(), null, List.of());
        Resource trail = new Resource("aws", "aws.cloudtrail.trail", "t1", "t1", "111122223333", "us-east-1", Map.of(),
                Map.of("multiRegion", true), Map.of("logging", "AWS Config does not record trail status"), null, List.of());
        Result r = eval(cr, account, trail);
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).contains("aws.cloudtrail.trail t1: logging is unknown: AWS Config does not record trail status");

        String relatedText = """
                id: test-volume-instance
                title: Attached to a running instance
                resource: aws.ec2.volume
                severity: low
                check: related(resource, 'aws.ec2.instance').exists(i, i.state == 'running')
                """;
        Resource instance = new Resource("aws", "aws.ec2.instance", "i-1", "i-1", "111122223333", "us-east-1", Map.of(),
                Map.of("state", "running"), Map.of(), null, List.of());
        Resource volume = new Resource("aws", "aws.ec2.volume", "vol-1", "vol-1", "111122223333", "us-east-1", Map.of(),
                Map.of(), Map.of(), null, List.of(new Relation("attached-to", "aws.ec2.instance", "i-1")));
        assertThat(eval(compile(relatedText), volume, instance).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aRelatedResourceOutsideTheScanMakesTheResultUnknownNotAPass() {
        String text = """
                id: test-trail-bucket-logged
                title: Trail bucket logs access
                resource: aws.cloudtrail.trail
                severity: low
                check: related(resource, 'aws.s3.bucket').all(b, b.logging.enabled)
                """;
        Resource trail = new Resource("aws", "aws.cloudtrail.trail", "t1", "t1", "111122223333", "us-east-1", Map.of(), Map.of(), Map.of(), null,
                List.of(new Relation("logs-to", "aws.s3.bucket", "arn:aws:s3:::central-logs")));
        Result r = eval(compile(text), trail);
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.reason()).contains("aws.s3.bucket arn:aws:s3:::central-logs (logs-to) is not among the scanned resources");
    }

    @Test
    void theTesterRejectsARuleWithoutAFailingExample() {
        String text = BUCKET_RULE.substring(0, BUCKET_RULE.indexOf("  - name: open"));
        var outcome = new RuleTester(compiler).test(compile(text));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.failures()).anyMatch(f -> f.contains("no example that must FAIL"));
    }

    @Test
    void theTesterReportsAnExampleThatGetsTheWrongStatus() {
        String text = BUCKET_RULE.replace("expect: FAIL", "expect: PASS");
        var outcome = new RuleTester(compiler).test(compile(text));
        assertThat(outcome.failures()).anyMatch(f -> f.contains("example 'open': expected PASS but got FAIL"));
    }

    @Test
    void anExampleThatDoesNotFitTheSchemaIsRejected() {
        String text = BUCKET_RULE.replace("resource: {publicAccessBlock: {blockPublicPolicy: true, restrictPublicBuckets: true}}",
                "resource: {publicAccessBlock: {blockPublicPolicy: 'yes', restrictPublicBuckets: true}}");
        var outcome = new RuleTester(compiler).test(compile(text));
        assertThat(outcome.failures()).anyMatch(f -> f.contains("publicAccessBlock.blockPublicPolicy: expected bool but found string"));
    }

    @Test
    void anInventoryEntryOfAnExampleMayLeaveAPropertyUnknown() {
        String text = """
                id: test-account-has-logging-trail
                title: Some trail logs
                resource: aws.account
                severity: high
                check: resources('aws.cloudtrail.trail').exists(t, t.logging)
                examples:
                  - name: logging
                    expect: PASS
                    resource: {accountId: '111122223333'}
                    inventory: [{type: aws.cloudtrail.trail, resource: {name: main, logging: true}}]
                  - name: stopped
                    expect: FAIL
                    resource: {accountId: '111122223333'}
                    inventory: [{type: aws.cloudtrail.trail, resource: {name: main, logging: false}}]
                  - name: status not read
                    expect: UNKNOWN
                    resource: {accountId: '111122223333'}
                    inventory: [{type: aws.cloudtrail.trail, resource: {name: main}, unknowns: {logging: "the input has no trail status"}}]
                """;
        var outcome = new RuleTester(compiler).test(compile(text));
        assertThat(outcome.failures()).isEmpty();
        var unexplained = new RuleTester(compiler).test(compile(text.replace(", unknowns: {logging: \"the input has no trail status\"}", "")));
        assertThat(unexplained.failures()).anyMatch(f -> f.contains("example 'status not read': expected UNKNOWN but got ERROR"));
    }
}
