package com.klinecast.standins.replay;

import com.klinecast.standins.clock.UtcClock;
import java.time.Instant;

/**
 * The replay's "now": fixed at a chosen instant (so a test or {@code --now} can stand on any day of the
 * bundled history) or following the system clock. Settable while the server runs, so tests can move time.
 */
public final class ReplayClock extends UtcClock {

    private volatile Instant fixed;

    private ReplayClock(Instant fixed) {
        this.fixed = fixed;
    }

    public static ReplayClock system() {
        return new ReplayClock(null);
    }

    public static ReplayClock fixedAt(Instant now) {
        return new ReplayClock(now);
    }

    public void set(Instant now) {
        this.fixed = now;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }
}
