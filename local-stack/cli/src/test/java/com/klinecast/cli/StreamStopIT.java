package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.testing.BundledData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code klinecast stream} as a real process, stopped mid-minute the way ECS (SIGTERM) and Ctrl+C (SIGINT) stop
 * it: it must write the open minute marked incomplete and exit 0 within 5 seconds.
 *
 * <p>At 10x the replay's clock starts, as the collector connects, a minute before the day's first minute (04:00):
 * the first trade (04:00:28) arrives about 8.8 s after connecting, and minute 04:00 closes at 04:01:00 plus the 12 s
 * grace, 13.2 s in. The signal at 11 s falls inside it, 2.2 s from either end.
 */
class StreamStopIT {

    private static final double SPEED = 10;
    private static final long SIGNAL_AFTER_MS = 11_000;
    private static final long FIRST_MINUTE = 1502942400000L;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aStopMidMinuteWritesThatMinuteIncompleteAndExitsZeroWithinFiveSeconds(String signal) throws Exception {
        Path trades = BundledData.dir().resolve("../trades/BTCUSDT-trades-2017-08-17.csv").normalize();
        Path err = dataDir.resolve("stream.err");
        Process stream = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Klinecast.class.getName(),
                "--data-dir", dataDir.toString(), "--replay-dir", BundledData.dir().toString(), "stream", "--symbol",
                "BTCUSDT",
                "--replay-trades", trades.toString(), "--speed", String.valueOf(SPEED))
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();
        try {
            long started = awaitLine(stream, err, "stream: connection 1 open");
            TimeUnit.MILLISECONDS.sleep(Math.max(0, SIGNAL_AFTER_MS - (System.currentTimeMillis() - started)));
            assertTrue(stream.isAlive(), Files.readString(err));

            long signalled = System.nanoTime();
            assertEquals(0, new ProcessBuilder("kill", "-s", signal, String.valueOf(stream.pid())).start().waitFor());
            boolean exited = stream.waitFor(5, TimeUnit.SECONDS);
            long tookMs = (System.nanoTime() - signalled) / 1_000_000;

            assertTrue(exited, "still running 5 s after SIG" + signal + ":\n" + Files.readString(err));
            assertEquals(0, stream.exitValue(), Files.readString(err));
            System.out.println("SIG" + signal + ": exited 0 after " + tookMs + " ms");
        } finally {
            stream.destroyForcibly();
        }

        CliRun listed = CliRun.in(dataDir.toString(), "minutes", "--symbol", "BTCUSDT", "--date", "2017-08-17",
                "--json");
        assertEquals(0, listed.exitCode(), listed.toString());
        List<JsonNode> minutes = new ArrayList<>();
        Reports.JSON.readTree(listed.out()).forEach(minutes::add);
        assertFalse(minutes.isEmpty(), Files.readString(err));
        assertEquals(FIRST_MINUTE, minutes.get(0).get("openTime").asLong());
        List<String> fields = new ArrayList<>();
        minutes.get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("openTime", "open", "high", "low", "close", "volume", "quoteVolume", "trades",
                "takerBuyVolume", "meanPrice", "incomplete", "source"), fields, "the issue's minutes --json fields");
        assertTrue(minutes.stream().allMatch(m -> m.get("source").asText().equals("stream")
                && m.get("meanPrice").isTextual()));
        JsonNode last = minutes.get(minutes.size() - 1);
        assertTrue(last.get("incomplete").asBoolean(), "the minute open at the stop: " + last);
        assertTrue(last.get("trades").asLong() >= 1);
        assertTrue(minutes.subList(0, minutes.size() - 1).stream().noneMatch(m -> m.get("incomplete").asBoolean()),
                "only the minute open at the stop is incomplete: " + minutes);
        assertTrue(Files.readString(err).contains("1 incomplete"), Files.readString(err));
    }

    /** Waits for the child to print {@code text}; returns when it did (epoch ms). */
    private static long awaitLine(Process process, Path log, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.readString(log).contains(text)) {
                return System.currentTimeMillis();
            }
            if (!process.isAlive()) {
                throw new AssertionError("klinecast stream ended early:\n" + Files.readString(log));
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("klinecast stream did not start within 60 s:\n" + Files.readString(log));
    }
}
