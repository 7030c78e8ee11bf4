package com.klinecast.daily;

import com.klinecast.core.testing.EmfCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.bands.BandJson;
import com.klinecast.core.bands.StaticRandomWalk;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.LogReturns;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.ingest.Deadline;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ledger.LedgerEntry;
import com.klinecast.core.ledger.LedgerRun;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.ModelDraft;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.S3ModelRegistry;
import com.klinecast.core.registry.TestWindow;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.LedgerFollowUp;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.LedgerTable;
import com.klinecast.core.testing.IngestFixture;
import com.klinecast.core.testing.LocalS3;
import com.klinecast.core.testing.ScheduledFunctionFixture;
import com.klinecast.core.volatility.MeanVariance;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.core.volatility.VolatilityLoss;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The daily handler with its ledger step, end to end on dynalite, S3Proxy and the Binance replay: one forecast
 * recorded per day from the newest closed candle (the volatility champion's too), horizons scored as their candles
 * close, and a rerun of a day writing nothing new.
 */
class DailyLedgerIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Instant BACKFILL_NOW = Instant.parse("2025-06-01T00:00:00Z");

    @RegisterExtension
    final ScheduledFunctionFixture function = new ScheduledFunctionFixture("DailyFunction",
            Duration.ofMinutes(5), BACKFILL_NOW);
    private final IngestFixture fixture = function.ingest;
    private final String table = function.table;
    private final S3Client s3 = LocalS3.client();
    private final S3ModelRegistry registry = new S3ModelRegistry(s3, LocalS3.newVersionedBucket(s3));
    private final EmfCapture metrics = new EmfCapture();
    private final LedgerTable ledger = new LedgerTable(fixture.ddb, table);

    /** A naive champion with a static random-walk band fitted on the stored candles, as the training job's. */
    private int naiveChampion() {
        List<Bar> bars = bars();
        int version = publish("naive", Baselines.scaling(ModelFamily.NAIVE, bars, Target.CLOSE), bars);
        registry.promote(BTC_1D, version, "test champion");
        return version;
    }

    private List<Bar> bars() {
        return new FeatureTable(fixture.ddb, table, BatchWriter.withDefaults(fixture.ddb))
                .latest(BTC_1D, 400).stream().map(Bar::of).toList();
    }

    /** A baseline version (naive, or drift with the given scaling) forecasting 1 .. 30 days. */
    private int publish(String family, Object scaling, List<Bar> bars) {
        ModelManifest manifest = registry.publish(BTC_1D, ModelDraft.builder()
                .promotionScore(1)
                .testWindow(TestWindow.parse("2025-01-01T00:00:00Z", "2025-04-30T00:00:00Z"))
                .config(Map.of("model", family, "target", "close", "forecast", "direct", "horizons",
                        List.of(1, 7, 30)))
                .features(Map.of("columns", List.of("close"), "window", 1, "featureSetVersion", 1))
                .scaler(scaling)
                .trainingData(Map.of("trainFrom", "2024-05-01T00:00:00Z", "trainTo", "2024-12-31T00:00:00Z"))
                .metrics(Map.of("band", BandJson.tree(StaticRandomWalk.fit(bars, 30))))
                .libraries(Map.of("java", "17"))
                .gitCommit("test")
                .build());
        return manifest.version();
    }

    private List<LedgerRun> daily(LedgerFollowUp followUp, Instant time) {
        ScheduledEvent event = function.eventAt("daily-scheduled.json", time);
        int before = followUp.runs().size();
        new DailyHandler(function.scheduled(table, Map.of()).then(followUp)).handleRequest(event, function.context());
        return followUp.runs().subList(before, followUp.runs().size());
    }

    @Test
    void recordsOneForecastADayScoresItAsItMaturesAndARerunWritesNothing() {
        fixture.market.set(BACKFILL_NOW);
        IngestConfig config = fixture.config(table, Map.of());
        IngestReport backfill = fixture.service(config).run(config.request(Map.of(), BACKFILL_NOW, List.of(BTC_1D)), Deadline.NONE);
        assertTrue(backfill.allComplete(), backfill.toString());
        naiveChampion();
        LedgerFollowUp followUp = LedgerFollowUp.create(fixture.ddb, table, registry, metrics);

        Instant day = Instant.parse("2025-06-02T00:05:00Z");
        for (int d = 0; d < 11; d++) {
            List<LedgerRun> runs = daily(followUp, day.plus(Duration.ofDays(d)));
            assertEquals(1, runs.size(), "close only: no volume champion");
            assertTrue(runs.get(0).recorded(), runs.toString());
        }

        List<LedgerEntry> entries = ledger.entries(BTC_1D, Target.CLOSE, 0, Long.MAX_VALUE);
        assertEquals(11, entries.size());
        assertEquals(Instant.parse("2025-06-01T00:00:00Z").toEpochMilli(), entries.get(0).origin());
        assertEquals(Instant.parse("2025-06-11T00:00:00Z").toEpochMilli(), entries.get(10).origin(),
                "the newest closed candle at 2025-06-12T00:05Z");
        // Horizon 1 of origins 06-01 .. 06-10 has closed; horizon 7 of 06-01 .. 06-04 only.
        assertEquals(10, entries.stream().filter(e -> e.scores().containsKey(1)).count());
        assertEquals(4, entries.stream().filter(e -> e.scores().containsKey(7)).count());
        assertEquals(30, entries.get(0).horizons());
        LedgerEntry first = entries.get(0);
        assertEquals(first.originValue(), first.points()[0], "naive repeats the origin's close");
        assertEquals(first.scores().get(1).absError(), first.scores().get(1).naiveAbsError());
        assertEquals("static_rw", first.band());

        List<LedgerRun> rerun = daily(followUp, day.plus(Duration.ofDays(10)));
        assertEquals("ALREADY_RECORDED", rerun.get(0).recording());
        assertEquals(0, rerun.get(0).scoresWritten());
        List<LedgerEntry> after = ledger.entries(BTC_1D, Target.CLOSE, 0, Long.MAX_VALUE);
        assertEquals(entries.size(), after.size(), "nothing new");
        for (int i = 0; i < after.size(); i++) {
            assertEquals(entries.get(i).scores(), after.get(i).scores());
            assertEquals(entries.get(i).recordedAt(), after.get(i).recordedAt(), "the first record stands");
        }
        assertTrue(metrics.isEmpty(), "no live metric from fewer than 30 matured forecasts: " + metrics.documents());
    }

    @Test
    void recordsAndScoresTheVolatilityChampionBesideTheClose() {
        fixture.market.set(BACKFILL_NOW);
        IngestConfig config = fixture.config(table, Map.of());
        assertTrue(fixture.service(config).run(config.request(Map.of(), BACKFILL_NOW, List.of(BTC_1D)), Deadline.NONE).allComplete());
        naiveChampion();
        ModelRegistry volatility = registry.forTarget(Target.VOLATILITY);
        int version = volatility.publish(BTC_1D, ModelDraft.builder()
                .promotionScore(1)
                .testWindow(TestWindow.parse("2025-01-01T00:00:00Z", "2025-04-30T00:00:00Z"))
                .config(Map.of("model", "mean30", "target", "volatility", "variance", "parkinson", "horizons",
                        List.of(1, 7)))
                .scaler(MeanVariance.defaults())
                .trainingData(Map.of("trainTo", "2024-12-31T00:00:00Z", "validationTo", "2025-01-01T00:00:00Z"))
                .libraries(Map.of("java", "17"))
                .gitCommit("test")
                .build()).version();
        volatility.promote(BTC_1D, version, "test champion");
        LedgerFollowUp followUp = LedgerFollowUp.create(fixture.ddb, table, registry, metrics);

        Instant day = Instant.parse("2025-06-02T00:05:00Z");
        for (int d = 0; d < 8; d++) {
            List<LedgerRun> runs = daily(followUp, day.plus(Duration.ofDays(d)));
            assertEquals(List.of("close", "volatility"), runs.stream().map(LedgerRun::target).toList());
            assertTrue(runs.get(1).recorded(), runs.toString());
        }

        List<LedgerEntry> entries = ledger.entries(BTC_1D, Target.VOLATILITY, 0, Long.MAX_VALUE);
        assertEquals(8, entries.size());
        LedgerEntry first = entries.get(0);
        List<Bar> bars = bars();
        int origin = 0;
        while (bars.get(origin).openTime() != first.origin()) {
            origin++;
        }
        double[] variance = VarianceProxy.PARKINSON.of(bars);
        assertEquals(variance[origin], first.originValue(), "naive: the origin day's variance");
        assertEquals(MeanVariance.defaults().forecast(variance, origin, 7)[0], first.points()[0], 1e-18);
        assertEquals(7, first.horizons());
        // Horizon 1 of origins 06-01 .. 06-07 has closed; horizon 7 of 06-01 only (days 06-02 .. 06-08).
        assertEquals(7, entries.stream().filter(e -> e.scores().containsKey(1)).count());
        assertEquals(1, entries.stream().filter(e -> e.scores().containsKey(7)).count());
        double realized = 0;
        for (int h = 1; h <= 7; h++) {
            realized += variance[origin + h];
        }
        assertEquals(realized / 7, first.scores().get(7).actual(), 1e-18);
        assertEquals(VolatilityLoss.qlike(realized / 7, first.points()[6]), first.scores().get(7).qlike(), 1e-12);

        List<LedgerRun> rerun = daily(followUp, day.plus(Duration.ofDays(7)));
        assertEquals("ALREADY_RECORDED", rerun.get(1).recording());
        assertEquals(0, rerun.get(1).scoresWritten());
    }

    @Test
    void aChampionLosingToNaiveLiveIsReplacedByNaiveWithTheReasonInTheChampionLog() {
        Instant start = Instant.parse("2025-04-01T00:05:00Z");
        fixture.market.set(start);
        IngestConfig config = fixture.config(table, Map.of());
        assertTrue(fixture.service(config).run(config.request(Map.of(), start, List.of(BTC_1D)), Deadline.NONE).allComplete());
        int naive = naiveChampion();
        // A drift of 2% a day, which BTCUSDT did not have: its 1-day errors soon exceed naive's, significantly.
        int drift = publish("drift", new LogReturns(List.of(Bar.Column.CLOSE), new double[] {0, 0.02},
                new double[] {1, 1}, Target.CLOSE), bars());
        registry.promote(BTC_1D, drift, "operator's pick");
        LedgerFollowUp followUp = LedgerFollowUp.create(fixture.ddb, table, registry, metrics);

        String fellBack = null;
        for (int d = 1; d <= 60 && fellBack == null; d++) {
            List<LedgerRun> runs = daily(followUp, start.plus(Duration.ofDays(d)));
            fellBack = runs.get(0).fallback();
        }

        assertTrue(fellBack != null && fellBack.startsWith("fell back to naive version " + naive), fellBack);
        Champion champion = registry.champion(BTC_1D).orElseThrow();
        assertEquals(naive, champion.version());
        assertTrue(champion.reason().startsWith("v000001 over v000002: automatic fallback: over the 90 days to "),
                champion.reason());
        assertTrue(champion.reason().contains("version " + drift + "'s live forecasts lost to naive"));
        assertTrue(metrics.documents().stream().anyMatch(m -> m.has("LiveMase") && "1".equals(m.path("Horizon").asText())),
                "LiveMase reported once 30 forecasts matured: " + metrics.documents());
    }
}
