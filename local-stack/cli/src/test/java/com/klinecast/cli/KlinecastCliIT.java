package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's path end to end: the CLI over the handler, dynalite on disk, the replay of real klines. */
class KlinecastCliIT {

    @TempDir
    Path dataDir;

    /** Runs the CLI in-process and returns its exit code, standard output (results) and error (progress). */
    private record Run(int exitCode, String out, String err) {
    }

    private Run klinecast(String... args) {
        CliRun run = CliRun.in(dataDir.toString(), args);
        return new Run(run.exitCode(), run.out(), run.err());
    }

    @Test
    void ingestsTheDailyHistoryOnceAndStatusReportsIt() throws Exception {
        Run first = klinecast("ingest", "--symbol", "BTCUSDT", "--interval", "1d");
        Run second = klinecast("ingest", "--symbol", "BTCUSDT", "--interval", "1d");
        Run status = klinecast("status", "--json");

        assertEquals(0, first.exitCode(), first.out());
        assertTrue(first.out().contains("BTCUSDT#1d: COMPLETE, 2875 candles written"), first.out());
        assertTrue(first.out().contains("3 requests"), first.out());
        assertTrue(second.out().contains("ALREADY_COMPLETE, 0 candles written, 0 requests"), second.out());
        JsonNode series = Reports.JSON.readTree(status.out()).get("series").get(0);
        assertEquals("BTCUSDT#1d", series.get("series").asText());
        assertEquals(2875, series.get("candles").asLong());
        assertEquals(0, series.get("gaps").asInt());
        assertTrue(series.get("backfillComplete").asBoolean());
    }

    @Test
    void nowStopsTheBackfillAtTheLastCandleClosedByThen() {
        Run run = klinecast("ingest", "--symbol", "BTCUSDT", "--interval", "1d", "--now", "2025-06-20T00:00:00Z");

        assertTrue(run.out().contains("2864 candles written (2017-08-17T00:00:00Z .. 2025-06-19T00:00:00Z)"),
                run.out());
    }

    @Test
    void aSimulatedLambdaTimeoutStopsCleanlyAndTheNextRunResumes() {
        // A time-out shorter than the stop margin: the handler stops before its first page.
        Run cut = klinecast("ingest", "--symbol", "ETHUSDT", "--interval", "1d", "--lambda-timeout", "30");
        Run resumed = klinecast("ingest", "--symbol", "ETHUSDT", "--interval", "1d");

        assertTrue(cut.out().contains("ETHUSDT#1d: PARTIAL, 0 candles written"), cut.out());
        assertTrue(resumed.out().contains("ETHUSDT#1d: COMPLETE, 2875 candles written"), resumed.out());
    }

    @Test
    void theDailyJobAppendsExactlyTheElevenCandlesClosedSinceAnEarlierBackfill() throws Exception {
        klinecast("ingest", "--symbol", "BTCUSDT", "--interval", "1d", "--now", "2025-06-20T00:00:00Z");

        Run daily = klinecast("daily", "--now", "2025-07-01T00:05:00Z");
        Run again = klinecast("daily", "--now", "2025-07-01T00:05:00Z");
        Run status = klinecast("status", "--json", "--now", "2025-07-01T00:05:00Z");

        assertTrue(daily.out().contains("11 candles written (2025-06-20T00:00:00Z .. 2025-06-30T00:00:00Z)"),
                daily.out());
        assertTrue(again.out().contains("0 candles written"), again.out());
        JsonNode series = Reports.JSON.readTree(status.out()).get("series").get(0);
        assertEquals(2875, series.get("candles").asLong());
        assertEquals(0, series.get("staleCandles").asLong());
        assertEquals("v1", series.get("featureVersions").asText());
        assertEquals(1, series.get("flaggedRows").asLong());
    }

    @Test
    void theDailyJobOnANeverBackfilledSeriesSaysSoAndFails() {
        Run daily = klinecast("daily", "--symbol", "ETHUSDT", "--now", "2025-07-01T00:05:00Z");

        assertEquals(1, daily.exitCode());
        assertTrue(daily.out().contains("NOT_BACKFILLED") && daily.out().contains("never backfilled"), daily.out());
    }

