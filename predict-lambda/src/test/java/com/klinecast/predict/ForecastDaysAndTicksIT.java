package com.klinecast.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.predict.api.ApiRequest;
import com.klinecast.predict.api.ApiResponse;
import com.klinecast.predict.api.Router;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code days} outside the served model's range, or empty, and prices at the symbol's tick size. */
class ForecastDaysAndTicksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PredictFixture fixture = new PredictFixture();

    private JsonNode get(String query, int status) throws Exception {
        Router router = fixture.router(Clock.fixed(PredictFixture.NOW, ZoneOffset.UTC));
        ApiResponse response = router.handle(ApiRequest.get("/forecast", query));
        assertEquals(status, response.status(), query + ": " + response.body());
        return JSON.readTree(response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "31", "366", "2000000000"})
    void everyOutOfRangeDaysGetsTheSameMessageNamingTheModelsLimit(String days) throws Exception {
        fixture.withCandles().publishChampion(1);

        JsonNode body = get("symbol=BTCUSDT&days=" + days, 400);

        assertEquals("invalid days", body.path("error").asText());
        assertEquals("'days' must be from 1 to 30 (the longest horizon version 1 was evaluated at), got " + days,
                body.path("detail").asText());
    }

    @Test
    void anEmptyDaysIsRefusedNotTakenAsTheDefault() throws Exception {
        fixture.withCandles().publishChampion(1);

        JsonNode body = get("symbol=BTCUSDT&days=", 400);

        assertEquals("invalid days", body.path("error").asText());
        assertTrue(body.path("detail").asText().startsWith("'days' is empty"), body.toString());
    }

    @Test
    void forecastPricesAreAtTheTickSizeOfTheCandles() throws Exception {
        fixture.withCandles().publishChampion(1);

        JsonNode body = get("symbol=BTCUSDT&days=30", 200);

        assertEquals(30, body.path("forecast").size());
        for (JsonNode point : body.path("forecast")) {
            assertAtMostTwoDecimals(point.path("close"));
            assertAtMostTwoDecimals(point.path("low"));
            assertAtMostTwoDecimals(point.path("high"));
            point.path("quantiles").forEach(ForecastDaysAndTicksIT::assertAtMostTwoDecimals);
        }
    }

    private static void assertAtMostTwoDecimals(JsonNode value) {
        assertTrue(value.isNumber(), value.toString());
        assertTrue(new BigDecimal(value.asText()).stripTrailingZeros().scale() <= 2, "BTCUSDT ticks 0.01: " + value);
    }
}
