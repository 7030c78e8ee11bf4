package com.klinecast.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Blocks a serving command until Ctrl+C (or SIGTERM), then lets it close its servers and stores itself before the
 * JVM exits, so the data dir is left consistent.
 */
final class UntilStopped {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    UntilStopped() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "klinecast-stop"));
    }

    /** Waits for the signal. */
    void await() {
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called once the command has closed everything: the JVM may exit. */
    void closed() {
        closed.countDown();
    }
}
