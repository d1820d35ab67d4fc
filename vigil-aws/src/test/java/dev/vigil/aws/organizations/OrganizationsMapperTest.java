package dev.vigil.aws.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.aws.account.Account;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.Organization;

class OrganizationsMapperTest {

    @Test
    void aMemberAccountKnowsItsOrganizationAndThatItIsNotTheManagementAccount() {
        Organization org = Organization.builder().id("o-abc123").masterAccountId("999988887777").featureSet("ALL").build();
        assertThat(OrganizationsMapper.organization("111122223333", org))
                .isEqualTo(new Account.Organization(true, "o-abc123", "999988887777", false, "ALL"));
        assertThat(OrganizationsMapper.organization("999988887777", org).managementAccount()).isTrue();
    }

    @Test
    void anAccountOutsideAnyOrganizationIsNotAMember() {
        assertThat(OrganizationsMapper.organization("111122223333", null)).isEqualTo(new Account.Organization(false, "", "", false, ""));
    }
}
