package dev.vigil.iac;

import dev.vigil.model.Resource;
import dev.vigil.model.input.CoverageGap;
import java.util.List;
import java.util.Set;

/**
 * Infrastructure code does not say which AWS account and region it will be deployed to, nor how
 * that account is set up: there is no {@code aws.account} or {@code aws.region} in an IaC scan. A
 * rule that compares a resource with its account (is this principal another account?) cannot be
 * decided, so this gap makes it UNKNOWN with this reason, rather than an ERROR or a guess.
 */
public final class AccountGap {
    private AccountGap() {
    }

    /**
     * The gap, when {@code resources} hold any AWS resource; none otherwise. Every IaC input gives
     * the same gap, so a scan of Terraform and CloudFormation together lists it once.
     */
    public static List<CoverageGap> forResources(List<Resource> resources) {
        if (resources.stream().noneMatch(r -> "aws".equals(r.provider()))) return List.of();
        return List.of(new CoverageGap("infrastructure code", "it does not say which AWS account or region it deploys to, "
                + "nor their settings; rules that compare a resource with its account are UNKNOWN", "", "",
                Set.of("aws.account", "aws.region"), false));
    }
}
