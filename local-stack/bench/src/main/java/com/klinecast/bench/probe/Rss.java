package com.klinecast.bench.probe;

import java.nio.file.Files;
import java.nio.file.Path;

/** This process's peak resident set (VmHWM), in kB; -1 where /proc is not there. */
final class Rss {

    private Rss() {
    }

    static long peakKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
        } catch (Exception e) {
            return -1;
        }
    }
}
