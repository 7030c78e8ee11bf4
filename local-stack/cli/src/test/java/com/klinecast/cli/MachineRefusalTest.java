package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A data dir or port the stack cannot use, and out-of-range input, are refused before anything starts: exit 2,
 * one line on standard error naming the problem, no stack trace.
 */
class MachineRefusalTest {

    @TempDir
    Path temp;

    private static void assertRefused(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains(expected), run.toString());
        assertFalse(run.out().contains("[1/4]"), "no stage started: " + run);
    }

    @Test
    void anEmptyDataDirIsRefusedInsteadOfUsingTheCurrentDirectory() {
        Path cwd = Path.of("").toAbsolutePath();
        boolean hadTables = Files.exists(cwd.resolve("dynamodb"));

        assertRefused(CliRun.in("", "status"), "error: --data-dir is empty");
        assertEquals(hadTables, Files.exists(cwd.resolve("dynamodb")), "nothing written to the current directory");
    }

    @Test
    void aFileGivenAsTheDataDirIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");

        assertRefused(CliRun.in(file.toString(), "status"), "data dir " + file + " is a file, not a directory");
        assertRefused(CliRun.in(file.resolve("below").toString(), "ingest"), "cannot be created: Not a directory");
    }

    @Test
    void aDataDirUnderProcIsRefused() {
        assertRefused(CliRun.in("/proc/klinecast-data", "status"), "data dir /proc/klinecast-data cannot be created");
    }

    @Test
    void aReadOnlyDataDirIsRefusedForEveryCommandStatusIncluded() throws Exception {
        try (ReadOnlyDir dir = ReadOnlyDir.at(temp.resolve("ro"))) {
            for (String command : new String[] {"status", "ingest", "models", "train"}) {
                assertRefused(CliRun.in(dir.path().toString(), command), "is not writable: ");
            }
        }
    }

    @Test
    void aTakenPortIsRefusedBeforeTheFirstStage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertRefused(CliRun.in(temp.toString(), "up", "--smoke", "--port", Integer.toString(port)),
                    "error: port " + port + " is already in use");
            assertRefused(CliRun.in(temp.toString(), "serve", "--port", Integer.toString(port)),
                    "error: port " + port + " is already in use");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "366", "1000000000", "-1"})
    void forecastDaysOutOfRangeIsBadInput(String days) {
        assertRefused(CliRun.in(temp.toString(), "forecast", "--days", days),
                "error: --days " + days
                + " is out of range: from 1 to the served model's longest horizon (at most 365)");
    }

    @Test
    void aHugeSymbolIsNotEchoedWhole() {
        String symbol = "A".repeat(100_000);

        CliRun run = CliRun.in(temp.toString(), "forecast", "--symbol", symbol);

        assertRefused(run, "error: invalid symbol 'AAAA");
        assertTrue(run.err().length() < 300, run.err().length() + " characters");
    }
}
