package com.klinecast.core.ledger;

import static com.klinecast.core.ledger.LedgerFixtures.BTC;
import static com.klinecast.core.ledger.LedgerFixtures.DAY;
import static com.klinecast.core.ledger.LedgerFixtures.START;
import static com.klinecast.core.ledger.LedgerFixtures.runAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.evaluation.stats.DieboldMariano;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.TestWindow;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.PublishedVolatility;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The volatility champion's ledger on days whose Parkinson variance is k a² (a = ln(high / low), k = 1 / 4 ln 2),
 * forecast by the mean of the last two days: QLIKE depends on ratios only, so the values below are by hand.
 */
class VolatilityLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** ln(high / low) of days 0..5. */
    private static final double[] RANGES = {0.02, 0.04, 0.03, 0.05, 0.01, 0.02};
    private static final double K = 1 / (4 * Math.log(2));

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final LedgerFixtures.StubChampions champions = new LedgerFixtures.StubChampions(null, null);
    private final DailyLedger daily = new DailyLedger(ledger, champions, new LedgerFixtures.Candles(candles()),
            s -> { });

    VolatilityLedgerTest() {
        champions.volatility = meanOfTwo(Map.of("horizons", List.of(1, 2), "variance", "parkinson"));
    }

    private static PublishedVolatility meanOfTwo(Map<String, Object> config) {
        return PublishedVolatility.of(new ModelManifest(BTC, 4, Instant.parse("2024-01-01T00:00:00Z"), Map.of(), 0,
                TestWindow.parse("2023-07-01T00:00:00Z", "2023-12-31T00:00:00Z"), JSON.valueToTree(config),
                null, JSON.valueToTree(Map.of("kind", "mean", "days", 2)),
                JSON.valueToTree(Map.of("validationTo", "2023-06-30T00:00:00Z")), null, null, null));
    }

    /** Flat open and close at 100, the high e^a above: a day's variance is k a². */
    private static List<Candle> candles() {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < RANGES.length; i++) {
            out.add(candle(START + i * DAY, DAY, RANGES[i]));
        }
        return out;
    }

    private static Candle candle(long open, long length, double range) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        return new Candle(open, hundred, BigDecimal.valueOf(100 * Math.exp(range)), hundred, hundred,
                BigDecimal.TEN, open + length - 1, BigDecimal.ONE, 1, BigDecimal.ONE, BigDecimal.ONE);
    }

    private static double variance(int day) {
        return K * RANGES[day] * RANGES[day];
    }

    private static double qlike(double ratio) {
        return ratio - Math.log(ratio) - 1;
    }

    private LedgerEntry entry(int originDay) {
        return ledger.entries(BTC, Target.VOLATILITY, START + originDay * DAY, START + originDay * DAY).get(0);
    }

    @Test
    void recordsTheForecastFromTheNewestClosedDayAndARerunWritesNothing() {
        LedgerRun first = daily.run(List.of(BTC), runAfter(2), "r1").get(0);
        LedgerRun again = daily.run(List.of(BTC), runAfter(2), "r2").get(0);

        assertEquals("volatility", first.target());
        assertTrue(first.recorded());
        assertEquals("ALREADY_RECORDED", again.recording());
        assertEquals(0, again.scoresWritten());
        assertEquals(1, ledger.records);
        assertEquals(0, ledger.scores);
        LedgerEntry e = entry(2);
        assertEquals(4, e.version());
        assertEquals("mean2", e.family());
        assertEquals("parkinson", e.variance().toString());
        assertNull(e.band());
        assertNull(e.quantiles());
        assertEquals(variance(2), e.originValue(), 1e-15, "naive: the origin day's variance");
        double mean = (variance(1) + variance(2)) / 2;
        assertEquals(mean, e.points()[0], 1e-15);
        assertEquals(mean, e.points()[1], 1e-15);
    }

    @Test
    void aHorizonIsScoredOnlyOnceItsLastDayHasClosedByQlikeBesideNaive() {
        daily.run(List.of(BTC), runAfter(2), "r");
        // At 00:05 after day 3 closed, day 4 is open (and in the store): h1 of origin 2 is scored, h2 is not.
        LedgerRun day3 = daily.run(List.of(BTC), runAfter(3), "r").get(0);
        assertEquals(1, day3.scoresWritten());
        Score h1 = entry(2).scores().get(1);
        assertEquals(List.of(1), List.copyOf(entry(2).scores().keySet()));
        assertEquals(START + 3 * DAY, h1.targetTime());
        assertEquals(variance(3), h1.actual(), 1e-15);
        // Forecast k (0.04² + 0.03²) / 2 = k 0.00125, realized k 0.05² = k 0.0025, naive k 0.03² = k 0.0009.
        assertEquals(1 - Math.log(2), h1.qlike(), 1e-12);
        assertEquals(16.0 / 9 - Math.log(25.0 / 9), h1.naiveQlike(), 1e-12);
        assertEquals(Math.pow(K * 0.00125, 2), h1.squaredError(), 1e-18);
        assertEquals(Math.pow(K * 0.0016, 2), h1.naiveSquaredError(), 1e-18);
        assertNull(h1.in80());

        daily.run(List.of(BTC), runAfter(4), "r");
        Score h2 = entry(2).scores().get(2);
        // The mean over days 3 and 4: k (0.0025 + 0.0001) / 2 = k 0.0013.
        assertEquals((variance(3) + variance(4)) / 2, h2.actual(), 1e-15);
        assertEquals(qlike(1.04), h2.qlike(), 1e-12);
        assertEquals(qlike(13.0 / 9), h2.naiveQlike(), 1e-12);
        int scores = ledger.scores;
        daily.run(List.of(BTC), runAfter(4), "r");
        assertEquals(scores, ledger.scores, "scoring again writes nothing");
    }

    @Test
    void aRealizedVersionIsRecordedAndScoredFromTheDaysHoursWhereAll24AreHeld() {
        champions.volatility = meanOfTwo(Map.of("horizons", List.of(1, 2), "variance", "parkinson",
                "realized", "1h"));
        // Day 2's 24 hours each range 0.005, day 3's 0.01; day 4 lacks an hour, so its own candle measures it.
        List<Candle> hours = new ArrayList<>();
        long hour = 3_600_000L;
        for (int h = 0; h < 24; h++) {
            hours.add(candle(START + 2 * DAY + h * hour, hour, 0.005));
            hours.add(candle(START + 3 * DAY + h * hour, hour, 0.01));
            if (h > 0) {
                hours.add(candle(START + 4 * DAY + h * hour, hour, 0.02));
            }
        }
        List<Candle> days = candles();
        LedgerCandles byInterval = new LedgerCandles() {
            private LedgerFixtures.Candles of(Series series) {
                return new LedgerFixtures.Candles(series.interval() == BTC.interval() ? days : hours);
            }

            @Override
            public List<Candle> before(Series series, long openTime, int n) {
                return of(series).before(series, openTime, n);
            }

            @Override
            public List<Candle> range(Series series, long from, long to) {
                return of(series).range(series, from, to);
            }
        };
        DailyLedger realized = new DailyLedger(ledger, champions, byInterval, s -> { });
        for (int d = 2; d <= 4; d++) {
            realized.run(List.of(BTC), runAfter(d), "r");
        }

        LedgerEntry e = entry(2);
        assertEquals("parkinson+1h", e.variance().toString());
        assertEquals(24 * K * 0.005 * 0.005, e.originValue(), 1e-15);
        assertEquals((variance(1) + 24 * K * 0.005 * 0.005) / 2, e.points()[0], 1e-15);
        assertEquals(24 * K * 0.01 * 0.01, e.scores().get(1).actual(), 1e-15);
        assertEquals((24 * K * 0.01 * 0.01 + variance(4)) / 2, e.scores().get(2).actual(), 1e-15);
    }

    @Test
    void liveSkillIsQlikeAndMseOverNaivesWithTheDmPValueOnQlike() {
        for (int d = 2; d <= 4; d++) {
            daily.run(List.of(BTC), runAfter(d), "r");
        }
        SkillReport report = new LiveSkill(ledger).report(BTC, Target.VOLATILITY).orElseThrow();
        SkillReport.HorizonSkill h1 = report.window("version 4").at(1);

        // Origins 2 and 3 at h1: origin 3 forecast k 0.0017 (days 2, 3), realized k 0.0001, naive k 0.0025.
        double[] model = {1 - Math.log(2), qlike(1.0 / 17)};
        double[] naive = {qlike(25.0 / 9), qlike(0.04)};
        assertEquals(2, h1.matured());
        assertEquals((model[0] + model[1]) / (naive[0] + naive[1]), h1.qlikeRatio(), 1e-12);
        assertEquals((1.25 * 1.25 + 1.6 * 1.6) / (1.6 * 1.6 + 2.4 * 2.4), h1.mseRatio(), 1e-9);
        assertEquals(DieboldMariano.ofDifferentials(new double[] {model[0] - naive[0], model[1] - naive[1]}, 1)
                .pBetter(), h1.dmPValue(), 1e-12);
        assertNull(h1.mase());
        assertNull(h1.coverage80());
        assertNull(h1.pinball());
        assertEquals(report.window("30d").at(1).qlikeRatio(), h1.qlikeRatio());
        assertEquals(1, report.window("90d").at(2).matured());
        assertEquals(new SkillReport.VersionSpan(4, "mean2", null, "2024-01-03T00:00:00Z", "2024-01-05T00:00:00Z",
                "parkinson"), report.versions().get(0));
        assertTrue(new LiveSkill(ledger).report(BTC, Target.CLOSE).isEmpty(), "no close champion, no close ledger");
    }
}
