package com.klinecast.core.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential back-off with full jitter: attempt n waits a random time in [0, min(cap, base * 2^n)].
 * Jitter keeps concurrent writers (or Lambdas) from retrying in lock-step.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

    public Backoff {
        if (base.isNegative() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 <= base <= cap and at least one attempt");
        }
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry) {
        long ceiling = base.toMillis() << Math.min(retry - 1, 20);
        long bounded = Math.min(cap.toMillis(), Math.max(ceiling, 0));
        return Duration.ofMillis(bounded == 0 ? 0 : ThreadLocalRandom.current().nextLong(bounded + 1));
    }
}
