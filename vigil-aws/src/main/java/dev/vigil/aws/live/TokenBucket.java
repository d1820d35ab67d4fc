package dev.vigil.aws.live;

/**
 * A token bucket: {@code rate} permits per second on average, up to {@code burst} at once. Callers
 * that find it empty sleep (cheap on virtual threads) rather than spin.
 */
final class TokenBucket {
    private final double rate;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(double rate, double burst) {
        this.rate = rate;
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
                last = now;
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                waitNanos = (long) ((1 - tokens) / rate * 1e9);
            }
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
