package com.klinecast.predict;

import static com.klinecast.predict.PredictFixture.BTC_1D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.testing.MovableClock;
import com.klinecast.predict.api.ApiRequest;
import com.klinecast.predict.api.ApiResponse;
import com.klinecast.predict.api.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The champion alias is re-read at most every five minutes, so a new champion needs no redeploy. */
class ChampionRecheckIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A clock the test moves. */

    @Test
    void aNewChampionIsServedOnlyAfterTheRecheckInterval() throws Exception {
        PredictFixture fixture = new PredictFixture().withCandles();
        fixture.publishChampion(1);
        MovableClock clock = new MovableClock(PredictFixture.NOW);
        Router router = fixture.router(clock);
        assertEquals(1, servedVersion(router));

        fixture.publish(2);
        fixture.registry.promote(BTC_1D, 2);
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertEquals(1, servedVersion(router), "within the interval the cached champion is served");

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertEquals(2, servedVersion(router), "after it, the alias is re-read and v2 loaded");
    }

    @Test
    void aStoreThatDoesNotAnswerIsA503WithoutInternals() throws Exception {
        PredictFixture fixture = new PredictFixture().withCandles();
        fixture.publishChampion(1);
        PredictConfig config = fixture.config();
        Router router = PredictServices.router(new PredictConfig("no-such-table", config.bucket(), config.championRecheck()), fixture.ddb, fixture.s3, Clock.fixed(PredictFixture.NOW, ZoneOffset.UTC),
                fixture.logged::add);

        ApiResponse response = router.handle(ApiRequest.get("/forecast", "symbol=BTCUSDT"));

        assertEquals(503, response.status(), response.body());
        assertEquals("store unavailable", JSON.readTree(response.body()).path("error").asText());
        assertTrue(!response.body().contains("Exception") && !response.body().contains("no-such-table"),
                response.body());
        assertTrue(fixture.logged.stream().anyMatch(line -> line.contains("ResourceNotFound")), "logged for operators");
    }

    private static int servedVersion(Router router) throws Exception {
        ApiResponse response = router.handle(ApiRequest.get("/forecast", "symbol=BTCUSDT&days=1"));
        assertEquals(200, response.status(), response.body());
        JsonNode body = JSON.readTree(response.body());
        return body.path("model").path("version").asInt();
    }
}
