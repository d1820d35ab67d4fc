package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaTest {
    static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    static Finding finding(FindingStatus status, Severity severity, Instant resolvedAt) {
        return new Finding("f", "r", "aws", "aws.s3.bucket", "b", "b", "1", "eu-west-1", status, severity, "", T, T, resolvedAt, 1, 1);
    }

    @Test
    void defaults_are_a_day_a_week_a_month_and_a_quarter() {
        Sla sla = Sla.defaults();
        assertThat(sla.target(Severity.CRITICAL)).isEqualTo(Duration.ofHours(24));
        assertThat(sla.target(Severity.HIGH)).isEqualTo(Duration.ofDays(7));
        assertThat(sla.target(Severity.MEDIUM)).isEqualTo(Duration.ofDays(30));
        assertThat(sla.target(Severity.LOW)).isEqualTo(Duration.ofDays(90));
        assertThat(sla.target(Severity.INFO)).isNull();
    }

    @Test
    void a_partial_setting_keeps_the_other_defaults_and_none_removes_a_target() {
        Sla sla = Sla.parse("critical=12h, low=none,info=2w");
        assertThat(sla.target(Severity.CRITICAL)).isEqualTo(Duration.ofHours(12));
        assertThat(sla.target(Severity.HIGH)).isEqualTo(Duration.ofDays(7));
        assertThat(sla.target(Severity.LOW)).isNull();
        assertThat(sla.target(Severity.INFO)).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void bad_settings_name_the_part_that_is_wrong() {
        assertThatThrownBy(() -> Sla.parse("critical")).hasMessage("'critical' is not SEVERITY=DURATION (e.g. high=7d)");
        assertThatThrownBy(() -> Sla.parse("high=7y")).hasMessage("'high=7y': duration must be a number and a unit m, h, d or w (e.g. 7d)");
        assertThatThrownBy(() -> Sla.parse("high=0d")).hasMessage("'high=0d': duration must be positive");
        assertThatThrownBy(() -> Sla.parse("urgent=1d")).hasMessageContaining("unknown severity 'urgent'");
    }

    @Test
    void states_against_the_target() {
        Sla sla = Sla.defaults();
        assertThat(sla.state(finding(FindingStatus.OPEN, Severity.CRITICAL, null), T.plus(Duration.ofHours(24)))).isEqualTo(Sla.State.WITHIN);
        assertThat(sla.state(finding(FindingStatus.REOPENED, Severity.CRITICAL, null), T.plus(Duration.ofHours(25)))).isEqualTo(Sla.State.BREACHED);
        assertThat(sla.state(finding(FindingStatus.RESOLVED, Severity.HIGH, T.plus(Duration.ofDays(6))), T.plus(Duration.ofDays(99))))
                .isEqualTo(Sla.State.MET);
        assertThat(sla.state(finding(FindingStatus.RESOLVED, Severity.HIGH, T.plus(Duration.ofDays(8))), T)).isEqualTo(Sla.State.MISSED);
        assertThat(sla.state(finding(FindingStatus.SUPPRESSED, Severity.CRITICAL, null), T.plus(Duration.ofDays(8)))).isEqualTo(Sla.State.NONE);
        assertThat(sla.state(finding(FindingStatus.OPEN, Severity.INFO, null), T.plus(Duration.ofDays(800)))).isEqualTo(Sla.State.NONE);
        assertThat(Sla.human(Duration.ofHours(75))).isEqualTo("3d 3h");
        assertThat(Sla.human(Duration.ofMinutes(90))).isEqualTo("1h 30m");
    }
}
