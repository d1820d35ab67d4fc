package dev.vigil.aws.organizations;

import dev.vigil.model.aws.account.Account;
import software.amazon.awssdk.services.organizations.model.Organization;

/** DescribeOrganization to the account's canonical membership: a pure function. */
public final class OrganizationsMapper {
    private OrganizationsMapper() {
    }

    /** @param org the organization, or {@code null} when the account belongs to none */
    public static Account.Organization organization(String account, Organization org) {
        if (org == null) return new Account.Organization(false, "", "", false, "");
        String management = org.masterAccountId() == null ? "" : org.masterAccountId();
        return new Account.Organization(true, org.id(), management, management.equals(account),
                org.featureSetAsString() == null ? "" : org.featureSetAsString());
    }
}