    @Test
    void trainsPublishesPromotesByTheRuleAndBacktestsTheChampion() throws Exception {
        klinecast("ingest", "--symbol", "BTCUSDT", "--interval", "1d");
        Path tiny = java.nio.file.Files.writeString(dataDir.resolve("tiny.json"),
                "{\"epochs\": 1, \"hiddenUnits\": [8, 8]}");

        Run first = klinecast("train", "--config", tiny.toString());
        Run second = klinecast("train", "--config", tiny.toString());
        Run models = klinecast("models");
        Run modelsJson = klinecast("models", "--json");
        Run backtest = klinecast("backtest", "--from", "2025-01-01", "--to", "2025-03-01", "--horizons", "1,7");
        Run backtestJson = klinecast("backtest", "--version", "1", "--from", "2025-01-01", "--to", "2025-03-01",
                "--horizons", "1,7", "--json");
        Run promote = klinecast("models", "promote", "--version", "3", "--reason", "a demo of the override");
        Run promoted = klinecast("models");
        Run leaky = klinecast("backtest", "--from", "2019-01-01", "--to", "2019-03-01");
        Run volume = klinecast("train", "--config", tiny.toString(), "--target", "volume");
        Run volumeModels = klinecast("models", "--target", "volume");
        Run volumeForecast = klinecast("forecast", "--target", "volume", "--days", "3");
        Run volatility = klinecast("train", "--target", "volatility", "--epochs", "1");
        Run volatilityBacktest = klinecast("backtest", "--target", "volatility", "--from", "2025-01-01", "--to",
                "2025-03-01", "--horizons", "1,7", "--json");
        Run volatilityForecast = klinecast("forecast", "--target", "volatility", "--days", "3");
        Run volatilityModels = klinecast("models", "--target", "volatility");
        Run closeWithRange = klinecast("forecast", "--days", "3", "--json");

        assertEquals(0, first.exitCode(), first.out());
        // A series without a champion gets naive (v1) as its first champion and drift (v2) as its first challenger.
        // The job's log and the epochs are progress, on standard error; the result is on standard output.
        assertTrue(first.err().contains("naive published as v1, the first champion"), first.err());
        assertTrue(first.err().contains("drift published as v2"), first.err());
        assertTrue(first.err().contains("epoch   1/1") && !first.out().contains("epoch   1/1"), first.out());
        assertTrue(first.out().contains("version 3 written; "), first.out());
        assertTrue(first.out().contains("naive MAE") && first.out().contains("DM p"), first.out());
        // The second run is judged by the rule against the champion, not published as a first champion.
        assertTrue(second.out().contains("version 4 written; "), second.out());
        assertTrue(second.out().contains("against champion v") || second.out().contains(" over v"), second.out());
        assertTrue(models.out().lines().anyMatch(l -> l.startsWith("v1       naive")), models.out());
        assertEquals(1, models.out().lines().filter(l -> l.endsWith("<- champion")).count(), models.out());
        // Created to the second, so every row's test window starts in the header's column.
        int window = models.out().lines().findFirst().orElseThrow().indexOf("TEST WINDOW");
        assertTrue(models.out().lines().filter(l -> l.startsWith("v")).allMatch(l -> l.startsWith("20", window)
                && l.matches("v\\d+ .* \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ .*")), models.out());
        JsonNode listed = Reports.JSON.readTree(modelsJson.out());
        assertEquals(4, listed.path("versions").size(), modelsJson.out());
        int champion = listed.path("champion").path("version").asInt();
        for (JsonNode v : listed.path("versions")) {
            assertEquals(v.path("version").asInt() == champion, v.path("champion").asBoolean(), modelsJson.out());
            assertTrue(v.path("horizons").isArray() && v.path("createdAt").asText().endsWith("Z"), v.toString());
        }
        assertEquals(0, backtest.exitCode(), backtest.out());
        assertTrue(backtest.out().contains("origins 2025-01-01T00:00:00Z .. 2025-03-01T00:00:00Z (60)"),
                backtest.out());
        assertEquals(0, backtestJson.exitCode(), backtestJson.out());
        com.fasterxml.jackson.databind.JsonNode h1 = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(backtestJson.out()).path("horizons").get(0);
        for (String field : java.util.List.of("horizon", "origins", "mae", "naiveMae", "mase", "maseLow", "maseHigh",
                "dmPValue", "coverage50", "coverage80", "coverage80Low", "coverage80High", "coverage90", "pinball", "crps", "directionAccuracy",
                "upShare")) {
            assertTrue(h1.path(field).isNumber(), "backtest --json on a window after training has " + field + ": "
                    + h1);
        }
        assertEquals(0, promote.exitCode(), promote.out());
        assertTrue(promoted.out().lines().anyMatch(l -> l.startsWith("v3") && l.endsWith("<- champion")),
                promoted.out());
        assertTrue(promoted.out().contains("promoted by operator over v") && promoted.out().contains(
                "a demo of the override"), promoted.out());
        assertEquals(2, leaky.exitCode(), "origins inside the training range are refused");
        // A volume model has its own versions and champion: its own naive, seasonal naive, mean7, drift and network.
        // The job's progress goes to stderr, its result to stdout.
        assertTrue(volume.err().contains("seasonal_naive published as v2"), volume.err());
        assertTrue((volume.out() + volume.err()).contains("version 5 written; "), volume.out() + volume.err());
        assertTrue(volumeModels.out().lines().anyMatch(l -> l.startsWith("v1       naive")), volumeModels.out());
        assertEquals(1, volumeModels.out().lines().filter(l -> l.endsWith("<- champion")).count(),
                volumeModels.out());
        assertEquals(0, volumeForecast.exitCode(), volumeForecast.out());
        assertTrue(volumeForecast.out().lines().anyMatch(l -> l.trim().startsWith("horizon") && l.contains("volume")),
                volumeForecast.out());
        // Volatility: naive, mean30, HAR, the LSTM and the MLP (capped at --epochs) in their own registry, backtested by QLIKE, served with a range.
        assertEquals(0, volatility.exitCode(), volatility.out());
        assertTrue(volatility.out().contains("volatility naive published as v1; promoted"), volatility.out());
        assertTrue(volatility.out().contains("QLIKE ratio"), volatility.out());
        assertTrue(volatility.out().contains("volatility lstm published as v4")
                && volatility.out().contains("volatility mlp published as v5"), volatility.out());
        assertEquals(0, volatilityBacktest.exitCode(), volatilityBacktest.out());
        JsonNode v1 = Reports.JSON.readTree(volatilityBacktest.out()).path("horizons").get(0);
        for (String field : java.util.List.of("qlikeRatio", "mseRatio", "dmPValue")) {
            assertTrue(v1.path(field).isNumber(), field + " in " + v1);
        }
        assertEquals(0, volatilityForecast.exitCode(), volatilityForecast.out());
        assertTrue(volatilityModels.out().contains("QLr h1") && volatilityModels.out().contains("v5       mlp"),
                volatilityModels.out());
        assertTrue(volatilityForecast.out().contains("daily vol %"), volatilityForecast.out());
        assertTrue(Reports.JSON.readTree(closeWithRange.out()).path("forecast").get(0).has("expectedRange"),
                closeWithRange.out());
    }

