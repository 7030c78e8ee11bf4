package com.klinecast.core.retry;

import java.time.Duration;

/** Waits; injected so tests can observe and skip the waits that rate limits and back-off ask for. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
