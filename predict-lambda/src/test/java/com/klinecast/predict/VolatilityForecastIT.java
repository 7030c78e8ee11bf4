package com.klinecast.predict;

import static com.klinecast.predict.PredictFixture.BTC_1D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.portable.DenseWeights;
import com.klinecast.core.forecast.portable.PortableMlp;
import com.klinecast.core.registry.ModelDraft;
import com.klinecast.core.registry.TestWindow;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.volatility.Har;
import com.klinecast.core.volatility.NetworkVariance;
import com.klinecast.core.volatility.PublishedVolatility;
import com.klinecast.core.volatility.RealizedVariance;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.core.volatility.VarianceScaling;
import com.klinecast.core.volatility.VolatilityModel;
import com.klinecast.predict.api.Router;
import com.klinecast.predict.forecast.CandleHistory;
import com.klinecast.predict.forecast.ForecastQuery;
import com.klinecast.predict.listing.ModelList;
import com.klinecast.predict.listing.ModelListing;
import com.klinecast.predict.volatility.VolatilityModels;
import com.klinecast.predict.volatility.VolatilityResult;
import com.klinecast.predict.volatility.VolatilityService;
import com.klinecast.standins.lambda.LocalContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /forecast?target=volatility} from the volatility champion, and the expected range it adds to a close
 * forecast; the close and volatility champions never stand in for each other.
 */
class VolatilityForecastIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PredictFixture fixture = new PredictFixture();

    private APIGatewayV2HTTPResponse get(Map<String, String> query) {
        APIGatewayV2HTTPEvent event = PredictHandlerIT.event("predict-forecast-volume.json");
        event.setQueryStringParameters(new HashMap<>(query));
        event.setRawQueryString(String.join("&", query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList()));
        return fixture.handler().handleRequest(event, LocalContext.withRemaining("PredictFunction", () -> 10_000L,
                LocalContext.quietLogger()));
    }

    @Test
    void theVolatilityForecastIsTheChampionsMeanVarianceAsDailyPercentAndAPriceRange() throws Exception {
        fixture.withCandles().publishChampion(1);
        var manifest = fixture.publishVolatilityChampion();

        APIGatewayV2HTTPResponse response = get(Map.of("symbol", "BTCUSDT", "target", "volatility", "days", "7"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("1", response.getHeaders().get(Router.MODEL_VERSION_HEADER), "the volatility registry's v1");
        JsonNode body = JSON.readTree(response.getBody());
        assertEquals("volatility", body.path("target").asText());
        assertEquals("har", body.path("model").path("family").asText());
        assertEquals("parkinson", body.path("model").path("variance").asText());
        List<Bar> bars = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE).stream().map(Bar::of).toList();
        double[] expected = PublishedVolatility.of(manifest).forecast(bars, 7);
        double last = bars.get(bars.size() - 1).close();
        assertEquals(last, body.path("lastClose").asDouble(), 1e-9);
        JsonNode points = body.path("forecast");
        assertEquals(7, points.size());
        for (int h = 1; h <= 7; h++) {
            JsonNode p = points.get(h - 1);
            assertEquals(expected[h - 1], p.path("variance").asDouble(), 1e-15);
            assertEquals(100 * Math.sqrt(expected[h - 1]), p.path("dailyVolatilityPct").asDouble(), 1e-9);
            double sd = Math.sqrt(h * expected[h - 1]);
            assertEquals(last * Math.exp(-sd), p.path("expectedRange").path("low").asDouble(), 1e-6);
            assertEquals(last * Math.exp(sd), p.path("expectedRange").path("high").asDouble(), 1e-6);
        }
        assertEquals(1, fixture.registry.champion(BTC_1D).orElseThrow().version(), "the close champion is untouched");
        ModelList.VersionInfo listed = new ModelListing(fixture.registry).list(BTC_1D, Target.VOLATILITY).versions()
                .get(0);
        assertEquals("har", listed.family());
        assertEquals(Map.of("1", 0.5), listed.qlikeRatio());
        assertTrue(listed.mase().isEmpty(), "a volatility version has no MASE: " + listed);
    }

    @Test
    void aCloseForecastCarriesTheExpectedRangeAroundEachCloseOnlyWithAVolatilityChampion() throws Exception {
        fixture.withCandles().publishChampion(1);
        JsonNode without = JSON.readTree(get(Map.of("symbol", "BTCUSDT", "days", "3")).getBody());
        assertFalse(without.path("forecast").get(0).has("expectedRange"), without.toString());

        fixture.publishVolatilityChampion();
        JsonNode with = JSON.readTree(get(Map.of("symbol", "BTCUSDT", "days", "3")).getBody());

        assertEquals("close", with.path("target").asText());
        for (JsonNode p : with.path("forecast")) {
            double close = p.path("close").asDouble();
            JsonNode range = p.path("expectedRange");
            assertTrue(range.path("low").asDouble() < close && close < range.path("high").asDouble(), p.toString());
            // Symmetric in log price: low × high = close², but for the close's rounding to the tick in the API.
            assertEquals(close * close, range.path("low").asDouble() * range.path("high").asDouble(),
                    1e-6 * close * close);
        }
    }

    @Test
    void withoutAVolatilityModelItIsA503EvenWithACloseChampion() throws Exception {
        fixture.withCandles().publishChampion(1);

        APIGatewayV2HTTPResponse response = get(Map.of("symbol", "BTCUSDT", "target", "volatility"));

        assertEquals(503, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("no volatility model"), response.getBody());
    }

    @Test
    void aNetworkVolatilityChampionIsServedInPlainJavaFromItsManifest() throws Exception {
        fixture.withCandles();
        // An MLP over 30 days of scaled log variance, 30 outputs, weights at random: the predictor runs it as it is.
        Random random = new Random(11);
        double[] correction = new double[30];
        java.util.Arrays.fill(correction, 1.1);
        NetworkVariance mlp = new NetworkVariance("mlp", 30, new VarianceScaling(true, -7.5, 1.2), correction,
                new PortableMlp(1, 30, List.of(dense(random, 30, 8)), dense(random, 8, 30)));
        publishVolatilityChampion(mlp, Map.of("model", "mlp", "target", "volatility", "variance", "parkinson",
                "horizons", List.of(1, 3, 7, 14, 30)));

        APIGatewayV2HTTPResponse response = get(Map.of("symbol", "BTCUSDT", "target", "volatility", "days", "30"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = JSON.readTree(response.getBody());
        assertEquals("mlp", body.path("model").path("family").asText());
        List<Bar> bars = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE).stream().map(Bar::of).toList();
        double[] expected = mlp.forecast(VarianceProxy.PARKINSON.of(bars), bars.size() - 1, 30);
        for (int h = 1; h <= 30; h++) {
            assertEquals(expected[h - 1], body.path("forecast").get(h - 1).path("variance").asDouble(),
                    1e-12 * expected[h - 1]);
        }
        assertEquals(30, body.path("forecast").size());
    }

    @Test
    void aVersionThatMeasuredDaysFromHoursReadsTheHourlyCandlesWhenServing() throws Exception {
        List<Candle> days = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE).stream()
                .filter(c -> c.openTime() <= Instant.parse("2020-12-09T00:00:00Z").toEpochMilli()).toList();
        List<Candle> hours = CsvCandles.read("binance-BTCUSDT-1h.csv", Integer.MAX_VALUE);
        CandleHistory history = (series, n) -> {
            List<Candle> all = series.interval() == Interval.H1 ? hours : days;
            return all.subList(Math.max(0, all.size() - n), all.size());
        };
        List<Bar> bars = days.stream().map(Bar::of).toList();
        Har har = Har.fit(VarianceProxy.PARKINSON.of(bars), 0, bars.size(), true);
        publishVolatilityChampion(har, Map.of("model", "har", "target", "volatility", "variance", "parkinson",
                "realized", "1h", "horizons", List.of(1, 3, 7, 14, 30)));
        Clock clock = Clock.fixed(Instant.parse("2020-12-10T00:10:00Z"), ZoneOffset.UTC);
        VolatilityService service = new VolatilityService(new VolatilityModels(fixture.registry, clock,
                Duration.ofMinutes(5)), history, clock);

        VolatilityResult result = service.forecast(new ForecastQuery(BTC_1D, Target.VOLATILITY, 7,
                OptionalInt.empty()));

        List<Bar> month = bars.subList(bars.size() - 30, bars.size());
        List<Bar> lastHours = history.latest(Series.of("BTCUSDT", "1h"), 30 * 24).stream().map(Bar::of).toList();
        RealizedVariance.Days measured = RealizedVariance.of(VarianceProxy.PARKINSON, month, lastHours);
        assertTrue(measured.realized() >= 25, "most of the month has its 24 hours: " + measured.realized());
        double[] expected = har.forecast(measured.variance(), 29, 7);
        double[] fromDays = har.forecast(VarianceProxy.PARKINSON.of(month), 29, 7);
        for (int h = 1; h <= 7; h++) {
            assertEquals(expected[h - 1], result.forecast().get(h - 1).variance(), 1e-15);
        }
        assertTrue(Math.abs(expected[0] / fromDays[0] - 1) > 1e-3, "the hours changed the forecast");
    }

    private void publishVolatilityChampion(Object model, Map<String, Object> config) {
        ModelDraft draft = ModelDraft.builder()
                .promotionScore(0.3)
                .testWindow(TestWindow.parse("2024-01-01T00:00:00Z", "2025-06-30T00:00:00Z"))
                .config(config)
                .features(Map.of("columns", List.of("high", "low"), "window", 30, "featureSetVersion",
                        FeatureSet.VERSION))
                .scaler(JSON.valueToTree(model))
                .trainingData(Map.of("trainFrom", "2017-08-17T00:00:00Z", "trainTo", "2019-12-31T00:00:00Z",
                        "validationTo", "2020-06-30T00:00:00Z"))
                .metrics(Map.of("test", Map.of("horizons", List.of(Map.of("horizon", 1, "qlikeRatio", 0.45)))))
                .build();
        var volatility = fixture.registry.forTarget(Target.VOLATILITY);
        var manifest = volatility.publish(BTC_1D, draft);
        volatility.promoteIfBetter(BTC_1D, manifest.version());
    }

    private static DenseWeights dense(Random random, int in, int out) {
        float[][] w = new float[in][out];
        for (float[] row : w) {
            for (int o = 0; o < out; o++) {
                row[o] = (float) (random.nextGaussian() * 0.2);
            }
        }
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            b[o] = (float) (random.nextGaussian() * 0.1);
        }
        return new DenseWeights(in, out, w, b);
    }
}
