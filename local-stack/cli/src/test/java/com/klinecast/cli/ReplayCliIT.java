package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} then {@code skill} through the CLI on the bundled data: a short stretch of days (one training, the
 * first, which makes naive the champion), the live record's counts, and a second replay writing nothing.
 */
class ReplayCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private CliRun run(String... args) {
        return CliRun.in(temp.toString(), args);
    }

    @Test
    void aReplayedStretchIsRecordedScoredAndASecondReplayWritesNothing() throws Exception {
        CliRun first = run("replay", "--symbol", "BTCUSDT", "--from", "2025-05-01", "--to", "2025-05-12");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("replayed 12 days (2025-05-01 .. 2025-05-12)"), first.out());
        assertTrue(first.out().contains(": 12 forecasts recorded (0 already there)"), first.out());
        assertTrue(first.err().contains("12/12 days"), "progress on standard error: " + first.err());

        CliRun skill = run("skill", "--symbol", "BTCUSDT", "--json");
        assertEquals(0, skill.exitCode(), skill.toString());
        JsonNode report = JSON.readTree(skill.out());
        assertEquals("2025-05-11T00:00:00Z", report.path("asOf").asText(), "the newest candle closed on 05-12");
        JsonNode h1 = report.path("windows").get(0).path("horizons").get(0);
        assertEquals("30d", h1.path("window").asText());
        assertEquals(11, h1.path("matured").asInt(), "origins 04-30 .. 05-10 have their next close");
        assertEquals(1.0, h1.path("mase").asDouble(), 1e-12, "naive serves: its MASE is 1");
        assertEquals("naive", report.path("versions").get(0).path("family").asText());

        CliRun second = run("replay", "--symbol", "BTCUSDT", "--from", "2025-05-01", "--to", "2025-05-12");
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.out().contains(": 0 forecasts recorded (12 already there), 0 horizon scores written, "
                + "0 trainings"), second.out());
        assertEquals(JSON.readTree(skill.out()), JSON.readTree(run("skill", "--symbol", "BTCUSDT", "--json").out()));

        CliRun earlier = run("replay", "--symbol", "BTCUSDT", "--from", "2025-04-01", "--to", "2025-04-02");
        assertEquals(2, earlier.exitCode(), "days before what the table holds would see the future: " + earlier);
        assertTrue(earlier.err().contains("use a fresh --data-dir"), earlier.err());
    }

    @Test
    void badInputIsRefusedInOneLine() {
        CliRun backwards = run("replay", "--from", "2025-05-12", "--to", "2025-05-01");
        assertEquals(2, backwards.exitCode(), backwards.toString());
        assertEquals(1, backwards.errLines().size(), backwards.toString());
        assertTrue(backwards.err().contains("--to 2025-05-01 is before --from 2025-05-12"), backwards.err());

        CliRun hourly = run("replay", "--interval", "1h", "--from", "2020-01-01", "--to", "2020-01-02");
        assertEquals(2, hourly.exitCode(), hourly.toString());

        CliRun target = run("skill", "--target", "price");
        assertEquals(2, target.exitCode(), target.toString());

        CliRun none = run("skill", "--symbol", "BTCUSDT");
        assertEquals(1, none.exitCode(), none.toString());
        assertEquals(1, none.errLines().size(), none.toString());
        assertTrue(none.err().startsWith("BTCUSDT 1d has no close ledger"), none.err());
    }
}
