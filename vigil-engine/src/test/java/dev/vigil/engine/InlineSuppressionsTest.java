package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Location;
import dev.vigil.model.Result;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import dev.vigil.model.Suppressed;
import dev.vigil.model.input.InlineSuppression;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineSuppressionsTest {
    private static final String BUCKET = "infra#aws_s3_bucket.logs";
    private static final Instant NOV_23 = Instant.parse("2026-11-23T10:00:00Z");

    private static Result result(String rule, Status status, String resourceId) {
        return new Result(rule, Severity.MEDIUM, status, "no logging", "aws.s3.bucket", resourceId, "logs", "aws", "", "",
                "infra/main.tf:3-9", new Location("infra/main.tf", 3, 9), null);
    }

    private static InlineSuppression mark(String rule, LocalDate expires) {
        return new InlineSuppression(BUCKET, rule, "logs go to the SIEM", expires, "infra/main.tf", 2);
    }

    @Test
    void anActiveMarkSuppressesTheFailureOfItsRuleOnItsResourceWithoutChangingItsStatus() {
        InlineSuppressions marks = new InlineSuppressions(List.of(mark("aws-s3-bucket-logging", null)), NOV_23);

        Result r = marks.apply(result("aws-s3-bucket-logging", Status.FAIL, BUCKET));

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.actionableFailure()).isFalse();
        assertThat(r.suppressed()).isEqualTo(new Suppressed(Suppressed.By.INLINE, "logs go to the SIEM", "infra/main.tf:2", ""));
    }

    @Test
    void aMarkTouchesNeitherOtherRulesNorOtherResourcesNorPasses() {
        InlineSuppressions marks = new InlineSuppressions(List.of(mark("aws-s3-bucket-logging", null)), NOV_23);

        assertThat(marks.apply(result("aws-s3-bucket-versioning", Status.FAIL, BUCKET)).suppressed()).isNull();
        assertThat(marks.apply(result("aws-s3-bucket-logging", Status.FAIL, "infra#aws_s3_bucket.other")).suppressed()).isNull();
        assertThat(marks.apply(result("aws-s3-bucket-logging", Status.PASS, BUCKET)).suppressed()).isNull();
    }

    @Test
    void anUnknownResultCanBeSuppressedToo() {
        InlineSuppressions marks = new InlineSuppressions(List.of(mark("aws-s3-*", null)), NOV_23);

        Result r = marks.apply(result("aws-s3-bucket-logging", Status.UNKNOWN, BUCKET));

        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.suppressed()).isNotNull();
    }

    @Test
    void aMarkAppliesThroughItsExpiryDayAndFailsAgainAfterItSayingWhy() {
        InlineSuppression lastDayToday = mark("aws-s3-bucket-logging", LocalDate.parse("2026-11-23"));
        InlineSuppression expiredYesterday = mark("aws-s3-bucket-logging", LocalDate.parse("2026-11-22"));

        Result kept = new InlineSuppressions(List.of(lastDayToday), NOV_23).apply(result("aws-s3-bucket-logging", Status.FAIL, BUCKET));
        Result back = new InlineSuppressions(List.of(expiredYesterday), NOV_23).apply(result("aws-s3-bucket-logging", Status.FAIL, BUCKET));

        assertThat(kept.suppressed().expires()).isEqualTo("2026-11-23");
        assertThat(back.suppressed()).isNull();
        assertThat(back.actionableFailure()).isTrue();
        assertThat(back.reason()).isEqualTo("no logging (the vigil:ignore at infra/main.tf:2 expired on 2026-11-22: logs go to the SIEM)");
    }

    @Test
    void ruleGlobsMatchWholeIds() {
        assertThat(mark("aws-s3-*", null).matches("aws-s3-bucket-logging")).isTrue();
        assertThat(mark("aws-s3-*", null).matches("aws-iam-user-mfa")).isFalse();
        assertThat(mark("aws-s3-bucket", null).matches("aws-s3-bucket-logging")).isFalse();
        assertThat(mark("*", null).matches("anything")).isTrue();
    }
}
