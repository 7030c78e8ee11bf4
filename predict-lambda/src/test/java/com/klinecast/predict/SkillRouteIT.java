package com.klinecast.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.ledger.LedgerEntry;
import com.klinecast.core.ledger.LiveSkill;
import com.klinecast.core.ledger.Score;
import com.klinecast.core.series.Target;
import com.klinecast.core.store.LedgerTable;
import com.klinecast.core.volatility.VarianceMeasure;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.predict.api.ApiRequest;
import com.klinecast.predict.api.ApiResponse;
import com.klinecast.predict.api.Router;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /skill} over a ledger in dynalite: the live skill service's numbers, and JSON 4xx for bad input. */
class SkillRouteIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY = 86_400_000L;
    private static final long START = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();

    private final PredictFixture fixture = new PredictFixture();
    private final LedgerTable ledger = new LedgerTable(fixture.ddb, fixture.table);

    private JsonNode get(String query, int status) throws Exception {
        Router router = fixture.router(Clock.fixed(PredictFixture.NOW, ZoneOffset.UTC));
        ApiResponse response = router.handle(ApiRequest.get("/skill", query));
        assertEquals(status, response.status(), query + ": " + response.body());
        assertTrue(response.headers().get("Content-Type").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    /** Ten days of a version 2 forecasting 1% above the last close, each scored at horizon 1. */
    private void recordTenDays() {
        for (int d = 0; d < 10; d++) {
            double last = 100 + d;
            LedgerEntry entry = new LedgerEntry(PredictFixture.BTC_1D, Target.CLOSE, START + d * DAY, 2, "mlp",
                    "ewma", last, new double[] {last * 1.01}, new double[][] {{95, 97, 99, 101, 103, 105, 107}},
                    Instant.ofEpochMilli(START + (d + 1) * DAY), Map.of());
            ledger.record(entry);
            if (d < 9) {
                ledger.score(PredictFixture.BTC_1D, Target.CLOSE, entry.origin(),
                        Score.of(entry, 1, START + (d + 1) * DAY, 101 + d));
            }
        }
    }

    @Test
    void answersTheLiveSkillServicesNumbers() throws Exception {
        recordTenDays();

        JsonNode body = get("symbol=BTCUSDT&interval=1d", 200);

        JsonNode expected = JSON.valueToTree(new LiveSkill(ledger).report(PredictFixture.BTC_1D, Target.CLOSE)
                .orElseThrow());
        assertEquals(expected, body);
        assertEquals("2025-06-10T00:00:00Z", body.path("asOf").asText());
        JsonNode h1 = body.path("windows").get(0).path("horizons").get(0);
        assertEquals("30d", h1.path("window").asText());
        assertEquals(9, h1.path("matured").asInt());
        // Each close rose by 1 and the forecast by 1% of the last close: |1 - 0.01 c| against naive's 1.
        double model = 0;
        for (int d = 0; d < 9; d++) {
            model += Math.abs(1 - 0.01 * (100 + d));
        }
        assertEquals(model / 9, h1.path("mase").asDouble(), 1e-12);
        assertEquals(1, body.path("versions").size());
        assertEquals("mlp", body.path("versions").get(0).path("family").asText());
        assertEquals("version 2", body.path("windows").get(3).path("window").asText());
        assertTrue(get("symbol=BTCUSDT&target=volume", 404).path("detail").asText().contains("volume"));
        assertTrue(h1.has("coverage80") && !h1.has("qlikeRatio"), "close keys as before: " + h1);
    }

    @Test
    void answersTheVolatilityRecordByQlikeBesideNaive() throws Exception {
        for (int d = 0; d < 3; d++) {
            LedgerEntry entry = new LedgerEntry(PredictFixture.BTC_1D, Target.VOLATILITY, START + d * DAY, 4, "har",
                    null, 4e-4, new double[] {5e-4}, null, Instant.ofEpochMilli(START + (d + 1) * DAY), Map.of(),
                    new VarianceMeasure(VarianceProxy.PARKINSON, false));
            ledger.record(entry);
            ledger.score(PredictFixture.BTC_1D, Target.VOLATILITY, entry.origin(),
                    Score.ofVariance(entry, 1, START + (d + 1) * DAY, (5 + d) * 1e-4));
        }

        JsonNode body = get("symbol=BTCUSDT&interval=1d&target=volatility", 200);

        assertEquals(JSON.valueToTree(new LiveSkill(ledger).report(PredictFixture.BTC_1D, Target.VOLATILITY)
                .orElseThrow()), body);
        assertEquals("volatility", body.path("target").asText());
        // The version's window: the trailing ones end at the newest origin, whose day has not matured.
        JsonNode h1 = body.path("windows").get(3).path("horizons").get(0);
        assertEquals("version 4", h1.path("window").asText());
        assertEquals(3, h1.path("matured").asInt());
        assertTrue(h1.path("mase").isNull() && h1.path("coverage80").isNull(), h1.toString());
        double qlike = 0;
        double naive = 0;
        for (int d = 0; d < 3; d++) {
            double actual = (5 + d) * 1e-4;
            qlike += actual / 5e-4 - Math.log(actual / 5e-4) - 1;
            naive += actual / 4e-4 - Math.log(actual / 4e-4) - 1;
        }
        assertEquals(qlike / naive, h1.path("qlikeRatio").asDouble(), 1e-12);
        assertEquals((0 + 1 + 4) / (1 + 4 + 9.0), h1.path("mseRatio").asDouble(), 1e-9);
        assertEquals("parkinson", body.path("versions").get(0).path("variance").asText());
    }

    @Test
    void aSeriesWithNoLedgerIsA404NamingIt() throws Exception {
        JsonNode body = get("symbol=ETHUSDT", 404);
        assertEquals("no ledger", body.path("error").asText());
        assertTrue(body.path("detail").asText().startsWith("ETHUSDT 1d has no close forecasts in the ledger"),
                body.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "symbol=BTCUSDT&target=price      | 400 | invalid target",
        "symbol=BTCUSDT&interval=7x       | 400 | invalid interval",
        "symbol=btc-usdt                  | 400 | invalid symbol",
        "symbol=BTCUSDT&days=3            | 400 | unknown parameter",
        "symbol=DOGEUSDT                  | 404 | unknown symbol"})
    void badParametersGetTheApisJson4xx(String query, int status, String error) throws Exception {
        assertEquals(error, get(query, status).path("error").asText());
    }
}
