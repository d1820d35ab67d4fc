package dev.vigil.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ReportStateType;

class IamCollectorTest {
    /** A clock that only the sleeper moves. */
    final AtomicLong nanos = new AtomicLong();
    final List<Long> pauses = new ArrayList<>();

    ReportStateType await(Duration limit, ReportStateType... answers) {
        var queue = new ArrayDeque<>(List.of(answers));
        return IamCollector.awaitReport(() -> queue.size() > 1 ? queue.poll() : queue.peek(), limit, nanos::get, ms -> {
            pauses.add(ms);
            nanos.addAndGet(ms * 1_000_000);
        });
    }

    @Test
    void theReportIsAskedForAgainUntilItIsComplete() {
        assertThat(await(Duration.ofSeconds(60), ReportStateType.STARTED, ReportStateType.INPROGRESS, ReportStateType.COMPLETE))
                .isEqualTo(ReportStateType.COMPLETE);
        assertThat(pauses).containsExactly(500L, 1000L);
    }

    @Test
    void aReportAlreadyCompleteIsNotWaitedFor() {
        assertThat(await(Duration.ofSeconds(60), ReportStateType.COMPLETE)).isEqualTo(ReportStateType.COMPLETE);
        assertThat(pauses).isEmpty();
    }

    @Test
    void theWaitIsBoundedAndEndsWithTheLastStateSeen() {
        assertThat(await(Duration.ofSeconds(20), ReportStateType.INPROGRESS)).isEqualTo(ReportStateType.INPROGRESS);
        assertThat(pauses.stream().mapToLong(Long::longValue).sum()).isEqualTo(20_000L);
        assertThat(pauses).allMatch(p -> p <= 5000L);
    }
}
