package com.klinecast.training.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.portable.PortableLstm;
import com.klinecast.core.forecast.portable.PortableMlp;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.S3ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.core.testing.LocalS3;
import com.klinecast.predict.PredictConfig;
import com.klinecast.predict.PredictHandler;
import com.klinecast.predict.PredictServices;
import com.klinecast.predict.served.ServedSeries;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.model.EpochListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every model variant from training to the API: the training job trains each (lstm and mlp, close and volume) on a
 * short real series from dynalite and publishes it to the S3Proxy registry, then the predict handler (the
 * Lambda's own code, plain Java) serves it. What is served must be exactly what was trained and backtested, and
 * the volume models must live beside the close ones without touching their versions or champion.
 */
class VariantsEndToEndIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DAYS = 7;

    private static S3ModelRegistry registry;
    private static PredictHandler handler;
    private static List<Bar> bars;
    /** Trained outcomes by "model/target", in training order. */
    private static final Map<String, TrainingOutcome> OUTCOMES = new LinkedHashMap<>();

    @BeforeAll
    static void trainEveryVariant() {
        DynamoDbClient ddb = LocalDynamo.client();
        S3Client s3 = LocalS3.client();
        String tableName = LocalDynamo.newTable(ddb);
        FeatureTable table = new FeatureTable(ddb, tableName, BatchWriter.withDefaults(ddb));
        String bucket = LocalS3.newBucket(s3);
        registry = new S3ModelRegistry(s3, bucket);
        // 700 days (2017-08 .. 2019-07): enough for train/validation/test splits of a short, quick model.
        List<Candle> candles = CsvCandles.read("binance-BTCUSDT-1d.csv", 700);
        table.write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), candles));
        bars = candles.stream().map(Bar::of).toList();

        TrainingJob job = new TrainingJob(table, registry, EpochListener.NONE, s -> { });
        String[][] variants = {
            {"lstm", "close", "direct"}, {"mlp", "close", "recursive"},
            {"lstm", "volume", "direct"}, {"mlp", "volume", "recursive"}};
        for (String[] v : variants) {
            OUTCOMES.put(v[0] + "/" + v[1], job.run(BTC_1D, TrainingConfigs.load(null, Map.of("model", v[0],
                    "target", v[1], "forecast", v[2], "window", 14, "hiddenUnits", List.of(8), "epochs", 2,
                    "patience", 2, "horizons", List.of(1, 3, 7))), null));
        }
        Instant afterLastCandle = Instant.ofEpochMilli(bars.get(bars.size() - 1).openTime()).plus(Duration.ofDays(1));
        handler = new PredictHandler(PredictServices.router(new PredictConfig(tableName, bucket,
                Duration.ofMinutes(5)), ServedSeries.fixed(List.of(BTC_1D)), ddb, s3,
                Clock.fixed(afterLastCandle, ZoneOffset.UTC), s -> { }));
    }

    @Test
    void eachTargetHasItsOwnVersionsAndChampion() {
        ModelRegistry volumes = registry.forTarget(Target.VOLUME);

        // Each target's first run publishes naive (its first champion) and the other baselines before its network:
        // drift for the close, seasonal naive, mean7 and drift for daily volume.
        assertEquals(List.of(1, 2, 3, 4), registry.list(BTC_1D));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), volumes.list(BTC_1D));
        List<String> closeFamilies = List.of("naive", "drift", "lstm", "mlp");
        List<String> volumeFamilies = List.of("naive", "seasonal_naive", "mean7", "drift", "lstm", "mlp");
        for (int v = 1; v <= 4; v++) {
            ModelManifest close = registry.manifest(BTC_1D, v).orElseThrow();
            assertEquals("close", close.config().path("target").asText());
            assertEquals(closeFamilies.get(v - 1), close.config().path("model").asText());
        }
        for (int v = 1; v <= 6; v++) {
            ModelManifest volume = volumes.manifest(BTC_1D, v).orElseThrow();
            assertEquals("volume", volume.config().path("target").asText());
            assertEquals(volumeFamilies.get(v - 1), volume.config().path("model").asText());
        }
        assertTrue(registry.champion(BTC_1D).isPresent());
        assertTrue(volumes.champion(BTC_1D).isPresent());
        String reason = OUTCOMES.get("lstm/volume").promotion().reason();
        assertTrue(java.util.regex.Pattern.compile("(against champion|over) v00000[1-4]").matcher(reason).find(),
                "the first volume network is judged against a volume baseline, not a close model: " + reason);
    }

    @Test
    void theNetworksAreTheKindsConfigured() {
        assertTrue(OUTCOMES.get("lstm/close").model().portable() instanceof PortableLstm);
        assertTrue(OUTCOMES.get("mlp/close").model().portable() instanceof PortableMlp);
        assertTrue(OUTCOMES.get("lstm/volume").model().portable() instanceof PortableLstm);
        assertTrue(OUTCOMES.get("mlp/volume").model().portable() instanceof PortableMlp);
    }

    @Test
    void theVolumeBacktestIsBesideTheNaiveVolumeForecast() {
        var h1 = OUTCOMES.get("mlp/volume").model().test().at(1);
        // The naive forecast's MAE on volumes (units of BTC traded), not on prices (dollars): compute it here.
        double naive = 0;
        int n = 0;
        List<Bar> all = bars;
        int first = all.size() - (int) Math.round(all.size() * 0.15) - 1;
        for (int origin = first; origin + 1 < all.size(); origin++) {
            naive += Math.abs(all.get(origin).volume() - all.get(origin + 1).volume());
            n++;
        }
        assertEquals(naive / n, h1.naiveMae(), 1e-9 * h1.naiveMae());
        assertTrue(h1.mase() > 0 && Double.isFinite(h1.mase()));
    }

    @Test
    void everyVersionIsServedExactlyAsItWasTrained() throws Exception {
        // The first versions of each target are its baselines: 2 for the close, 4 for daily volume.
        int closeVersion = 2;
        int volumeVersion = 4;
        for (Map.Entry<String, TrainingOutcome> e : OUTCOMES.entrySet()) {
            TrainingOutcome outcome = e.getValue();
            Target target = outcome.model().config().target();
            int version = target == Target.VOLUME ? ++volumeVersion : ++closeVersion;
            assertEquals(version, outcome.manifest().version(), e.getKey());

            JsonNode body = forecast("symbol=BTCUSDT&target=" + target.code() + "&days=" + DAYS + "&version="
                    + version, 200, version);

            assertEquals(target.code(), body.path("target").asText(), e.getKey());
            assertEquals(outcome.model().config().model(), body.path("model").path("family").asText());
            Forecaster trained = new Forecaster(outcome.model().config().forecastMode(), outcome.model().portable(),
                    outcome.model().scaling(), outcome.model().config().window(), BTC_1D.interval());
            double[] expected = trained.forecast(bars, DAYS);
            JsonNode points = body.path("forecast");
            assertEquals(DAYS, points.size());
            String field = target == Target.VOLUME ? "volume" : "close";
            for (int h = 1; h <= DAYS; h++) {
                JsonNode point = points.get(h - 1);
                assertFalse(point.has(target == Target.VOLUME ? "close" : "volume"), point.toString());
                // The API rounds to the series' tick (2 decimals for these prices): exact but for that rounding.
                assertEquals(expected[h - 1], point.path(field).asDouble(),
                        Math.max(1e-9 * Math.abs(expected[h - 1]), 0.005), e.getKey() + " at horizon " + h);
            }
        }
    }

    @Test
    void theNaiveVersionServesTheLastValueRepeatedWithABand() throws Exception {
        JsonNode body = forecast("symbol=BTCUSDT&days=" + DAYS + "&version=1", 200, 1);

        assertEquals("naive", body.path("model").path("family").asText());
        double last = bars.get(bars.size() - 1).close();
        for (JsonNode point : body.path("forecast")) {
            assertEquals(last, point.path("close").asDouble(), 1e-9 * last);
            JsonNode q = point.path("quantiles");
            assertEquals(point.path("low").asDouble(), q.path("p10").asDouble(), 0);
            assertEquals(point.path("high").asDouble(), q.path("p90").asDouble(), 0);
            double previous = 0;
            for (String level : List.of("p05", "p10", "p25", "p50", "p75", "p90", "p95")) {
                assertTrue(q.path(level).asDouble() >= previous, point.toString());
                previous = q.path(level).asDouble();
            }
        }
    }

    @Test
    void theChampionOfEachTargetAnswersByDefault() throws Exception {
        int closeChampion = registry.champion(BTC_1D).orElseThrow().version();
        int volumeChampion = registry.forTarget(Target.VOLUME).champion(BTC_1D).orElseThrow().version();

        JsonNode close = forecast("symbol=BTCUSDT", 200, closeChampion);
        assertEquals("close", close.path("target").asText());
        String reason = close.path("model").path("reason").asText();
        if ("naive".equals(close.path("model").path("family").asText())) {
            assertTrue(reason.startsWith("naive (the last close repeated) serves: no trained model beat it by the "
                    + "rule; the newest, v4 (mlp), p = "), "the response says plainly why naive serves: " + reason);
        } else {
            assertTrue(reason.contains("beats the champion"), reason);
        }
        assertEquals("volume", forecast("symbol=BTCUSDT&target=volume", 200, volumeChampion).path("target")
                .asText());
        JsonNode bad = forecast("symbol=BTCUSDT&target=Volume", 400, -1);
        assertEquals("invalid target", bad.path("error").asText());
    }

    private static JsonNode forecast(String query, int status, int version) throws Exception {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/forecast")
                .withRawQueryString(query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/forecast").build()).build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertEquals(status, response.getStatusCode(), query + ": " + response.getBody());
        if (version > 0) {
            assertEquals(Integer.toString(version), response.getHeaders().get("X-Model-Version"), query);
        }
        return JSON.readTree(response.getBody());
    }
}
