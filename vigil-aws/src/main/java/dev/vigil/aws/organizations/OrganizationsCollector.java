package dev.vigil.aws.organizations;

import dev.vigil.aws.live.ApiFailure;
import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/** The account's AWS Organizations membership (global, once per account), into {@code aws.account}. */
public final class OrganizationsCollector implements Collector {
    /** What Organizations answers an account that belongs to no organization. */
    static final Set<String> NOT_A_MEMBER = Set.of("AWSOrganizationsNotInUseException");

    @Override
    public String service() {
        return "organizations";
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public Set<String> settings() {
        return Set.of("account.organization");
    }

    @Override
    public List<String> actions() {
        return List.of("organizations:DescribeOrganization");
    }

    @Override
    public void collect(CollectContext ctx) {
        OrganizationsClient orgs = ctx.client(OrganizationsClient::builder);
        try {
            var org = ctx.callOrAbsent("organizations:DescribeOrganization", NOT_A_MEMBER, () -> orgs.describeOrganization().organization());
            ctx.accountSettings().put("organization", OrganizationsMapper.organization(ctx.account(), org.orElse(null)));
        } catch (ApiFailure f) {
            ctx.accountSettings().fail("organization", f.getMessage());
        }
    }
}
