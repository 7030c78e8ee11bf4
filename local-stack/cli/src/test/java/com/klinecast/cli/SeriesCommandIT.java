package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code klinecast series}: the catalog in the local feature table (dynalite), synced from the replay. */
class SeriesCommandIT {

    @TempDir
    Path dataDir;

    private CliRun series(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "series";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.in(dataDir.toString(), all);
    }

    @Test
    void addsListsRemovesAndSyncs() {
        assertTrue(series("list").out().contains("the catalog is empty"), "an empty catalog says what runs");

        CliRun added = series("add", "--symbols", "BTCUSDT,ETHUSDT", "--intervals", "1d,1h");
        assertEquals(0, added.exitCode(), added.toString());
        assertEquals("BTCUSDT#1d\nBTCUSDT#1h\nETHUSDT#1d\nETHUSDT#1h\n", series("list").out());

        assertEquals(0, series("remove", "--symbols", "ETHUSDT", "--intervals", "1h").exitCode());
        assertEquals("[ \"BTCUSDT#1d\", \"BTCUSDT#1h\", \"ETHUSDT#1d\" ]\n", series("list", "--json").out());

        // The replay trades what it has files for: BTCUSDT and ETHUSDT, quoted in USDT.
        CliRun dryRun = series("sync", "--quote", "USDT", "--intervals", "1w", "--dry-run");
        assertTrue(dryRun.out().startsWith("would add 2 series"), dryRun.toString());
        assertEquals(3, series("list").out().lines().count(), "a dry run changes nothing");
        assertTrue(series("sync", "--quote", "USDT", "--intervals", "1w").out().contains("the catalog holds 5"));
        assertTrue(series("sync", "--quote", "BTC").out().startsWith("added 0 series"));
    }

    @Test
    void aBadSymbolOrIntervalIsBadInputInOneLine() {
        CliRun symbol = series("add", "--symbols", "btc/usdt");
        CliRun interval = series("add", "--symbols", "BTCUSDT", "--intervals", "7x");

        assertEquals(2, symbol.exitCode());
        assertEquals(1, symbol.errLines().size(), symbol.toString());
        assertTrue(symbol.err().contains("invalid symbol 'btc/usdt'"), symbol.toString());
        assertEquals(2, interval.exitCode());
        assertEquals(1, interval.errLines().size(), interval.toString());
        assertTrue(series("list").out().contains("the catalog is empty"), "nothing was added");
    }
}
