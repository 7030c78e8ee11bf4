package com.klinecast.stream.collector;

import com.klinecast.core.retry.Backoff;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When the next connection attempt may start. Failed attempts back off exponentially with full jitter (core's
 * {@link Backoff}), reset once a connection opens; and no more than 300 attempts start in any 5 minutes, Binance's
 * per-IP limit, whatever the back-off says. Pure: the caller passes the time.
 */
public final class ConnectGate {

    static final int MAX_ATTEMPTS = 300;
    static final long WINDOW_MILLIS = Duration.ofMinutes(5).toMillis();

    private final Backoff backoff;
    private final Deque<Long> attempts = new ArrayDeque<>();
    private int failures;

    public ConnectGate(Backoff backoff) {
        this.backoff = backoff;
    }

    public static ConnectGate withDefaults() {
        return new ConnectGate(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), Integer.MAX_VALUE));
    }

    /** How long to wait from {@code now} before the next attempt (zero for the first, or after a success). */
    public Duration delay(long now) {
        long wait = failures == 0 ? 0 : backoff.delay(failures).toMillis();
        while (!attempts.isEmpty() && attempts.peekFirst() <= now - WINDOW_MILLIS) {
            attempts.pollFirst();
        }
        if (attempts.size() >= MAX_ATTEMPTS) {
            wait = Math.max(wait, attempts.peekFirst() + WINDOW_MILLIS - now);
        }
        return Duration.ofMillis(wait);
    }

    public void attempted(long now) {
        attempts.addLast(now);
    }

    public void failed() {
        failures++;
    }

    public void opened() {
        failures = 0;
    }
}
