package dev.vigil.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iac.IacInputs;
import dev.vigil.iac.Unresolved;
import dev.vigil.model.Origin;
import dev.vigil.model.Resource;
import dev.vigil.model.input.Collected;
import dev.vigil.model.input.InputException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans and states as {@code terraform show -json} writes them, and raw state files. */
class TerraformPlanInputTest {
    private final TerraformPlanInput input = new TerraformPlanInput();

    private static Path fixture(String name) {
        try {
            return Path.of(TerraformPlanInputTest.class.getResource("/terraform-plan/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Resource byAddress(Collected c, String suffix) {
        return c.resources().stream().filter(r -> r.id().endsWith("#" + suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + suffix + " in " + c.resources().stream().map(Resource::id).toList()));
    }

    private static Object prop(Resource r, String path) {
        Object v = r.properties();
        for (String p : path.split("\\.")) v = v instanceof Map<?, ?> m ? m.get(p) : null;
        return v;
    }

    @Test
    void claimsPlansAndStatesButNotOtherJson() {
        assertThat(input.id()).isEqualTo("terraform-plan");
        assertThat(input.claims(fixture("plan.json"))).isTrue();
        assertThat(input.claims(fixture("state.json"))).isTrue();
        assertThat(input.claims(fixture("terraform.tfstate"))).isTrue();
        assertThat(input.claims(fixture("not-terraform.json"))).isFalse();
        assertThat(IacInputs.all(dev.vigil.iac.IacOptions.none())).anyMatch(i -> i.id().equals("terraform-plan"));
    }

    @Test
    void aPlanJoinsSplitResourcesThroughTheConfigurationsReferences() {
        Collected c = input.read(List.of(fixture("plan.json")));
        Resource bucket = byAddress(c, "aws_s3_bucket.logs");

        assertThat(bucket.name()).isEqualTo("acme-plan-logs");
        assertThat(bucket.origin()).isInstanceOf(Origin.FileRange.class);
        assertThat(((Origin.FileRange) bucket.origin()).startLine()).isZero();
        assertThat(prop(bucket, "publicAccessBlock.blockPublicAcls")).isEqualTo(true);
        assertThat(prop(bucket, "versioning.status")).isEqualTo("Enabled");
        assertThat(prop(bucket, "versioning.mfaDelete")).as("computed, not configured: the default").isEqualTo(false);
        assertThat(bucket.unknowns()).containsEntry("policy", "known only after apply").containsEntry("arn", "not known before deploy");
        assertThat(prop(bucket, "logging.enabled")).as("the provider's computed echo of logging is not a setting").isEqualTo(false);
        assertThat(c.unmodelled()).isEmpty();
    }

    @Test
    void aRuleInAChildModuleJoinsTheGroupOfThatModule() {
        Collected c = input.read(List.of(fixture("plan.json")));
        Resource sg = byAddress(c, "module.network.aws_security_group.this");

        assertThat(sg.name()).isEqualTo("plan-web");
        assertThat(((List<?>) prop(sg, "ingress")).stream().map(p -> (Object) ((Map<?, ?>) p).get("fromPort")).toList()).containsExactly(443L, 22L);
        assertThat(sg.unknowns().get("vpcId")).as("vpc_id is computed but not configured: the default VPC").contains("default VPC");
    }

    @Test
    void unconfiguredComputedAttributesTakeTheDefaultsAndConfiguredOnesStay() {
        Collected c = input.read(List.of(fixture("plan.json")));
        Resource bastion = byAddress(c, "aws_instance.bastion");
        Resource root = byAddress(c, "aws_instance.bastion.root_block_device");

        assertThat(prop(bastion, "metadataOptions.httpTokens")).isEqualTo("optional");
        assertThat(prop(bastion, "publicIpAddress")).isNotEqualTo("");
        assertThat(prop(root, "encrypted")).isEqualTo(false);
        assertThat(prop(root, "sizeGiB")).isEqualTo(8L);
    }

    @Test
    void resourcesThePlanDeletesAreLeftOut() {
        Collected c = input.read(List.of(fixture("plan.json")));

        assertThat(c.resources()).noneMatch(r -> r.id().contains("retired"));
        assertThat(c.files()).hasSize(1);
    }

    @Test
    void unknownAfterApplyKeepsTheReferenceTheConfigurationWrote() {
        List<TfResource> rs = TerraformPlanInput.resources(fixture("plan.json"));
        TfResource rule = rs.stream().filter(r -> r.address().equals("module.network.aws_security_group_rule.ssh")).findFirst().orElseThrow();

        assertThat(rule.attributes().get("security_group_id"))
                .isEqualTo(new Unresolved("known only after apply", "module.network.aws_security_group.this"));
        assertThat(rule.source()).endsWith("plan.json");
        assertThat(rule.startLine()).isZero();
    }

    @Test
    void aReferenceInsideAModuleInstancePointsIntoThatInstance() {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode unknown = json.createObjectNode().put("bucket", true);
        com.fasterxml.jackson.databind.JsonNode expressions;
        try {
            expressions = json.readTree("{\"bucket\": {\"references\": [\"aws_s3_bucket.this.id\", \"aws_s3_bucket.this\"]}}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Object merged = TerraformPlanInput.merge(Map.of(), unknown, expressions, "module.buckets[\"eu\"].", true);

        assertThat(merged).isEqualTo(Map.of("bucket", new Unresolved("known only after apply", "module.buckets[\"eu\"].aws_s3_bucket.this")));
        assertThat(TerraformPlanInput.modulePath("module.buckets[\"eu\"].aws_s3_bucket_policy.this")).isEqualTo("module.buckets.");
    }

    @Test
    void aStateIsDeployedFacts() {
        Collected c = input.read(List.of(fixture("state.json")));
        Resource bucket = byAddress(c, "aws_s3_bucket.logs");
        Resource sg = byAddress(c, "aws_security_group.ssh");

        assertThat(prop(bucket, "arn")).isEqualTo("arn:aws:s3:::acme-state-logs");
        assertThat(bucket.unknowns()).doesNotContainKey("arn");
        assertThat(prop(bucket, "encryption.algorithm")).isEqualTo("AES256");
        assertThat(prop(bucket, "versioning.status")).isEqualTo("Off");
        assertThat((List<?>) prop(bucket, "aclGrants")).as("only the owner's grant").isEmpty();
        assertThat(prop(sg, "groupId")).isEqualTo("sg-0a3c5e7f91b2d4068");
        assertThat(prop(sg, "vpcId")).isEqualTo("vpc-0c4e1a7d92b35f810");
        assertThat((List<?>) prop(sg, "egress")).hasSize(1);
        assertThat(c.resources()).noneMatch(r -> r.id().contains("data."));
    }

    @Test
    void aRawStateFileNamesInstancesByModuleAndKey() {
        List<TfResource> rs = TerraformPlanInput.resources(fixture("terraform.tfstate"));
        assertThat(rs).extracting(TfResource::address).containsExactly("aws_iam_user.deploy", "module.keys.aws_iam_access_key.this[0]",
                "module.keys.aws_iam_access_key.this[1]", "random_id.suffix");

        Collected c = input.read(List.of(fixture("terraform.tfstate")));
        Resource user = byAddress(c, "aws_iam_user.deploy");
        assertThat(((List<?>) prop(user, "accessKeys")).stream().map(k -> (Object) ((Map<?, ?>) k).get("lastRotated")).toList())
                .containsExactly("2025-03-01T10:00:00Z", "2026-09-01T10:00:00Z");
        assertThat(c.unmodelled()).isEqualTo(Map.of("random_id", 1L));
    }

    @Test
    void invalidJsonIsABadFileWithItsLineAndTheOthersAreStillRead() {
        assertThatThrownBy(() -> TerraformPlanInput.resources(fixture("broken-plan.json"))).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(5))
                .hasMessageContaining("broken-plan.json:5: invalid JSON");

        Collected c = input.read(List.of(fixture("broken-plan.json"), fixture("state.json")));
        assertThat(c.badFiles()).hasSize(1);
        assertThat(c.badFiles().get(0).message()).contains("broken-plan.json:5:").doesNotContain("\n");
        assertThat(c.resources()).isNotEmpty();
    }
}
