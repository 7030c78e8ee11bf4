package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the operator reads for bad input and in the help: one line per problem, exit 2, whole words. */
class CliMessagesIT {

    @TempDir
    Path temp;

    private CliRun klinecast(String... args) {
        return CliRun.in(temp.toString(), args);
    }

    private static void assertBadInput(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(expected), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    @Test
    void anImpossibleDateNamesItsOption() {
        assertBadInput(klinecast("backtest", "--from", "2025-13-01", "--to", "2025-06-01"),
                "--from '2025-13-01' is not a date (2025-07-01) or an ISO-8601 instant");
        assertBadInput(klinecast("ingest", "--now", "yesterday"), "--now 'yesterday' is not a date");
        assertBadInput(klinecast("ingest", "--from", "soon"), "--from 'soon' is not a date");
        assertBadInput(klinecast("train", "--train-until", "2025-02-30"), "--train-until '2025-02-30'");
        assertBadInput(klinecast("train", "--interval", "1m", "--train-from", "2021-05-21", "--train-until",
                "2021-05-20T23:59:00Z"), "--train-from 2021-05-21 must be before --train-until 2021-05-20T23:59:00Z");
    }

    @Test
    void aHorizonBelowOneIsBadInput() {
        assertBadInput(klinecast("backtest", "--from", "2025-01-01", "--to", "2025-02-01", "--horizons", "1,0"),
                "--horizons must be 1 or more intervals ahead, got 0");
    }

    @Test
    void resultsComparesCloseOrVolatilityModelsAndEachWritesWhereItBelongs() {
        assertBadInput(klinecast("results", "--target", "volume"), "results compares close models");
        assertBadInput(klinecast("results", "--target", "speed"), "unknown target 'speed'");
        assertBadInput(klinecast("results", "--target", "volatility", "--write-readme"),
                "--target volatility takes no --candidates, --candidate or --write-readme");
        assertBadInput(klinecast("results", "--write-docs"), "--write-docs is for --target volatility");
        assertBadInput(klinecast("results", "--variance", "garman_klass"), "--variance is for --target volatility");
    }

    @Test
    void aVersionThatDoesNotExistIsBadInput() {
        assertBadInput(klinecast("backtest", "--version", "9", "--from", "2025-01-01", "--to", "2025-06-01"),
                "no model v000009 for BTCUSDT 1d");
    }

    @Test
    void anUnparseableCommandLineIsOneLineNotTheUsage() {
        assertBadInput(klinecast("backtest", "--to", "2025-01-01"), "Missing required option: '--from=DATE' "
                + "(klinecast backtest --help shows the usage)");
        assertBadInput(klinecast("forecast", "--days", "x"), "Invalid value for option '--days'");
        assertBadInput(klinecast("forecast", "--dayz", "3"), "Unknown options: '--dayz', '3'; did you mean --days");
    }

    @Test
    void invokeWithoutAnEventIsRefusedInsteadOfSendingAnEmptyOne() {
        assertBadInput(klinecast("invoke", "IngestFunction"), "Missing required option: '--event=FILE'");
    }

    @Test
    void theHelpListsTheExitCodesAndWrapsBetweenWordsOnly() {
        CliRun root = klinecast("--help");
        CliRun train = klinecast("train", "--help");
        CliRun invoke = klinecast("invoke", "--help");
        CliRun results = klinecast("results", "--help");
        CliRun tune = klinecast("tune", "--help");
        CliRun backtest = klinecast("backtest", "--help");
        CliRun promote = klinecast("models", "promote", "--help");

        for (CliRun help : new CliRun[] {root, train, invoke, results, tune, backtest, promote}) {
            assertEquals(0, help.exitCode(), help.toString());
            assertTrue(help.out().contains("Exit codes:"), help.out());
            assertTrue(help.out().lines().anyMatch(l -> l.matches("\\s+2\\s+Bad input.*")), help.out());
            assertTrue(help.out().lines().allMatch(l -> l.length() <= 80), help.out());
            // The JDK's line breaker splits after a hyphen or a slash: no line may end inside such a word.
            assertTrue(help.out().lines().noneMatch(l -> l.matches(".*\\w[-/]$")), help.out());
        }
        assertTrue(root.out().contains("https://data-api.binance.vision"), root.out());
        assertTrue(root.out().lines().anyMatch(l -> l.trim().equals(".klinecast.") || l.endsWith(" .klinecast.")),
                root.out());
        assertTrue(train.out().contains("training-default.json"), train.out());
        assertTrue(train.out().contains("an MLP or an LSTM") && train.out().contains("naive and drift"),
                train.out());
        assertFalse(train.out().contains("Train an LSTM"), train.out());
        assertTrue(backtest.out().startsWith("Usage: klinecast backtest"), backtest.toString());
        assertTrue(promote.out().startsWith("Usage: klinecast models promote"), promote.toString());
    }
}
