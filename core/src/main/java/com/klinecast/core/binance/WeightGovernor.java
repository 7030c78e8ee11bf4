package com.klinecast.core.binance;

import com.klinecast.core.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;

/**
 * Keeps this client's request weight under Binance's per-minute limit. Binance reports the IP's weight used in
 * the current calendar minute in {@code X-MBX-USED-WEIGHT-1M}; before a request that would cross our share of
 * the limit, we wait for the next minute, when the window resets.
 */
final class WeightGovernor {

    private final Clock clock;
    private final Sleeper sleeper;
    private final int budget;
    private int used;
    private long windowStart;
    private long waits;

    WeightGovernor(Clock clock, Sleeper sleeper, int limitPerMinute, double headroom) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.budget = Math.max(2, (int) Math.floor(limitPerMinute * headroom));
        this.windowStart = minuteOf(clock.millis());
    }

    /** Blocks until a request of {@code weight} fits in the current minute's budget. */
    synchronized void acquire(int weight) throws InterruptedException {
        roll();
        if (used + weight > budget) {
            long nextMinute = windowStart + 60_000L;
            // A little slack: the exchange's minute boundary and ours differ by clock skew.
            long wait = nextMinute - clock.millis() + 250;
            if (wait > 0) {
                waits++;
                sleeper.sleep(Duration.ofMillis(wait));
            }
            roll();
            if (used + weight > budget) {
                used = 0;
            }
        }
        used += weight;
    }

    /** Trusts the exchange's count for the current window over our own. */
    synchronized void observe(int usedWeight) {
        roll();
        used = usedWeight;
    }

    synchronized int used() {
        return used;
    }

    synchronized long waits() {
        return waits;
    }

    private void roll() {
        long minute = minuteOf(clock.millis());
        if (minute != windowStart) {
            windowStart = minute;
            used = 0;
        }
    }

    private static long minuteOf(long millis) {
        return millis - Math.floorMod(millis, 60_000L);
    }
}
