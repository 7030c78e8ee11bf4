package com.klinecast.stream;

import sun.misc.Signal;

/**
 * SIGTERM (ECS stopping the task) and SIGINT (Ctrl+C) as a request to stop, not an abrupt exit: the JVM's own
 * handling would run shutdown hooks and exit 143, whereas the collector writes its partial minute and the process
 * exits 0. {@code sun.misc.Signal} is the JDK's only hook for this (jdk.unsupported, supported in practice).
 */
public final class StopSignals {

    private StopSignals() {
    }

    /** Runs {@code stop} on a thread of its own at the first TERM or INT; a second one exits at once. */
    public static void onStop(Runnable stop) {
        boolean[] stopping = {false};
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                synchronized (stopping) {
                    if (stopping[0]) {
                        Runtime.getRuntime().halt(130);
                    }
                    stopping[0] = true;
                }
                Thread thread = new Thread(stop, "stop-on-" + signal.getName());
                thread.start();
            });
        }
    }
}
