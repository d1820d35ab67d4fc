package dev.vigil.aws.secretsmanager;

import dev.vigil.aws.live.CollectContext;
import dev.vigil.aws.live.Collector;
import dev.vigil.model.aws.AwsTypes;
import dev.vigil.model.aws.secretsmanager.Secret;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** Secrets Manager secrets of one region (not those scheduled for deletion), from the listing alone. */
public final class SecretsManagerCollector implements Collector {

    @Override
    public String service() {
        return "secretsmanager";
    }

    @Override
    public Set<String> types() {
        return Set.of(AwsTypes.SECRETSMANAGER_SECRET.id());
    }

    @Override
    public List<String> actions() {
        return List.of("secretsmanager:ListSecrets");
    }

    @Override
    public void collect(CollectContext ctx) {
        SecretsManagerClient sm = ctx.client(SecretsManagerClient::builder);
        List<SecretListEntry> secrets = ctx.call("secretsmanager:ListSecrets", () -> sm.listSecretsPaginator(r -> r.maxResults(100)).stream()
                .flatMap(page -> page.secretList().stream()).toList());
        for (SecretListEntry s : secrets) {
            Secret secret = SecretsManagerMapper.secret(s);
            ctx.resource(AwsTypes.SECRETSMANAGER_SECRET, s.arn()).name(s.name()).tags(SecretsManagerMapper.tags(s.tags())).properties(secret)
                    .relation("uses-key", AwsTypes.KMS_KEY, secret.kmsKeyId().startsWith("arn:") ? secret.kmsKeyId() : null)
                    .relation("uses", AwsTypes.LAMBDA_FUNCTION, secret.rotationLambdaArn())
                    .api("secretsmanager:ListSecrets").emit();
        }
    }
}
