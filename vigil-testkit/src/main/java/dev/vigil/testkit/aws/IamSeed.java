package dev.vigil.testkit.aws;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * IAM, which is global: planted once, whatever the regions. What fails which rule:
 * <ul>
 *   <li>{@code bad-user-no-mfa}: console password, no MFA: aws-iam-user-console-mfa.</li>
 *   <li>{@code bad-user-direct-policy}: {@code bad-admin-policy} attached to the user itself:
 *       aws-iam-user-no-direct-policies.</li>
 *   <li>{@code bad-user-inline-policy}: an inline policy on the user: aws-iam-user-no-direct-policies.</li>
 *   <li>{@code bad-user-two-keys}: two active access keys: aws-iam-user-single-active-access-key.</li>
 *   <li>{@code bad-admin-policy}: a customer policy allowing {@code *} on {@code *}, attached:
 *       aws-iam-policy-no-full-admin.</li>
 *   <li>{@code good-user} (console password with a virtual MFA device, one key, permissions through
 *       {@code good-group}), {@code good-service-user} (one key, no password), {@code good-group},
 *       {@code good-readonly-policy}, {@code good-app-role} in the instance profile
 *       {@code good-app-profile}, {@code good-support-role} and the SAML provider {@code good-idp}:
 *       no rule fails. Fresh keys and passwords pass the rotation and unused-credential rules.</li>
 *   <li>{@code legacy-server-certificate}: neither good nor bad. moto dates every server
 *       certificate as uploaded in 2010 and expired in 2012 whatever its body, so no certificate
 *       can be planted unexpired; no catalog rule reads server certificates yet.</li>
 * </ul>
 * The account gets a strong password policy (14 characters, 24 remembered), which passes the
 * account's password rules. {@code good-support-role} carries the AWS managed AWSSupportAccess only
 * when moto loads AWS managed policies ({@code MOTO_IAM_LOAD_MANAGED_POLICIES=true} when the server
 * starts, as {@code MotoServer} starts it; a server started by hand needs the variable too);
 * otherwise the role is planted without it and the account fails aws-account-support-role-exists.
 * moto's credential report has no {@code <root_account>} row, so the root rules are unknown in any
 * moto scan.
 */
public final class IamSeed implements Seed {
    public static final String AWS_SUPPORT_ACCESS = "arn:aws:iam::aws:policy/AWSSupportAccess";

    static final String ADMIN = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Everything","Effect":"Allow","Action":"*","Resource":"*"}]}""";
    static final String READ_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"ReadReports","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],\
            "Resource":["arn:aws:s3:::good-reports","arn:aws:s3:::good-reports/*"]}]}""";
    static final String DEBUG_EC2 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}""";
    static final String EC2_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    static final String ACCOUNT_TRUST_WITH_MFA = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole",\
            "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""".formatted(SeedClients.ACCOUNT);

    @Override
    public String name() {
        return "iam";
    }

    @Override
    public void plant(SeedClients clients) {
        try (IamClient iam = clients.client(IamClient::builder, "us-east-1")) {
            iam.updateAccountPasswordPolicy(p -> p.minimumPasswordLength(14).requireSymbols(true).requireNumbers(true)
                    .requireUppercaseCharacters(true).requireLowercaseCharacters(true).allowUsersToChangePassword(true)
                    .maxPasswordAge(90).passwordReusePrevention(24));

            String admin = iam.createPolicy(p -> p.policyName("bad-admin-policy").policyDocument(ADMIN)).policy().arn();
            String readOnly = iam.createPolicy(p -> p.policyName("good-readonly-policy").policyDocument(READ_ONLY)).policy().arn();

            iam.createGroup(g -> g.groupName("good-group"));
            iam.attachGroupPolicy(g -> g.groupName("good-group").policyArn(readOnly));

            iam.createUser(u -> u.userName("bad-user-no-mfa"));
            iam.createLoginProfile(l -> l.userName("bad-user-no-mfa").password("Correct-Horse-9-Battery"));
            iam.addUserToGroup(g -> g.groupName("good-group").userName("bad-user-no-mfa"));

            iam.createUser(u -> u.userName("bad-user-direct-policy"));
            iam.attachUserPolicy(a -> a.userName("bad-user-direct-policy").policyArn(admin));

            iam.createUser(u -> u.userName("bad-user-inline-policy"));
            iam.putUserPolicy(p -> p.userName("bad-user-inline-policy").policyName("debug-ec2").policyDocument(DEBUG_EC2));

            iam.createUser(u -> u.userName("bad-user-two-keys"));
            iam.addUserToGroup(g -> g.groupName("good-group").userName("bad-user-two-keys"));
            iam.createAccessKey(k -> k.userName("bad-user-two-keys"));
            iam.createAccessKey(k -> k.userName("bad-user-two-keys"));

            iam.createUser(u -> u.userName("good-user"));
            iam.createLoginProfile(l -> l.userName("good-user").password("Correct-Horse-9-Battery"));
            String serial = iam.createVirtualMFADevice(d -> d.virtualMFADeviceName("good-user")).virtualMFADevice().serialNumber();
            iam.enableMFADevice(m -> m.userName("good-user").serialNumber(serial).authenticationCode1("123456").authenticationCode2("654321"));
            iam.addUserToGroup(g -> g.groupName("good-group").userName("good-user"));
            iam.createAccessKey(k -> k.userName("good-user"));

            iam.createUser(u -> u.userName("good-service-user"));
            iam.addUserToGroup(g -> g.groupName("good-group").userName("good-service-user"));
            iam.createAccessKey(k -> k.userName("good-service-user"));

            iam.createRole(r -> r.roleName("good-app-role").assumeRolePolicyDocument(EC2_TRUST));
            iam.attachRolePolicy(a -> a.roleName("good-app-role").policyArn(readOnly));
            iam.createInstanceProfile(p -> p.instanceProfileName("good-app-profile"));
            iam.addRoleToInstanceProfile(p -> p.instanceProfileName("good-app-profile").roleName("good-app-role"));

            iam.createRole(r -> r.roleName("good-support-role").assumeRolePolicyDocument(ACCOUNT_TRUST_WITH_MFA));
            try {
                iam.attachRolePolicy(a -> a.roleName("good-support-role").policyArn(AWS_SUPPORT_ACCESS));
            } catch (NoSuchEntityException withoutManagedPolicies) {
                // moto started without MOTO_IAM_LOAD_MANAGED_POLICIES: see the class comment.
            }

            iam.createSAMLProvider(p -> p.name("good-idp").samlMetadataDocument(samlMetadata("https://idp.example.com/saml")));

            iam.uploadServerCertificate(c -> c.serverCertificateName("legacy-server-certificate")
                    .certificateBody("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUYmFkLXNlZWQ=\n-----END CERTIFICATE-----")
                    .privateKey("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49=\n-----END PRIVATE KEY-----"));
        }
    }

    /** SAML metadata as an identity provider publishes it (IAM wants at least 1,000 characters). */
    static String samlMetadata(String entityId) {
        String cert = "MIIC" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk".repeat(12);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s">
                  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor use="signing">
                      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                        <ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data>
                      </ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s/sso"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(entityId, cert, entityId);
    }
}
