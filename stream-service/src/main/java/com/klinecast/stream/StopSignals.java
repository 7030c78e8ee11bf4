package com.klinecast.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM (ECS stopping the task) and SIGINT (Ctrl+C) as a request to stop, not an abrupt exit: the JVM's own
 * handling would run shutdown hooks and exit 143, whereas the collector writes its partial minute and the process
 * exits 0. {@code sun.misc.Signal} is the JDK's only hook for this (jdk.unsupported, supported in practice).
 */
public final class StopSignals implements AutoCloseable {

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private StopSignals() {
    }

    /**
     * Runs {@code stop} on a thread of its own at the first TERM or INT (a second one exits at once), until closed;
     * closing puts the handlers back that were there before.
     */
    public static StopSignals onStop(Runnable stop) {
        StopSignals signals = new StopSignals();
        boolean[] stopping = {false};
        for (String name : new String[] {"TERM", "INT"}) {
            Signal signal = new Signal(name);
            signals.previous.put(signal, Signal.handle(signal, received -> {
                synchronized (stopping) {
                    if (stopping[0]) {
                        Runtime.getRuntime().halt(130);
                    }
                    stopping[0] = true;
                }
                new Thread(stop, "stop-on-" + received.getName()).start();
            }));
        }
        return signals;
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
