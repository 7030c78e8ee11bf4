package com.klinecast.core.testing;

import com.klinecast.core.retry.Sleeper;
import com.klinecast.standins.replay.ReplayClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the waits asked for instead of sleeping; optionally moves a test clock forward by each wait. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();
    private final ReplayClock clock;

    public RecordingSleeper() {
        this(null);
    }

    public RecordingSleeper(ReplayClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        if (clock != null) {
            clock.set(clock.instant().plus(duration));
        }
    }

    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
