package dev.vigil.aws.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.aws.iam.CredentialReport;
import dev.vigil.model.aws.iam.PolicyDocuments;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.iam.AttachedPolicy;
import dev.vigil.model.aws.iam.Group;
import dev.vigil.model.aws.iam.InlinePolicy;
import dev.vigil.model.aws.iam.ManagedPolicy;
import dev.vigil.model.aws.iam.PolicyDocument;
import dev.vigil.model.aws.iam.Role;
import dev.vigil.model.aws.iam.User;
import dev.vigil.model.input.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** IAM configuration items to canonical users, groups, roles and managed policies. */
final class IamConfigMapper {
    static final String NO_REPORT = "AWS Config does not record the IAM credential report; add credential-report.csv "
            + "(aws iam get-credential-report) to the scan";
    static final String NO_ROLE_LAST_USED = "AWS Config does not record when a role was last used";

    private IamConfigMapper() {
    }

    /**
     * A user from its Config item and, when the scan has one, its credential-report row. Without the
     * report the credential fields are unknown.
     */
    static Mapped user(ConfigItem item, CredentialReport report) {
        JsonNode c = item.configuration();
        String name = Json.text(c, "userName").isEmpty() ? item.resourceName() : Json.text(c, "userName");
        String arn = Arns.or(item.arn(), Json.text(c, "arn"));
        CredentialReport.Row row = report == null ? null : report.usersByName().get(name);
        Map<String, String> unknowns = new HashMap<>();
        if (row == null) {
            String why = report == null ? NO_REPORT : "user " + name + " is not in the credential report " + report.file();
            for (String f : List.of("passwordEnabled", "passwordLastUsed", "mfaActive", "accessKeys")) unknowns.put(f, why);
        }
        User user = new User(name, arn, Json.text(c, "createDate"),
                row == null ? null : row.passwordEnabled(),
                row == null ? null : row.passwordLastUsed(),
                row == null ? null : row.mfaActive(),
                row == null ? null : keys(row),
                Json.texts(c, "groupList"),
                attached(item, c),
                inline(item, c, "userPolicyList"));
        return new Mapped(AwsTypes.IAM_USER, arn, name, user, unknowns, List.of());
    }

    /** A user the credential report lists but the snapshot does not record. */
    static Mapped userFromReport(CredentialReport.Row row, String account) {
        String why = "the inputs have no AWS::IAM::User item for " + row.user() + " (only its credential-report row)";
        Map<String, String> unknowns = Map.of("groups", why, "attachedPolicies", why, "inlinePolicies", why);
        User user = new User(row.user(), row.arn(), row.created(), row.passwordEnabled(), row.passwordLastUsed(), row.mfaActive(),
                keys(row), null, null, null);
        return new Mapped(AwsTypes.IAM_USER, row.arn(), row.user(), user, unknowns, List.of());
    }

    static List<User.AccessKey> keys(CredentialReport.Row row) {
        return row.accessKeys();
    }

    static Mapped group(ConfigItem item, List<String> members) {
        JsonNode c = item.configuration();
        String name = Json.text(c, "groupName").isEmpty() ? item.resourceName() : Json.text(c, "groupName");
        String arn = Arns.or(item.arn(), Json.text(c, "arn"));
        Group group = new Group(name, arn, members, attached(item, c), inline(item, c, "groupPolicyList"));
        return new Mapped(AwsTypes.IAM_GROUP, arn, name, group, Map.of(), List.of());
    }

    static Mapped role(ConfigItem item) {
        JsonNode c = item.configuration();
        String name = Json.text(c, "roleName").isEmpty() ? item.resourceName() : Json.text(c, "roleName");
        String arn = Arns.or(item.arn(), Json.text(c, "arn"));
        List<String> profiles = new ArrayList<>();
        for (JsonNode p : Json.list(c, "instanceProfileList")) profiles.add(Json.text(p, "arn"));
        Role role = new Role(name, arn, Json.text(c, "path"), Json.text(c, "createDate"),
                policy(item, Json.text(c, "assumeRolePolicyDocument")), attached(item, c), inline(item, c, "rolePolicyList"), profiles, null);
        return new Mapped(AwsTypes.IAM_ROLE, arn, name, role, Map.of("lastUsed", NO_ROLE_LAST_USED), List.of());
    }

    static Mapped policy(ConfigItem item) {
        JsonNode c = item.configuration();
        String name = Json.text(c, "policyName").isEmpty() ? item.resourceName() : Json.text(c, "policyName");
        String arn = Arns.or(item.arn(), Json.text(c, "arn"));
        String defaultVersion = Json.text(c, "defaultVersionId");
        PolicyDocument document = PolicyDocument.EMPTY;
        for (JsonNode v : Json.list(c, "policyVersionList")) {
            if (Json.boolOr(v, "isDefaultVersion", false) || Json.text(v, "versionId").equals(defaultVersion)) {
                document = policy(item, Json.text(v, "document"));
            }
        }
        ManagedPolicy p = new ManagedPolicy(name, arn, arn.contains(":aws:policy/"), Json.numberOr(c, "attachmentCount", 0), document);
        return new Mapped(AwsTypes.IAM_POLICY, arn, name, p, Map.of(), List.of());
    }

    private static List<AttachedPolicy> attached(ConfigItem item, JsonNode c) {
        List<AttachedPolicy> out = new ArrayList<>();
        for (JsonNode p : Json.list(c, "attachedManagedPolicies")) out.add(new AttachedPolicy(Json.text(p, "policyName"), Json.text(p, "policyArn")));
        return out;
    }

    private static List<InlinePolicy> inline(ConfigItem item, JsonNode c, String key) {
        List<InlinePolicy> out = new ArrayList<>();
        for (JsonNode p : Json.list(c, key)) out.add(new InlinePolicy(Json.text(p, "policyName"), policy(item, Json.text(p, "policyDocument"))));
        return out;
    }

    private static PolicyDocument policy(ConfigItem item, String text) {
        try {
            return PolicyDocuments.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(item.file(), item.line(), item.resourceType() + " " + item.resourceId() + ": " + e.getMessage());
        }
    }
}
