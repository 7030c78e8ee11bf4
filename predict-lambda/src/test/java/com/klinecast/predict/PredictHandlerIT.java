package com.klinecast.predict;

import static com.klinecast.predict.PredictFixture.BTC_1D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.SeriesCatalogTable;
import com.klinecast.predict.api.ApiRequest;
import com.klinecast.predict.api.ApiResponse;
import com.klinecast.predict.api.Router;
import com.klinecast.predict.served.ServedSeries;
import com.klinecast.standins.lambda.LocalContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The predict handler end to end on the events in events/ (the files `sam local invoke` takes): dynalite
 * holds the real BTCUSDT 1d candles, S3Proxy the registry, the model is a published portable network.
 */
class PredictHandlerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PredictFixture fixture = new PredictFixture();

    static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent("../events/" + name);
    }

    private APIGatewayV2HTTPResponse invoke(String eventFile) {
        return fixture.handler().handleRequest(event(eventFile), LocalContext.withRemaining("PredictFunction",
                () -> 10_000L, LocalContext.quietLogger()));
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/json"), response.getHeaders()
                .toString());
        return JSON.readTree(response.getBody());
    }

    @Test
    void forecastsSevenDaysFromTheLastClosedCandleWithHistoryBandsAndSkill() throws Exception {
        fixture.withCandles().publishChampion(1);

        APIGatewayV2HTTPResponse response = invoke("predict-forecast.json");

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = body(response);
        assertEquals("BTCUSDT", body.path("symbol").asText());
        assertEquals("1d", body.path("interval").asText());
        assertEquals(1, body.path("model").path("version").asInt());
        assertEquals("champion", body.path("model").path("source").asText());
        assertEquals("2022-12-31T00:00:00Z", body.path("model").path("trainedUntil").asText());
        assertEquals(30, body.path("model").path("maxDays").asInt());
        assertEquals("2025-06-30T00:00:00Z", body.path("asOf").asText());
        assertFalse(body.path("stale").asBoolean());
        JsonNode history = body.path("history");
        assertEquals(50, history.size());
        assertEquals("2025-06-30T00:00:00Z", history.get(49).path("time").asText());
        assertEquals(107146.5, history.get(49).path("close").asDouble(), 1e-9, "the bundled close of 2025-06-30");
        JsonNode forecast = body.path("forecast");
        assertEquals(7, forecast.size());
        Instant time = Instant.parse(body.path("asOf").asText());
        for (int h = 1; h <= 7; h++) {
            JsonNode point = forecast.get(h - 1);
            time = time.plus(1, ChronoUnit.DAYS);
            assertEquals(h, point.path("horizon").asInt());
            assertEquals(time.toString(), point.path("time").asText());
            double close = point.path("close").asDouble();
            assertTrue(close > 0 && Double.isFinite(close));
            assertTrue(point.path("low").asDouble() < close && close < point.path("high").asDouble(), point.toString());
        }
        assertEquals(5, body.path("quality").path("horizons").size());
        assertTrue(body.path("quality").path("horizons").get(0).has("mase"));
        assertTrue(body.path("disclaimer").asText().startsWith("Not financial advice"));
    }

    @Test
    void servesThirtyDaysAndDefaultsToSevenWithALowerCaseSymbol() throws Exception {
        fixture.withCandles().publishChampion(1);

        assertEquals(30, body(invoke("predict-forecast-30-days.json")).path("forecast").size());
        APIGatewayV2HTTPResponse lower = invoke("predict-forecast-default-days.json");
        assertEquals(200, lower.getStatusCode(), lower.getBody());
        assertEquals(7, body(lower).path("forecast").size());
    }

    @Test
    void aPinnedVersionIsServedWhateverTheChampion() throws Exception {
        fixture.withCandles().publishChampion(1);
        fixture.publish(2);
        fixture.registry.promote(BTC_1D, 2);

        JsonNode body = body(invoke("predict-forecast-pinned-version.json"));

        assertEquals(1, body.path("model").path("version").asInt());
        assertEquals("pinned", body.path("model").path("source").asText());
        assertEquals(3, body.path("forecast").size());
    }

    @Test
    void listsVersionsAndTheChampion() throws Exception {
        fixture.withCandles().publishChampion(1);
        fixture.publish(2);

        JsonNode body = body(invoke("predict-models.json"));

        assertEquals(1, body.path("champion").path("version").asInt());
        assertEquals(2, body.path("versions").size());
        assertEquals(2, body.path("versions").get(1).path("version").asInt());
        assertTrue(body.path("versions").get(0).path("mase").has("30"));
        // the band's own record before the test split: how many folds chose it, and how often it held there
        assertEquals(9, body.path("versions").get(0).path("bandFolds").asInt());
        assertEquals(0.81, body.path("versions").get(0).path("bandCoverage80").path("1").asDouble(), 0);
    }

    @Test
    void aTruncatedChampionAliasStillServesTheChampionFromTheLog() throws Exception {
        fixture.withCandles().publishChampion(1);
        fixture.truncateAlias();

        APIGatewayV2HTTPResponse response = invoke("predict-forecast.json");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(1, body(response).path("model").path("version").asInt());
    }

    @Test
    void aTruncatedManifestIsListedAsUnreadableAndTheOtherVersionsStill() throws Exception {
        fixture.withCandles().publishChampion(1);
        fixture.publish(2);
        fixture.publish(3);
        fixture.truncateManifest(2);

        APIGatewayV2HTTPResponse response = invoke("predict-models.json");
        JsonNode body = body(response);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(List.of(1, 3), body.path("versions").findValuesAsText("version").stream()
                .map(Integer::parseInt).toList());
        assertEquals(2, body.path("unreadable").get(0).path("version").asInt());
        assertTrue(body.path("unreadable").get(0).path("problem").asText().contains("'manifest.json' is corrupt"),
                body.toString());
    }

    @Test
    void servesThePageWithTheServedSeriesWrittenIn() {
        APIGatewayV2HTTPResponse response = invoke("predict-page.json");

        assertEquals(200, response.getStatusCode());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("text/html"));
        assertTrue(response.getHeaders().containsKey("Content-Security-Policy"));
        assertTrue(response.getBody().contains("\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"]"), "config written in");
        assertFalse(response.getBody().contains("/*KLINECAST_CONFIG*/"));
    }

    @Test
    void theSeriesServedAreTheCatalogsAndOneAddedLaterIsServedWithoutARestart() throws Exception {
        PredictHandler handler = new PredictHandler(PredictServices.router(fixture.config(),
                new ServedSeries(new SeriesCatalogTable(fixture.ddb, fixture.table), Clock.systemUTC(), Duration.ZERO),
                fixture.ddb, fixture.s3, Clock.fixed(PredictFixture.NOW, ZoneOffset.UTC), fixture.logged::add));
        APIGatewayV2HTTPResponse before = handler.handleRequest(event("predict-unknown-symbol.json"), null);
        assertEquals(404, before.getStatusCode(), before.getBody());
        assertTrue(before.getBody().contains("served: BTCUSDT 1d, ETHUSDT 1d"), before.getBody());

        new SeriesCatalogTable(fixture.ddb, fixture.table).add(List.of(Series.of("DOGEUSDT", "1d")));
        APIGatewayV2HTTPResponse after = handler.handleRequest(event("predict-unknown-symbol.json"), null);
        assertFalse(body(after).path("error").asText().startsWith("unknown"), "served once in the catalog: "
                + after.getBody());
    }

    @Test
    void badRequestsGetA4xxNamingTheProblem() throws Exception {
        fixture.withCandles().publishChampion(1);

        assertError("predict-bad-days.json", 400, "invalid days", "seven");
        assertError("predict-days-out-of-range.json", 400, "invalid days", "1 to 30");
        assertError("predict-unknown-symbol.json", 404, "unknown symbol", "DOGEUSDT");
        assertError("predict-invalid-symbol.json", 400, "invalid symbol", "2 to 20 letters");
        assertError("predict-unknown-path.json", 404, "not found", "GET /forecast");
        assertError("predict-post-forecast.json", 405, "method not allowed", "use GET");
        assertError("predict-repeated-parameter.json", 400, "repeated parameter", "'days'");
    }

    @Test
    void aVolumeForecastComesFromTheVolumeChampionAndSaysItIsOfTheVolume() throws Exception {
        fixture.withCandles().publishChampion(1);
        fixture.publish(2);
        fixture.registry.promote(BTC_1D, 2);
        fixture.publishVolumeChampion(7);

        APIGatewayV2HTTPResponse response = invoke("predict-forecast-volume.json");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("1", response.getHeaders().get(Router.MODEL_VERSION_HEADER), "the volume registry's own v1");
        JsonNode body = body(response);
        assertEquals("volume", body.path("target").asText());
        assertEquals(1, body.path("model").path("version").asInt());
        assertEquals("champion", body.path("model").path("source").asText());
        JsonNode forecast = body.path("forecast");
        assertEquals(7, forecast.size());
        double lastVolume = body.path("history").get(49).path("volume").asDouble();
        for (JsonNode point : forecast) {
            assertFalse(point.has("close"), point.toString());
            double volume = point.path("volume").asDouble();
            assertTrue(volume > 0 && Double.isFinite(volume), point.toString());
            // Volume-scale, not price-scale: within two orders of magnitude of the last volume.
            assertTrue(volume > lastVolume / 100 && volume < lastVolume * 100, volume + " vs " + lastVolume);
            assertTrue(point.path("low").asDouble() < volume && volume < point.path("high").asDouble());
        }

        // The close forecast still comes from the close champion (v2), untouched by the volume model.
        JsonNode close = body(invoke("predict-forecast.json"));
        assertEquals("close", close.path("target").asText());
        assertEquals(2, close.path("model").path("version").asInt());
        assertTrue(close.path("forecast").get(0).has("close"));
        assertFalse(close.path("forecast").get(0).has("volume"));
        assertEquals(2, fixture.registry.champion(BTC_1D).orElseThrow().version());
    }

    @Test
    void aVolumeForecastWithoutAVolumeModelIsA503EvenWithACloseChampion() throws Exception {
        fixture.withCandles().publishChampion(1);

        assertError("predict-forecast-volume.json", 503, "no model yet", "no volume model");
    }

    @Test
    void anUnknownTargetIsA400() throws Exception {
        fixture.withCandles().publishChampion(1);

        assertError("predict-bad-target.json", 400, "invalid target", "close, volume or volatility");
    }

    @Test
    void withoutAModelItIsA503ThatSaysSo() throws Exception {
        fixture.withCandles();

        assertError("predict-forecast.json", 503, "no model yet", "training job");
    }

    @Test
    void withoutEnoughCandlesItIsA503ThatSaysWhichAreMissing() throws Exception {
        fixture.withCandles(20).publishChampion(1);

        assertError("predict-forecast.json", 503, "missing features", "run the ingest");
    }

    @Test
    void aCorruptChampionFallsBackToThePreviousOneAndSaysSo() throws Exception {
        fixture.withCandles().publishChampion(1);
        fixture.publish(2);
        fixture.registry.promote(BTC_1D, 2);
        fixture.corrupt(2);

        APIGatewayV2HTTPResponse response = invoke("predict-forecast.json");

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = body(response);
        assertEquals(1, body.path("model").path("version").asInt());
        assertEquals("fallback", body.path("model").path("source").asText());
        assertEquals(2, body.path("fallback").path("skipped").asInt());
        assertTrue(body.path("fallback").path("reason").asText().contains("weights.json"),
                body.path("fallback").toString());
    }

    @Test
    void aCorruptChampionWithNothingToFallBackToIsA503() throws Exception {
        fixture.withCandles().publishChampion(1);
        fixture.corrupt(1);

        assertError("predict-forecast.json", 503, "model unusable", "rollback");
    }

    @Test
    void aChampionFromANewerFeatureSetIsSkippedForTheOneBeforeIt() throws Exception {
        fixture.withCandles().publishChampion(1);
        fixture.publish(2, 99);
        fixture.registry.promote(BTC_1D, 2);

        JsonNode body = body(invoke("predict-forecast.json"));

        assertEquals(1, body.path("model").path("version").asInt());
        assertEquals("fallback", body.path("model").path("source").asText());
        assertTrue(body.path("fallback").path("reason").asText().contains("feature set v99"), body.toString());
    }

    @Test
    void aPinnedVersionThatIsCorruptIsA503AndAnUnknownOneA404() throws Exception {
        fixture.withCandles().publishChampion(1);
        fixture.corrupt(1);
        Router router = fixture.router(java.time.Clock.fixed(PredictFixture.NOW, java.time.ZoneOffset.UTC));

        ApiResponse corrupt = router.handle(ApiRequest.get("/forecast", "symbol=BTCUSDT&version=1"));
        ApiResponse unknown = router.handle(ApiRequest.get("/forecast", "symbol=BTCUSDT&version=7"));
        ApiResponse bad = router.handle(ApiRequest.get("/forecast", "symbol=BTCUSDT&version=latest"));

        assertEquals(503, corrupt.status(), corrupt.body());
        assertTrue(corrupt.body().contains("model unusable") && corrupt.body().contains("weights.json"));
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals(400, bad.status(), bad.body());
    }

    @Test
    void eachRequestEmitsItsLatencyStatusClassAndTheVersionThatAnswered() throws Exception {
        fixture.withCandles().publishChampion(1);
        com.klinecast.core.testing.EmfCapture documents = new com.klinecast.core.testing.EmfCapture();
        PredictHandler handler = new PredictHandler(fixture.router(java.time.Clock.fixed(PredictFixture.NOW,
                java.time.ZoneOffset.UTC)), documents);
        com.amazonaws.services.lambda.runtime.Context context = LocalContext.withRemaining("PredictFunction",
                () -> 10_000L, LocalContext.quietLogger());

        APIGatewayV2HTTPResponse ok = handler.handleRequest(event("predict-forecast.json"), context);
        handler.handleRequest(event("predict-unknown-path.json"), context);

        assertEquals("1", ok.getHeaders().get("X-Model-Version"));
        JsonNode forecast = documents.get(0);
        JsonNode unknown = documents.get(1);
        assertEquals("/forecast", forecast.path("Route").asText());
        assertTrue(forecast.path("Latency").asDouble() > 0);
        assertEquals(1, forecast.path("modelVersion").asInt());
        assertEquals(0, forecast.path("ClientErrors").asInt());
        assertEquals(context.getAwsRequestId(), forecast.path("requestId").asText());
        assertEquals("other", unknown.path("Route").asText(), "random paths share one dimension value");
        assertEquals(1, unknown.path("ClientErrors").asInt());
    }

    @Test
    void whatARequestLogsGoesToItsInvocationsLoggerWithItsRequestId() throws Exception {
        fixture.withCandles();    // no model: the forecast is a 503, which the router logs
        java.util.List<String> lambdaLines = new java.util.ArrayList<>();
        com.amazonaws.services.lambda.runtime.LambdaLogger logger = new com.amazonaws.services.lambda.runtime.LambdaLogger() {
            @Override
            public void log(String message) {
                lambdaLines.add(message);
            }

            @Override
            public void log(byte[] message) {
                lambdaLines.add(new String(message, java.nio.charset.StandardCharsets.UTF_8));
            }
        };
        RequestLog log = new RequestLog(fixture.logged::add);
        com.klinecast.core.testing.EmfCapture documents = new com.klinecast.core.testing.EmfCapture();
        PredictHandler handler = new PredictHandler(PredictServices.router(fixture.config(), fixture.ddb, fixture.s3,
                java.time.Clock.fixed(PredictFixture.NOW, java.time.ZoneOffset.UTC), log), documents, log);
        com.amazonaws.services.lambda.runtime.Context context = LocalContext.withRemaining("PredictFunction",
                () -> 10_000L, logger);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event("predict-forecast.json"), context);

        assertEquals(503, response.getStatusCode(), response.getBody());
        assertFalse(lambdaLines.isEmpty(), "the 503 was logged to the invocation's logger");
        for (String line : lambdaLines) {
            assertTrue(line.startsWith("requestId=" + context.getAwsRequestId() + " "), line);
        }
        assertTrue(fixture.logged.isEmpty(), "nothing of the request went to the fallback: " + fixture.logged);
        assertEquals(context.getAwsRequestId(), documents.get(0).path("requestId").asText(),
                "the same id as the request's metrics");
        log.accept("outside any request");
        assertEquals(java.util.List.of("outside any request"), fixture.logged);
    }

    private void assertError(String eventFile, int status, String error, String detailPart) throws Exception {
        APIGatewayV2HTTPResponse response = invoke(eventFile);
        assertEquals(status, response.getStatusCode(), eventFile + ": " + response.getBody());
        JsonNode body = body(response);
        assertEquals(error, body.path("error").asText(), eventFile);
        assertTrue(body.path("detail").asText().contains(detailPart), eventFile + ": " + body);
        assertFalse(response.getBody().contains("Exception"), "no internals in " + response.getBody());
        assertFalse(response.getBody().contains("com.klinecast"), "no internals in " + response.getBody());
    }
}
