package com.klinecast.core.ledger;

import static com.klinecast.core.ledger.LedgerFixtures.BTC;
import static com.klinecast.core.ledger.LedgerFixtures.DAY;
import static com.klinecast.core.ledger.LedgerFixtures.START;
import static com.klinecast.core.ledger.LedgerFixtures.runAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.evaluation.stats.DieboldMariano;
import com.klinecast.core.series.Target;
import com.klinecast.core.testing.EmfCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recording, scoring and the live numbers of the ledger's daily step, on a small hand-checked series. */
class DailyLedgerTest {

    private static final double[] CLOSES = {100, 102, 101, 105, 103, 104, 108, 107, 110, 109};
    private static final double MU = 0.01;

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final LedgerFixtures.StubChampions champions = new LedgerFixtures.StubChampions(
            LedgerFixtures.drift(1, "drift", MU, 2), null);
    private final EmfCapture metrics = new EmfCapture();
    private final DailyLedger daily = new DailyLedger(ledger, champions,
            new LedgerFixtures.Candles(LedgerFixtures.candles(CLOSES)), metrics);

    @Test
    void recordsOneForecastPerOriginAndARerunWritesNothing() {
        LedgerRun first = daily.run(List.of(BTC), runAfter(3), "r1").get(0);
        int scores = ledger.scores;
        LedgerRun again = daily.run(List.of(BTC), runAfter(3), "r2").get(0);

        assertTrue(first.recorded());
        assertEquals("ALREADY_RECORDED", again.recording());
        assertEquals(0, again.scoresWritten());
        assertEquals(1, ledger.records);
        assertEquals(scores, ledger.scores);
        LedgerEntry entry = ledger.entries(BTC, Target.CLOSE, 0, Long.MAX_VALUE).get(0);
        assertEquals(START + 3 * DAY, entry.origin(), "the newest closed candle, not the open one");
        assertEquals(CLOSES[3], entry.originValue());
        assertEquals(CLOSES[3] * Math.exp(2 * MU), entry.points()[1], 1e-9);
        assertEquals(7, entry.quantiles()[0].length);
        assertEquals("static_rw", entry.band());
    }

    @Test
    void aHorizonIsScoredOnlyOnceItsCandleHasClosed() {
        daily.run(List.of(BTC), runAfter(2), "r");
        // Candle 3 closed at the end of its day; at 00:05 the next day candle 4 is open and in the store.
        daily.run(List.of(BTC), runAfter(3), "r");
        LedgerEntry day2 = ledger.entries(BTC, Target.CLOSE, START + 2 * DAY, START + 2 * DAY).get(0);
        assertEquals(List.of(1), List.copyOf(day2.scores().keySet()), "h1 (candle 3) closed, h2 (candle 4) not");
        assertEquals(CLOSES[3], day2.scores().get(1).actual());

        daily.run(List.of(BTC), runAfter(4), "r");
        day2 = ledger.entries(BTC, Target.CLOSE, START + 2 * DAY, START + 2 * DAY).get(0);
        assertEquals(List.of(1, 2), List.copyOf(day2.scores().keySet()));
        int scores = ledger.scores;
        daily.run(List.of(BTC), runAfter(4), "r");
        assertEquals(scores, ledger.scores, "scoring again writes nothing");
    }

