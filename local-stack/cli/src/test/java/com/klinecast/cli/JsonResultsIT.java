package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `--json` on the commands that print a result: standard output is one JSON document, progress goes elsewhere. */
class JsonResultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void featuresPrintsTheFeatureSetAsJson() throws Exception {
        CliRun run = CliRun.in(dataDir.toString(), "features", "--json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode set = JSON.readTree(run.out());
        assertEquals(9, set.path("names").size(), run.out());
        assertEquals(30, set.path("lookback").asInt(), run.out());
    }

    @Test
    void tunePrintsItsLeaderboardAndTheWinnersTrainingAsOneDocument() throws Exception {
        assertEquals(0, CliRun.in(dataDir.toString(), "ingest", "--symbol", "BTCUSDT", "--interval", "1d")
                .exitCode());
        Path grid = Files.writeString(dataDir.resolve("grid.json"), "{\"hiddenUnits\": [[4], [8]], \"epochs\": [1]}");

        CliRun run = CliRun.in(dataDir.toString(), "tune", "--grid", grid.toString(), "--json");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(2, result.path("leaderboard").size(), run.out());
        assertEquals(result.path("winner").asInt(), result.path("leaderboard").get(0).path("trial").asInt());
        assertTrue(result.path("trained").path("version").asInt() >= 3, "naive and drift come first: " + run.out());
        assertTrue(run.err().contains("Leaderboard"), "the table goes to standard error: " + run.err());
    }
}
