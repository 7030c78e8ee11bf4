package com.klinecast.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code klinecast up --smoke} end to end, each run its own JVM with the launcher's flags: seconds from the
 * spawn to "serving" (the line the smoke test prints once the API listens), the stages on the way (read from
 * the time each stage's line arrived), the whole run and its peak resident set.
 */
public final class UpBenchmark {

    /**
     * One run, in seconds from the spawn: to the line each stage prints as it starts ({@code [1/4] backfill},
     * {@code [2/4]} daily, {@code [3/4]} model, {@code [4/4]} serve), to "serving on" (the API listening), to exit;
     * and the peak RSS in MB.
     */
    public record Run(double backfillAt, double dailyAt, double modelAt, double serveAt, double serving, double wall,
            double rssMb) {

        /** JVM start, picocli, dynalite on the data dir and the replay: spawn to the first stage. */
        public double startupSeconds() {
            return backfillAt;
        }

        public double backfillSeconds() {
            return dailyAt - backfillAt;
        }

        public double dailySeconds() {
            return modelAt - dailyAt;
        }

        /** Registry check, and training when no champion serves. */
        public double modelSeconds() {
            return serveAt - modelAt;
        }

        /** S3Proxy (if not started yet), the predict handler and the HTTP API. */
        public double serveSeconds() {
            return serving - serveAt;
        }
    }

    private UpBenchmark() {
    }

    public static Run run(Path dataDir, Path replayDir) {
        List<String> command = List.of(Child.java(), "-Xmx1g", "-jar", Project.cliJar().toString(), "--data-dir",
                dataDir.toString(), "--replay-dir", replayDir.toString(), "up", "--smoke", "--port", "0");
        Child.Result up = Child.run(command, Map.of("OMP_NUM_THREADS", "1"), Duration.ofMinutes(10))
                .requireSuccess("klinecast up --smoke");
        return new Run(at(up, "[1/4]"), at(up, "[2/4]"), at(up, "[3/4]"), at(up, "[4/4]"), at(up, "serving on"),
                up.wallSeconds(), up.peakRssMb());
    }

    private static double at(Child.Result up, String prefix) {
        return up.secondsTo(l -> l.startsWith(prefix)).orElseThrow(() -> new IllegalStateException(
                "no '" + prefix + "' line in the output of up:\n" + up.output()));
    }
}
