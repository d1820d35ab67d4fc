package dev.vigil.cli;

import dev.vigil.aws.live.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows a live collection's progress on standard error: a bar redrawn in place on a terminal
 * (units done of total, the unit just finished, API calls so far), one plain line per unit when
 * standard error is a pipe or a file (CI logs).
 */
final class ProgressPrinter implements Progress {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void identified(String account, String principal, List<String> regions) {
        err.println("vigil: scanning account " + account + " as " + principal + " in " + regions.size() + " region(s): " + String.join(", ", regions));
        err.flush();
    }

    @Override
    public void planned(int units) {
        total = units;
    }

    @Override
    public synchronized void finished(String service, String region, String failure, long apiCalls) {
        int n = done.incrementAndGet();
        if (terminal) {
            int filled = total == 0 ? WIDTH : n * WIDTH / total;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total + " units  " + pad(service + " " + region, 28)
                    + " " + apiCalls + " API calls" + (failure != null ? "  (errors: see gaps)" : "") + "   ");
            if (n == total) err.println();
        } else {
            err.println("vigil: " + n + "/" + total + " " + service + " " + region + (failure == null ? " done" : " FAILED: " + failure)
                    + " (" + apiCalls + " API calls so far)");
        }
        err.flush();
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s.substring(0, w) : s + " ".repeat(w - s.length());
    }
}
