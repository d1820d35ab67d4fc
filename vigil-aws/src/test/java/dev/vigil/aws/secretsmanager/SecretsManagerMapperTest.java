package dev.vigil.aws.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.aws.secretsmanager.Secret;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * The listing is the secret's only read: a failed ListSecrets fails the unit (a coverage gap), so
 * there is no per-property failure to map here.
 */
class SecretsManagerMapperTest {

    @Test
    void aRotatingSecretCarriesItsScheduleKeyAndDates() {
        var s = SecretListEntry.builder().name("prod/db").arn("arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf")
                .kmsKeyId("arn:aws:kms:eu-west-1:111122223333:key/k").rotationEnabled(true).rotationLambdaARN("arn:aws:lambda:eu-west-1:111122223333:function:rotate")
                .rotationRules(r -> r.automaticallyAfterDays(30L)).lastRotatedDate(Instant.parse("2024-05-01T00:00:00Z"))
                .lastAccessedDate(Instant.parse("2024-05-20T00:00:00Z")).lastChangedDate(Instant.parse("2024-05-01T00:00:00Z"))
                .createdDate(Instant.parse("2023-01-01T00:00:00Z")).tags(t -> t.key("team").value("db")).build();
        Secret secret = SecretsManagerMapper.secret(s);
        assertThat(secret).isEqualTo(new Secret("prod/db", s.arn(), "", "arn:aws:kms:eu-west-1:111122223333:key/k", true, 30L, "",
                "arn:aws:lambda:eu-west-1:111122223333:function:rotate", "2024-05-01T00:00:00Z", "2024-05-20T00:00:00Z", "2024-05-01T00:00:00Z",
                "2023-01-01T00:00:00Z"));
        assertThat(SecretsManagerMapper.tags(s.tags())).isEqualTo(Map.of("team", "db"));
    }

    @Test
    void aSecretThatNeverRotatedHasNoRotation() {
        Secret secret = SecretsManagerMapper.secret(SecretListEntry.builder().name("api-key").arn("a").build());
        assertThat(secret.rotationEnabled()).isFalse();
        assertThat(secret.rotationDays()).isZero();
        assertThat(secret.lastRotatedDate()).isEmpty();
        assertThat(secret.kmsKeyId()).isEmpty();
    }

    @Test
    void aScheduleExpressionHasNoDayInterval() {
        Secret secret = SecretsManagerMapper.secret(SecretListEntry.builder().name("s").arn("a").rotationEnabled(true)
                .rotationRules(r -> r.scheduleExpression("cron(0 16 1,15 * ? *)")).build());
        assertThat(secret.rotationDays()).isZero();
        assertThat(secret.rotationSchedule()).isEqualTo("cron(0 16 1,15 * ? *)");
    }
}
