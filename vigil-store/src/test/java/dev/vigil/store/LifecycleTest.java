package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Status;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    @Test
    void transitions() {
        assertThat(Lifecycle.onResult(null, Status.FAIL, false)).isEqualTo(FindingStatus.OPEN);
        assertThat(Lifecycle.onResult(FindingStatus.OPEN, Status.FAIL, false)).isEqualTo(FindingStatus.OPEN);
        assertThat(Lifecycle.onResult(FindingStatus.RESOLVED, Status.FAIL, false)).isEqualTo(FindingStatus.REOPENED);
        assertThat(Lifecycle.onResult(FindingStatus.REOPENED, Status.PASS, false)).isEqualTo(FindingStatus.RESOLVED);
        assertThat(Lifecycle.onResult(null, Status.PASS, false)).isNull();
        assertThat(Lifecycle.onResult(FindingStatus.OPEN, Status.FAIL, true)).isEqualTo(FindingStatus.SUPPRESSED);
        assertThat(Lifecycle.onResult(FindingStatus.SUPPRESSED, Status.FAIL, false)).isEqualTo(FindingStatus.OPEN);
        for (FindingStatus s : FindingStatus.values()) {
            assertThat(Lifecycle.onResult(s, Status.ERROR, false)).isEqualTo(s);
            assertThat(Lifecycle.onResult(s, Status.UNKNOWN, false)).isEqualTo(s);
        }
        assertThat(Lifecycle.onResult(null, Status.ERROR, false)).isNull();
        assertThat(Lifecycle.onResourceGone(FindingStatus.REOPENED)).isEqualTo(FindingStatus.RESOLVED);
    }
}
