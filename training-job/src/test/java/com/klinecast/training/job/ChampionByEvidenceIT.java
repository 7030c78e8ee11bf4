package com.klinecast.training.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.S3ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.core.testing.LocalS3;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.model.EpochListener;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The training job end to end: naive first, drift and the network judged by the evidence rule against it, every
 * version's evidence recorded. Tiny MLPs and one or two epochs: the rule is what is tested, not the network.
 */
class ChampionByEvidenceIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final TrainingConfig QUICK = TrainingConfigs.load(null, Map.of("epochs", 2, "model", "mlp",
            "window", 14, "hiddenUnits", List.of(8)));
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Stack(FeatureTable table, S3ModelRegistry registry) {
    }

    private static Stack stack() {
        DynamoDbClient ddb = LocalDynamo.client();
        S3Client s3 = LocalS3.client();
        return new Stack(new FeatureTable(ddb, LocalDynamo.newTable(ddb), BatchWriter.withDefaults(ddb)),
                new S3ModelRegistry(s3, LocalS3.newBucket(s3)));
    }

    @Test
    void aSeriesFirstChampionIsNaiveAndEveryVersionCarriesItsEvidence() throws Exception {
        Stack stack = stack();
        List<Candle> all = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE);
        stack.table().write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), all));
        TrainingJob job = new TrainingJob(stack.table(), stack.registry(), EpochListener.NONE, s -> { });

        TrainingOutcome outcome = job.run(BTC_1D, QUICK, null);

        assertEquals(List.of(1, 2, 3), stack.registry().list(BTC_1D));
        ModelManifest naive = stack.registry().manifest(BTC_1D, 1).orElseThrow();
        assertEquals("naive", naive.config().path("model").asText());
        assertTrue(naive.artifacts().isEmpty(), "a baseline has no weights");
        assertEquals("drift", stack.registry().manifest(BTC_1D, 2).orElseThrow().config().path("model").asText());
        Champion champion = stack.registry().champion(BTC_1D).orElseThrow();
        assertEquals(champion.version() == 3, outcome.promotion().promoted());
        JsonNode evidence = outcome.manifest().metrics().path("promotion");
        assertEquals(3, evidence.path("horizons").size(), "horizons 1, 7 and 30: " + outcome.promotion());
        for (JsonNode h : evidence.path("horizons")) {
            assertTrue(h.path("pBetter").isNumber() && h.path("low").isNumber(), h.toString());
        }
        assertTrue(outcome.promotion().reason().contains("MAE ratio"), outcome.promotion().reason());
        JsonNode band = outcome.manifest().metrics().path("band");
        assertTrue(band.path("method").isTextual(), "the band travels with the version: " + band);
        // a baseline's band is chosen over every fold its history allows, a network's over the validation halves
        JsonNode baselineSelection = naive.metrics().path("bandSelection");
        assertTrue(baselineSelection.path("folds").asInt() > 1, baselineSelection.toString());
        assertTrue(baselineSelection.path("coverage").get(0).path("coverage80").isNumber(),
                baselineSelection.toString());
        assertEquals(1, outcome.manifest().metrics().path("bandSelection").path("folds").asInt());
        JsonNode h1 = outcome.manifest().metrics().path("test").path("horizons").get(0);
        for (String field : List.of("mase", "maseLow", "maseHigh", "dmPValue", "coverage50", "coverage80",
                "coverage90", "pinball", "crps", "directionAccuracy", "upShare", "kupiecPValue80", "pinballSkill")) {
            assertTrue(h1.path(field).isNumber(), field + " in " + h1);
        }
        // What the container reports to CloudWatch for this run.
        com.klinecast.core.observability.MetricsDocument metrics = TrainingMetrics.of(outcome);
        assertEquals(outcome.model().test().at(1).mase(), metrics.value("MaseH1").value(), 1e-12);
        assertEquals("BTCUSDT#1d", metrics.dimensions().get("Series"));
    }

    @Test
    void onARandomWalkATrainedNetworkIsNotPromotedOverNaive() {
        Stack stack = stack();
        Series series = Series.of("RWUSDT", "1d");
        stack.table().write(series, FeatureRows.of(series, List.of(), randomWalk(2000, 0.03, 7)));
        TrainingJob job = new TrainingJob(stack.table(), stack.registry(), EpochListener.NONE, s -> { });

        TrainingOutcome outcome = job.run(series, QUICK, null);

        assertFalse(outcome.promotion().promoted(), outcome.promotion().reason());
        assertEquals(1, stack.registry().champion(series).orElseThrow().version(), "naive still serves");
    }

    @Test
    void aWindowInsideANetworkChampionsValidationDataIsNotComparable() {
        Stack stack = stack();
        List<Candle> all = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE);
        stack.table().write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), all));
        TrainingJob job = new TrainingJob(stack.table(), stack.registry(), EpochListener.NONE, s -> { });
        int network = job.run(BTC_1D, QUICK, null).manifest().version();
        stack.registry().promote(BTC_1D, network, "test: a network champion");

        // Trained up to 2021: its test window lies inside the champion's training data.
        TrainingOutcome earlier = job.run(BTC_1D, QUICK, Instant.parse("2021-01-01T00:00:00Z"));

        assertFalse(earlier.promotion().promoted());
        assertTrue(earlier.promotion().reason().contains("cannot be compared"), earlier.promotion().reason());
        assertTrue(stack.registry().champion(BTC_1D).orElseThrow().reason().contains("test: a network champion"));
    }

    /** Daily candles of a Gaussian random walk in log price. */
    static List<Candle> randomWalk(int n, double sigma, long seed) {
        List<Candle> real = CsvCandles.read("binance-BTCUSDT-1d.csv", n);
        Random random = new Random(seed);
        List<Candle> out = new ArrayList<>();
        double close = 100;
        for (Candle c : real) {
            double open = close;
            close = close * Math.exp(sigma * random.nextGaussian());
            BigDecimal o = BigDecimal.valueOf(open).setScale(6, java.math.RoundingMode.HALF_UP);
            BigDecimal cl = BigDecimal.valueOf(close).setScale(6, java.math.RoundingMode.HALF_UP);
            out.add(new Candle(c.openTime(), o, o.max(cl), o.min(cl), cl, c.volume(), c.closeTime(),
                    c.quoteVolume(), c.trades(), c.takerBuyBaseVolume(), c.takerBuyQuoteVolume()));
        }
        return out;
    }
}
