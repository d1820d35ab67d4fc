package dev.vigil.store;

import dev.vigil.model.Resource;
import dev.vigil.model.Severity;
import dev.vigil.model.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Run in a child JVM by {@link StoreContractTest}: records a scan that resolves the finding and,
 * once the findings are written inside the open transaction, says so and waits to be SIGKILLed.
 */
public final class KilledRecorder {
    public static void main(String[] args) throws Exception {
        try (JdbcStore store = JdbcStore.open(args[0], Clock.systemUTC(), Duration.ofSeconds(5), Suppressions.NONE)) {
            store.failPoint = point -> {
                if (point.equals("findings")) {
                    System.out.println("WRITTEN");
                    System.out.flush();
                    Thread.sleep(60_000);
                }
            };
            Resource b = StoreContractTest.bucket("logs", "eu-west-1");
            store.record(StoreContractTest.report(StoreContractTest.T2, StoreContractTest.result(b, Status.PASS, Severity.HIGH)), List.of(b));
        }
        System.exit(3); // never reached when killed
    }
}
