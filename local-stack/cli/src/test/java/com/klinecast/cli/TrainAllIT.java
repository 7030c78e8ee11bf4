package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code klinecast train --all}: every catalog series in turn, as the fan-out runs one task each on AWS. */
class TrainAllIT {

    @TempDir
    Path dataDir;

    private CliRun klinecast(String... args) {
        return CliRun.in(dataDir.toString(), args);
    }

    @Test
    void aSeriesThatFailsDoesNotStopTheOthersAndTheExitNamesIt() throws Exception {
        // AAAUSDT sorts first and has no candles: it fails before BTCUSDT and ETHUSDT train.
        assertEquals(0, klinecast("series", "add", "--symbols", "AAAUSDT,BTCUSDT,ETHUSDT", "--intervals", "1d")
                .exitCode());
        assertEquals(0, klinecast("ingest", "--symbol", "BTCUSDT", "--interval", "1d").exitCode());
        assertEquals(0, klinecast("ingest", "--symbol", "ETHUSDT", "--interval", "1d").exitCode());
        Path tiny = Files.writeString(dataDir.resolve("tiny.json"), "{\"epochs\": 1, \"hiddenUnits\": [8]}");

        CliRun all = klinecast("train", "--all", "--config", tiny.toString());

        assertEquals(1, all.exitCode(), all.toString());
        assertTrue(all.err().contains("AAAUSDT#1d failed, going on with the other series"), all.err());
        assertTrue(all.err().contains("2 of 3 series trained"), all.err());
        String last = all.errLines().get(all.errLines().size() - 1);
        assertTrue(last.startsWith("error: 1 of 3 series failed: AAAUSDT#1d ("), all.err());
        assertFalse(all.err().contains("\tat "), "no stack trace: " + all.err());
        // Each trained series: its baselines (v1, v2), then the network as v3.
        assertEquals(2, all.out().lines().filter(l -> l.startsWith("version 3 written")).count(), all.out());
        String models = klinecast("models", "--symbol", "ETHUSDT").out();
        assertTrue(models.lines().anyMatch(l -> l.startsWith("v3 ")), "the series after the failed one trained: "
                + models);
    }

    @Test
    void allWithASeriesOrAnEmptyCatalogIsBadInput() {
        CliRun both = klinecast("train", "--all", "--symbol", "ETHUSDT");
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains("drop --symbol"), both.err());

        CliRun empty = klinecast("train", "--all");
        assertEquals(2, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("the series catalog is empty"), empty.err());
    }
}
