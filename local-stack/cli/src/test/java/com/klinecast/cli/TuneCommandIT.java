package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

/** How tune and results read their command lines, and that bad input fails before anything starts. */
class TuneCommandIT {

    @TempDir
    Path dir;

    private static Object parse(String... args) {
        ParseResult parsed = Klinecast.commandLine().parseArgs(args);
        return parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void readsTheTuneOptions() {
        TuneCommand tune = (TuneCommand) parse("tune", "--symbol", "ETHUSDT", "--interval", "1d", "--grid", "g.json",
                "--seed", "7", "--trials", "12", "--save-winner", "w.json");

        assertEquals("ETHUSDT 1d", tune.options.series().toString());
        assertEquals(Path.of("g.json"), tune.grid);
        assertEquals(7L, tune.seed);
        assertEquals(12, tune.trials);
        assertEquals(Path.of("w.json"), tune.saveWinner);
    }

    @Test
    void tuneDefaultsToTheBundledGridSearchedInFull() {
        TuneCommand tune = (TuneCommand) parse("tune");

        assertEquals("BTCUSDT 1d", tune.options.series().toString());
        assertNull(tune.grid);
        assertNull(tune.seed, "the config's seed");
        assertNull(tune.trials, "every grid point");
    }

    @Test
    void readsTheResultsOptions() {
        ResultsCommand results = (ResultsCommand) parse("results", "--symbols", "BTCUSDT,ETHUSDT",
                "--candidate", "lstm-tuned=w.json", "--horizons", "1,7", "--write-readme", "--readme", "R.md");

        assertEquals(List.of("BTCUSDT", "ETHUSDT"), results.symbols);
        assertEquals(Map.of("lstm-tuned", Path.of("w.json")), results.extra);
        assertArrayEquals(new int[] {1, 7}, results.horizons);
        assertTrue(results.writeReadme);
        assertEquals(Path.of("R.md"), results.readme);
        assertFalse(((ResultsCommand) parse("results")).writeReadme);
    }

    @Test
    void aBadGridIsABadInputExitBeforeTheStackStarts() throws Exception {
        Path grid = Files.writeString(dir.resolve("grid.json"), "{\"testFraction\": [0.1, 0.2]}");
        Path badValue = Files.writeString(dir.resolve("bad.json"), "{\"dropout\": [0.1, 1.5]}");
        Path dataDir = dir.resolve("data");

        assertEquals(2, Klinecast.run("--data-dir", dataDir.toString(), "tune", "--grid", grid.toString()));
        assertEquals(2, Klinecast.run("--data-dir", dataDir.toString(), "tune", "--grid", badValue.toString()));
        assertEquals(2, Klinecast.run("--data-dir", dataDir.toString(), "tune", "--trials", "many"));
        assertFalse(Files.exists(dataDir), "nothing started");
    }
}