    @Test
    void liveNumbersEqualAHandComputation() {
        for (int d = 0; d < CLOSES.length; d++) {
            daily.run(List.of(BTC), runAfter(d), "r");
        }
        SkillReport report = new LiveSkill(ledger).report(BTC, Target.CLOSE).orElseThrow();

        assertEquals("2024-01-10T00:00:00Z", report.asOf());
        SkillReport.Window all = report.window("version 1");
        SkillReport.HorizonSkill h1 = all.at(1);
        // The drift needs two candles, so the first origin is day 1. Sum over origins 1..8 of
        // |c[t+1] - c[t] e^0.01| = 17.17083609018026; of naive's |c[t+1] - c[t]| = 2+1+4+2+1+4+1+3... = 17.
        assertEquals(8, h1.matured());
        assertEquals(17.17083609018026 / 17, h1.mase(), 1e-12);
        // Bands: p25..p75 = point e^±0.01 holds 1 of 8 closes, p10..p90 = point e^±0.03 all 8.
        assertEquals(1.0 / 8, h1.coverage50(), 1e-12);
        assertEquals(1.0, h1.coverage80(), 1e-12);
        double[] model = new double[8];
        double[] naive = new double[8];
        double pinball = 0;
        for (int t = 1; t < 9; t++) {
            double point = CLOSES[t] * Math.exp(MU);
            model[t - 1] = CLOSES[t + 1] - point;
            naive[t - 1] = CLOSES[t + 1] - CLOSES[t];
            double sum = 0;
            for (int i = 0; i < LedgerFixtures.OFFSETS.length; i++) {
                double q = point * Math.exp(LedgerFixtures.OFFSETS[i]);
                double tau = com.klinecast.core.bands.Levels.LEVELS[i];
                double u = CLOSES[t + 1] - q;
                sum += u >= 0 ? tau * u : (tau - 1) * u;
            }
            pinball += sum / LedgerFixtures.OFFSETS.length;
        }
        assertEquals(DieboldMariano.absoluteErrors(model, naive, 1).pBetter(), h1.dmPValue(), 1e-12);
        assertEquals(pinball / 8, h1.pinball(), 1e-9);

        SkillReport.HorizonSkill h2 = all.at(2);
        // Origins 1..7: 8.262550082996654 against naive's 18; p25..p75 holds 5 of 7.
        assertEquals(7, h2.matured());
        assertEquals(8.262550082996654 / 18, h2.mase(), 1e-12);
        assertEquals(5.0 / 7, h2.coverage50(), 1e-12);
        assertEquals(report.window("30d").at(1), new SkillReport.HorizonSkill(1, "30d", 8, h1.mase(),
                h1.dmPValue(), h1.coverage50(), h1.coverage80(), h1.coverage90(), h1.pinball()));
        assertEquals(1, report.versions().size());
        assertEquals(new SkillReport.VersionSpan(1, "drift", "static_rw", "2024-01-02T00:00:00Z",
                "2024-01-10T00:00:00Z"), report.versions().get(0));
    }

    @Test
    void aHorizonWithNothingMaturedHasNullNumbers() {
        daily.run(List.of(BTC), runAfter(1), "r");
        SkillReport report = new LiveSkill(ledger).report(BTC, Target.CLOSE).orElseThrow();
        SkillReport.HorizonSkill h1 = report.window("90d").at(1);
        assertEquals(0, h1.matured());
        assertNull(h1.mase());
        assertNull(h1.dmPValue());
        assertNull(h1.coverage80());
        assertNull(h1.pinball());
        assertTrue(new LiveSkill(ledger).report(BTC, Target.VOLUME).isEmpty(), "no volume ledger");
    }

    @Test
    void noChampionRecordsNothing() {
        champions.champion = null;
        assertTrue(daily.run(List.of(BTC), runAfter(3), "r").isEmpty());
        assertEquals(0, ledger.records);
        assertTrue(metrics.isEmpty());
    }


    @Test
    void reportsLiveMaseAndCoverageOnceThirtyForecastsMatured() throws Exception {
        double[] closes = new double[45];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = 100 + (i % 3);
        }
        EmfCapture emitted = new EmfCapture();
        DailyLedger longer = new DailyLedger(ledger, champions,
                new LedgerFixtures.Candles(LedgerFixtures.candles(closes)), emitted);
        for (int d = 1; d < closes.length; d++) {
            longer.run(List.of(BTC), runAfter(d), "req-" + d);
            if (d == 30) {
                assertTrue(emitted.isEmpty(), "29 matured forecasts are too few: " + emitted);
            }
        }
        com.fasterxml.jackson.databind.JsonNode last = emitted.get(emitted.size() - 1);
        assertEquals("BTCUSDT#1d", last.path("Series").asText(), "as the ingest metrics name it");
        assertEquals("close", last.path("Target").asText());
        assertEquals("1", last.path("Horizon").asText());
        assertEquals("req-44", last.path("requestId").asText());
        SkillReport.HorizonSkill h1 = new LiveSkill(ledger).report(BTC, Target.CLOSE).orElseThrow().window("90d")
                .at(1);
        assertEquals(h1.mase(), last.path("LiveMase").asDouble(), 1e-12, "the 90-day window's numbers");
        assertEquals(h1.coverage80(), last.path("LiveCoverage80").asDouble(), 1e-12);
        // As Powertools printed it: the dimension sets the LiveSkillAlarm reads (Function, Target, Horizon).
        com.fasterxml.jackson.databind.JsonNode directive = last.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("Klinecast", directive.path("Namespace").asText());
        assertEquals("[[\"Function\",\"Series\",\"Target\",\"Horizon\"],[\"Function\",\"Target\",\"Horizon\"]]",
                directive.path("Dimensions").toString());
    }
}
