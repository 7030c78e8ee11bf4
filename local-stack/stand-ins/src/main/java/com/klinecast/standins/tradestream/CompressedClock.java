package com.klinecast.standins.tradestream;

import com.klinecast.standins.clock.UtcClock;
import java.time.Instant;

/**
 * The replay's stream time: starts at an origin and runs {@code speed} times faster than the wall clock once
 * started; with speed 0 it runs not at all by itself and stands at the last trade sent, so a test replays a day
 * as fast as the socket allows and still sees a consistent "now". The collector reads the same clock.
 */
public final class CompressedClock extends UtcClock {

    private final double speed;
    private volatile long origin;
    private volatile long startedNanos = -1;

    public CompressedClock(long originMillis, double speed) {
        if (speed < 0) {
            throw new IllegalArgumentException("speed must be 0 (as fast as possible) or positive, not " + speed);
        }
        this.origin = originMillis;
        this.speed = speed;
    }

    public boolean throttled() {
        return speed > 0;
    }

    synchronized void start() {
        if (startedNanos < 0) {
            startedNanos = System.nanoTime();
        }
    }

    /** Moves an unthrottled clock on to {@code millis}; never back. */
    void advanceTo(long millis) {
        if (!throttled() && millis > origin) {
            origin = millis;
        }
    }

    /** Wall nanoseconds from the start until the clock reads {@code millis}. */
    long wallNanosUntil(long millis) {
        return (long) ((millis - origin) * 1e6 / speed) - (System.nanoTime() - startedNanos);
    }

    @Override
    public long millis() {
        long started = startedNanos;
        if (!throttled() || started < 0) {
            return origin;
        }
        return origin + (long) ((System.nanoTime() - started) / 1e6 * speed);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
