package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Location;
import dev.vigil.model.Origin;
import dev.vigil.model.Resource;
import dev.vigil.model.ResourceTypes;
import dev.vigil.model.Result;
import dev.vigil.model.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A result that needs action points at the line that set what its rule read; a PASS, and inputs without lines, keep the declaration. */
class ResultLocationTest {
    private static final String TEXT = """
            id: t-imds
            title: IMDSv2 required
            resource: aws.ec2.instance
            severity: high
            check: resource.metadataOptions.httpTokens == 'required'
            examples:
              - {name: v2, expect: PASS, resource: {metadataOptions: {httpTokens: required}}}
              - {name: v1, expect: FAIL, resource: {metadataOptions: {httpTokens: optional}}}
            """;
    private static final CompiledRule RULE = new RuleCompiler(ResourceTypes.standard()).compile(RuleLoader.parse("t.yaml", TEXT), TEXT);
    private static final Evaluator EVALUATOR = new Evaluator(new dev.vigil.model.Inventory(List.of()), Instant.EPOCH, Map.of());

    private static Resource instance(String tokens, Map<String, Location> lines) {
        return new Resource("aws", "aws.ec2.instance", "infra#aws_instance.web", "web", "", "", Map.of(),
                Map.of("metadataOptions", Map.of("httpTokens", tokens)), Map.of(), new Origin.FileRange("infra/main.tf", 9, 17, lines), List.of());
    }

    @Test
    void aFailurePointsAtTheDeepestPropertyItsRuleReads() {
        Map<String, Location> lines = Map.of("metadataOptions", new Location("infra/main.tf", 13, 13),
                "metadataOptions.httpTokens", new Location("infra/main.tf", 15, 15),
                "instanceType", new Location("infra/main.tf", 11, 11));

        Result r = EVALUATOR.evaluate(RULE, instance("optional", lines));

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.location()).isEqualTo(new Location("infra/main.tf", 15, 15));
    }

    @Test
    void withoutTheArgumentTheEnclosingBlockIsTheNextBestAndWithoutEitherTheDeclaration() {
        Result inBlock = EVALUATOR.evaluate(RULE, instance("optional", Map.of("metadataOptions", new Location("infra/main.tf", 13, 13))));
        Result nowhere = EVALUATOR.evaluate(RULE, instance("optional", Map.of("instanceType", new Location("infra/main.tf", 11, 11))));

        assertThat(inBlock.location()).isEqualTo(new Location("infra/main.tf", 13, 13));
        assertThat(nowhere.location()).isEqualTo(new Location("infra/main.tf", 9, 17));
    }

    @Test
    void aPassKeepsTheDeclaration() {
        Result r = EVALUATOR.evaluate(RULE, instance("required", Map.of("metadataOptions.httpTokens", new Location("infra/main.tf", 15, 15))));

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.location()).isEqualTo(new Location("infra/main.tf", 9, 17));
    }
}
