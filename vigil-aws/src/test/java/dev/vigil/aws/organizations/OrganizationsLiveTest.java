package dev.vigil.aws.organizations;

import static dev.vigil.aws.live.LiveFixture.collect;
import static dev.vigil.aws.live.LiveFixture.only;
import static dev.vigil.aws.live.LiveFixture.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.live.LiveFixture;
import dev.vigil.model.Resource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

class OrganizationsLiveTest {

    @Test
    @SuppressWarnings("unchecked")
    void anAccountOutsideAnyOrganizationIsReadAsNotAMemberNotAsUnknown() {
        LiveFixture.moto().reset();
        Resource account = only(collect(Set.of("organizations")), "aws.account", LiveFixture.ACCOUNT);
        assertThat(account.failures()).doesNotContainKey("organization");
        assertThat((Map<String, Object>) account.properties().get("organization")).containsEntry("member", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theManagementAccountOfAnOrganizationSeesItself() {
        LiveFixture.moto().reset();
        try (OrganizationsClient orgs = seed(OrganizationsClient.builder(), "us-east-1")) {
            orgs.createOrganization(r -> r.featureSet("ALL"));
        }
        Map<String, Object> org = (Map<String, Object>) only(collect(Set.of("organizations")), "aws.account", LiveFixture.ACCOUNT)
                .properties().get("organization");
        assertThat(org).containsEntry("member", true).containsEntry("managementAccount", true).containsEntry("featureSet", "ALL");
        assertThat((String) org.get("organizationId")).startsWith("o-");
    }
}
