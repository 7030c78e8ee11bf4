package com.klinecast.standins.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replay follows the documented semantics of Binance's GET /api/v3/klines (docs/BINANCE-KLINES-API.md). */
class BinanceReplayServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_DAY = 1502928000000L;
    private static final long DAY = 86_400_000L;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ReplayClock clock = ReplayClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z"));
    private BinanceReplayServer replay;

    @BeforeEach
    void start() {
        String dir = System.getProperty("klinecast.dataDir", "../../data/binance");
        replay = BinanceReplayServer.start(Path.of(dir), clock);
    }

    @AfterEach
    void stop() {
        replay.close();
    }

    private HttpResponse<String> get(String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(replay.baseUrl() + "/api/v3/klines?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void servesTwelveFieldKlinesWithDecimalsAsStrings() throws Exception {
        JsonNode first = body(get("symbol=BTCUSDT&interval=1d&startTime=0&limit=1")).get(0);

        assertEquals(12, first.size());
        assertEquals(FIRST_DAY, first.get(0).asLong());
        assertEquals("4261.48000000", first.get(1).asText());
        assertTrue(first.get(1).isTextual() && first.get(6).isNumber() && first.get(8).isNumber());
    }

    @Test
    void defaultsTo500AndCapsAt1000() throws Exception {
        assertEquals(500, body(get("symbol=BTCUSDT&interval=1d&startTime=0")).size());
        assertEquals(1000, body(get("symbol=BTCUSDT&interval=1d&startTime=0&limit=1000")).size());

        HttpResponse<String> tooMany = get("symbol=BTCUSDT&interval=1d&limit=1001");
        assertEquals(400, tooMany.statusCode());
        assertEquals(-1130, body(tooMany).get("code").asInt());
    }

    @Test
    void withoutStartTimeServesTheLatestKlinesUpToEndTime() throws Exception {
        JsonNode page = body(get("symbol=BTCUSDT&interval=1d&endTime=" + (FIRST_DAY + 9 * DAY) + "&limit=3"));

        assertEquals(3, page.size());
        assertEquals(FIRST_DAY + 7 * DAY, page.get(0).get(0).asLong());
        assertEquals(FIRST_DAY + 9 * DAY, page.get(2).get(0).asLong());
    }

    @Test
    void acceptsMicrosecondTimes() throws Exception {
        JsonNode page = body(get("symbol=BTCUSDT&interval=1d&startTime=" + (FIRST_DAY + DAY) * 1000 + "&limit=1"));

        assertEquals(FIRST_DAY + DAY, page.get(0).get(0).asLong());
    }

    @Test
    void servesNothingAfterNowAndTheCandleOpenAtNowWithItsCloseTimeAhead() throws Exception {
        Instant midDay = Instant.parse("2025-06-20T13:00:00Z");
        clock.set(midDay);

        JsonNode page = body(get("symbol=BTCUSDT&interval=1d&startTime=" + Instant.parse("2025-06-18T00:00:00Z")
                .toEpochMilli()));

        assertEquals(3, page.size());
        JsonNode open = page.get(2);
        assertEquals(Instant.parse("2025-06-20T00:00:00Z").toEpochMilli(), open.get(0).asLong());
        assertTrue(open.get(6).asLong() > midDay.toEpochMilli());
    }

    @Test
    void answersErrorsWithBinancesCodes() throws Exception {
        HttpResponse<String> unknown = get("symbol=NOSUCHCOIN&interval=1d");
        assertEquals(400, unknown.statusCode());
        assertEquals(-1121, body(unknown).get("code").asInt());
        assertEquals("Invalid symbol.", body(unknown).get("msg").asText());

        assertEquals(-1120, body(get("symbol=BTCUSDT&interval=2x")).get("code").asInt());
        assertEquals(-1102, body(get("interval=1d")).get("code").asInt());
        assertEquals(-1100, body(get("symbol=BTCUSDT&interval=1d&startTime=yesterday")).get("code").asInt());
    }

    @Test
    void reportsUsedWeightAndRefusesPastTheLimit() throws Exception {
        replay.setWeightLimitPerMinute(4);

        HttpResponse<String> first = get("symbol=BTCUSDT&interval=1d&limit=1");
        get("symbol=BTCUSDT&interval=1d&limit=1");
        HttpResponse<String> third = get("symbol=BTCUSDT&interval=1d&limit=1");

        assertEquals("2", first.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        assertEquals(429, third.statusCode());
        assertEquals(-1003, body(third).get("code").asInt());
        assertTrue(third.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void appliesQueuedFaultsInOrderThenAnswersNormally() throws Exception {
        replay.inject(Fault.serverError(), Fault.banned(java.time.Duration.ofSeconds(120)));

        assertEquals(500, get("symbol=BTCUSDT&interval=1d&limit=1").statusCode());
        HttpResponse<String> banned = get("symbol=BTCUSDT&interval=1d&limit=1");
        assertEquals(418, banned.statusCode());
        assertEquals("120", banned.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, get("symbol=BTCUSDT&interval=1d&limit=1").statusCode());
    }
}