    @Test
    void tunesOnValidationTrainsTheWinnerAndTheResultsTableGoesIntoTheReadme() throws Exception {
        klinecast("ingest", "--symbol", "BTCUSDT", "--interval", "1d");
        Path grid = java.nio.file.Files.writeString(dataDir.resolve("grid.json"),
                "{\"hiddenUnits\": [[4], [8]], \"window\": [14], \"epochs\": [1]}");
        Path winner = dataDir.resolve("winner.json");
        Path candidates = java.nio.file.Files.writeString(dataDir.resolve("candidates.json"),
                "[{\"name\": \"small\", \"about\": \"four units\", \"config\": {\"epochs\": 1, \"hiddenUnits\": [4]}}]");
        Path readme = java.nio.file.Files.writeString(dataDir.resolve("README.md"),
                "# R\n<!-- results:start -->\nold\n<!-- results:end -->\nafter\n");

        Run tune = klinecast("tune", "--grid", grid.toString(), "--save-winner", winner.toString());
        Run results = klinecast("results", "--symbols", "BTCUSDT", "--candidates", candidates.toString(),
                "--candidate", "tuned=" + winner, "--write-readme", "--readme", readme.toString());

        assertEquals(0, tune.exitCode(), tune.out());
        assertTrue(tune.out().contains("2 of 2 grid points (grid search), seed 42"), tune.out());
        assertTrue(tune.out().contains("(the test split is not read)"), tune.out());
        assertEquals(2, tune.out().lines().filter(l -> l.matches("\\s+[12]\\s+[12]\\s+\\d+\\.\\d{4} .*hiddenUnits=\\[[48]\\]"))
                .count(), tune.out());
        assertTrue(tune.out().contains("version 3 written; "), "after naive and drift: " + tune.out());
        assertTrue(tune.out().contains("naive MAE"), "the winner's test backtest beside naive");
        assertEquals(14, com.klinecast.training.config.TrainingConfigs.load(winner, java.util.Map.of()).window());
        assertEquals(0, results.exitCode(), results.out());
        String written = java.nio.file.Files.readString(readme);
        assertTrue(written.startsWith("# R\n<!-- results:start -->\nOn each series' test origins: MASE vs naive"),
                written);
        assertTrue(written.contains("\n**BTCUSDT 1d**, test origins 2024-04-25"), written);
        assertTrue(written.contains("| h1 MASE | DM p | cov80 | skill | h7 MASE |"), written);
        assertTrue(written.contains("naive") && written.contains("drift"), "the baselines beside the candidates");
        assertTrue(written.contains("\n| small | ") && written.contains("\n| tuned | "), written);
        assertTrue(written.endsWith("<!-- results:end -->\nafter\n"), written);
    }

