package com.klinecast.standins.clock;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A replay's clock: its instants are all a subclass decides; the zone is always UTC, as Binance's times are. */
public abstract class UtcClock extends Clock {

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the replay clock is always UTC");
    }
}
