package dev.vigil.model.aws.iam;

import dev.vigil.model.schema.Doc;

/**
 * {@code aws.iam.saml-provider}: a SAML 2.0 identity provider the account trusts, the mark of users
 * managed centrally through federation (CIS AWS 1.21).
 */
@Doc("An IAM SAML 2.0 identity provider.")
public record SamlProvider(
        String name,
        String arn,
        @Doc("ISO-8601 time the provider's metadata document expires") String validUntil,
        @Doc("ISO-8601 creation time") String createDate) {
}
