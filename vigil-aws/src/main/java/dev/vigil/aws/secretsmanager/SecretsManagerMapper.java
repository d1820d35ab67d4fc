package dev.vigil.aws.secretsmanager;

import dev.vigil.model.aws.secretsmanager.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** Secrets Manager API responses to canonical secrets: pure functions, no calls. Secret values are never read. */
public final class SecretsManagerMapper {

    private SecretsManagerMapper() {
    }

    /** A secret as ListSecrets lists it: the listing carries everything the canonical secret holds. */
    public static Secret secret(SecretListEntry s) {
        var rules = s.rotationRules();
        Long days = rules == null || rules.automaticallyAfterDays() == null ? 0L : rules.automaticallyAfterDays();
        return new Secret(s.name(), s.arn(), nz(s.description()), nz(s.kmsKeyId()), Boolean.TRUE.equals(s.rotationEnabled()), days,
                rules == null ? "" : nz(rules.scheduleExpression()), nz(s.rotationLambdaARN()), date(s.lastRotatedDate()),
                date(s.lastAccessedDate()), date(s.lastChangedDate()), date(s.createdDate()));
    }

    public static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        for (Tag t : tags) if (t.key() != null) out.put(t.key(), nz(t.value()));
        return out;
    }

    private static String date(Instant i) {
        return i == null ? "" : i.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