    @Test
    void upRunsThePipelineToServingAndASecondUpOnlyServes() {
        Run first = klinecast("up", "--smoke", "--port", "0", "--epochs", "1");
        Run second = klinecast("up", "--smoke", "--port", "0", "--epochs", "1");
        Run forecast = klinecast("forecast", "--days", "3");
        Run tooFar = klinecast("forecast", "--days", "31");
        Run never = klinecast("forecast", "--symbol", "DOGEUSDT");
        Run status = klinecast("status");

        assertEquals(0, first.exitCode(), first.out());
        assertTrue(first.out().contains("2875 candles written"), first.out());
        assertTrue(first.out().contains("no model yet; training one"), first.out());
        assertTrue(first.out().contains("GET /forecast -> 200"), first.out());
        assertEquals(0, second.exitCode(), second.out());
        assertTrue(first.err().contains("naive published as v1, the first champion"), first.err());
        assertTrue(second.out().matches("(?s).*champion v\\d+ serves; nothing to train.*"), second.out());
        // The second up's workers catch the complete series up: one request, nothing new.
        assertTrue(second.out().contains("BTCUSDT#1d: COMPLETE, 0 candles written, 1 request"), second.out());
        assertEquals(0, forecast.exitCode(), forecast.out());
        assertEquals(3, forecast.out().lines().filter(l -> l.matches("\\s+\\d+  2025-07-0\\d.*")).count(),
                forecast.out());
        assertEquals(2, tooFar.exitCode(), "31 days is past the model's longest horizon: bad input");
        assertTrue(tooFar.err().contains("error: invalid days: 'days' must be from 1 to 30"), tooFar.err());
        assertEquals(1, tooFar.err().lines().count(), "said once: " + tooFar.err());
        assertTrue(never.err().contains("error: DOGEUSDT 1d has no candles: it was never ingested (./klinecast "
                + "ingest --symbol DOGEUSDT"), never.err());
        assertEquals(1, never.err().lines().count(), "said once: " + never.err());
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("BTCUSDT#1d") && l.endsWith("complete     v1")),
                status.out());
    }

    @Test
    void aTypoInAnOptionIsABadInputExitWithTheReason() {
        assertEquals(2, klinecast("ingest", "--interval", "1x").exitCode());
    }
}
