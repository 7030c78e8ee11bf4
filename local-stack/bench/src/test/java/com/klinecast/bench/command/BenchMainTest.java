package com.klinecast.bench.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmarks' command line: the CLI's root and global options with {@code bench} under it. */
class BenchMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int bench(String... args) {
        CommandLine cli = BenchMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheParts() {
        assertEquals(0, bench("--data-dir", "unused", "bench", "--help"));
        assertTrue(out.toString().startsWith("Usage: klinecast bench "), out.toString());
        assertTrue(out.toString().contains("ingest") && out.toString().contains("predict"), out.toString());
    }

    @Test
    void replayIsASourceAsWellAsACommand() {
        assertEquals(0, bench("--source", "replay", "--data-dir", "unused", "bench", "--help"));
    }

    @Test
    void badOptionsExitAsTheCliDoes() {
        assertEquals(2, bench("bench", "--runs", "0"));
        assertTrue(err.toString().startsWith("error: --runs, --requests, --cold-runs and --sizes must be positive"),
                err.toString());
    }
}
