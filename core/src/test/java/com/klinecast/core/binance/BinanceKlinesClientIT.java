package com.klinecast.core.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.ingest.KlinePage;
import com.klinecast.core.retry.Backoff;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.BundledData;
import com.klinecast.core.testing.RecordingSleeper;
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.replay.Fault;
import com.klinecast.standins.replay.ReplayClock;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The klines client against the Binance replay server: real HTTP, real bundled klines, injected faults. */
class BinanceKlinesClientIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series BTC_1H = Series.of("BTCUSDT", "1h");
    private static final long FIRST_BTC_DAY = 1502928000000L;
    private static final Instant AFTER_DATA = Instant.parse("2026-01-01T00:00:00Z");

    private final ReplayClock market = ReplayClock.fixedAt(AFTER_DATA);
    private BinanceReplayServer replay;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        replay = BinanceReplayServer.start(BundledData.dir(), market);
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        replay.close();
    }

    private BinanceKlinesClient client(BinanceSettings settings) {
        return new BinanceKlinesClient(settings, HttpClient.newHttpClient(), Clock.systemUTC(), sleeper);
    }

    private BinanceKlinesClient client() {
        return client(BinanceSettings.defaults(replay.baseUrl()));
    }

    private static List<Candle> fetchAll(BinanceKlinesClient client, Series series, long from, long now) {
        List<Candle> all = new ArrayList<>();
        long start = from;
        while (true) {
            KlinePage page = client.fetch(series, start, now);
            all.addAll(page.closed());
            if (page.last()) {
                return all;
            }
            start = page.closed().get(page.closed().size() - 1).openTime() + 1;
        }
    }

    @Test
    void pagesThroughTheWholeDailyHistoryInCeilNOver1000Requests() {
        BinanceKlinesClient client = client();
        List<Candle> all = fetchAll(client, BTC_1D, 0, AFTER_DATA.toEpochMilli());

        assertEquals(2875, all.size());
        assertEquals(3, replay.klineRequestCount());
        assertEquals(3, client.requests());
        assertEquals(FIRST_BTC_DAY, all.get(0).openTime());
        assertTrue(replay.klineRequests().get(0).contains("limit=1000"));
    }

    @Test
    void keepsBinanceDecimalsExactly() {
        Candle first = client().fetch(BTC_1D, 0, AFTER_DATA.toEpochMilli()).closed().get(0);

        assertEquals(0, new BigDecimal("4261.48").compareTo(first.open()));
        assertEquals(new BigDecimal("795.150377"), first.volume());
        assertEquals(new BigDecimal("3454770.05073206"), first.quoteVolume());
        assertEquals(3427, first.trades());
        assertEquals(1503014399999L, first.closeTime());
    }

    @Test
    void neverReturnsTheStillOpenCandle() {
        Instant midDay = Instant.parse("2025-06-20T13:00:00Z");
        market.set(midDay);

        KlinePage page = client().fetch(BTC_1D, Instant.parse("2025-06-15T00:00:00Z").toEpochMilli(),
                midDay.toEpochMilli());

        // The replay serves 06-15..06-20 like Binance, 06-20 still open; the client keeps the five closed ones.
        assertEquals(6, page.received());
        assertEquals(5, page.closed().size());
        assertEquals(Instant.parse("2025-06-19T00:00:00Z").toEpochMilli(), page.closed().get(4).openTime());
        assertTrue(page.last());
    }

    @Test
    void waitsOutA429RetryAfterAndThenSucceeds() {
        replay.inject(Fault.rateLimited(Duration.ofSeconds(3)));

        KlinePage page = client().fetch(BTC_1D, 0, AFTER_DATA.toEpochMilli());

        assertEquals(1000, page.closed().size());
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits());
        assertEquals(2, replay.klineRequestCount());
    }

    @Test
    void reportsA429WhoseRetryAfterIsTooLongInsteadOfWaiting() {
        replay.inject(Fault.rateLimited(Duration.ofMinutes(10)));

        BinanceException e = assertThrows(BinanceException.class,
                () -> client().fetch(BTC_1D, 0, AFTER_DATA.toEpochMilli()));

        assertEquals(BinanceException.Reason.RATE_LIMITED, e.reason());
        assertEquals(Duration.ofMinutes(10), e.retryAfter().orElseThrow());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void stopsAtA418BanWithoutRetrying() {
        replay.inject(Fault.banned(Duration.ofSeconds(120)));

        BinanceException e = assertThrows(BinanceException.class,
                () -> client().fetch(BTC_1D, 0, AFTER_DATA.toEpochMilli()));

        assertEquals(BinanceException.Reason.BANNED, e.reason());
        assertEquals(418, e.httpStatus());
        assertTrue(e.getMessage().contains("banned"), e.getMessage());
        assertEquals(1, replay.klineRequestCount());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void retriesServerErrorsMalformedAndTruncatedAnswersWithBackoff() {
        replay.inject(Fault.serverError(), Fault.malformedJson(), Fault.truncated());

        KlinePage page = client().fetch(BTC_1D, 0, AFTER_DATA.toEpochMilli());

        assertEquals(1000, page.closed().size());
        assertEquals(4, replay.klineRequestCount());
        assertEquals(3, sleeper.waits().size());
    }

    @Test
    void retriesAnAnswerSlowerThanTheRequestTimeout() {
        replay.inject(Fault.slow(Duration.ofSeconds(2)));
        BinanceSettings settings = BinanceSettings.defaults(replay.baseUrl()).withRequestTimeout(Duration.ofMillis(300));

        KlinePage page = client(settings).fetch(BTC_1D, 0, AFTER_DATA.toEpochMilli());

        assertEquals(1000, page.closed().size());
        assertEquals(1, sleeper.waits().size());
    }

    @Test
    void givesUpAfterBoundedRetriesWithAClearError() {
        replay.inject(Fault.serverError(), Fault.serverError(), Fault.serverError());
        BinanceSettings settings = BinanceSettings.defaults(replay.baseUrl())
                .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 3));

        BinanceException e = assertThrows(BinanceException.class,
                () -> client(settings).fetch(BTC_1D, 0, AFTER_DATA.toEpochMilli()));

        assertEquals(BinanceException.Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains("failed 3 times"), e.getMessage());
        assertEquals(3, replay.klineRequestCount());
        // Exponential and bounded: each wait is at most min(cap, base * 2^(n-1)).
        assertTrue(sleeper.waits().get(0).toMillis() <= 100 && sleeper.waits().get(1).toMillis() <= 200);
    }

    @Test
    void mapsAnUnknownSymbolToATypedErrorWithBinancesMessage() {
        BinanceException e = assertThrows(BinanceException.class,
                () -> client().fetch(Series.of("NOSUCHCOIN", "1d"), 0, AFTER_DATA.toEpochMilli()));

        assertEquals(BinanceException.Reason.REJECTED, e.reason());
        assertEquals(-1121, e.code().orElseThrow());
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("Invalid symbol.") && e.getMessage().contains("NOSUCHCOIN"),
                e.getMessage());
        assertEquals(1, replay.klineRequestCount());
    }

    @Test
    void mapsABadIntervalAnswerToATypedError() {
        // Interval.parse never lets a bad code out; a server that still says -1120 is reported, not retried.
        BinanceSettings settings = BinanceSettings.defaults(URI.create(replay.baseUrl() + "/api/v3/klines?interval=9x&x="));
        BinanceException e = assertThrows(BinanceException.class,
                () -> client(settings).fetch(BTC_1D, 0, AFTER_DATA.toEpochMilli()));

        assertEquals(BinanceException.Reason.REJECTED, e.reason());
    }

    @Test
    void staysUnderTheWeightLimitByWaitingForTheNextMinute() {
        ReplayClock rate = ReplayClock.fixedAt(Instant.parse("2026-01-01T00:00:10Z"));
        replay.close();
        replay = BinanceReplayServer.start(BundledData.dir(), market, rate, 0);
        replay.setWeightLimitPerMinute(10);
        RecordingSleeper clockMover = new RecordingSleeper(rate);
        BinanceKlinesClient client = new BinanceKlinesClient(
                BinanceSettings.defaults(replay.baseUrl()).withWeightLimit(10), HttpClient.newHttpClient(), rate,
                clockMover);

        List<Candle> all = fetchAll(client, BTC_1H, 0, AFTER_DATA.toEpochMilli());

        assertEquals(8749, all.size());
        assertEquals(9, replay.klineRequestCount(), "no request was refused with a 429");
        assertFalse(clockMover.waits().isEmpty());
        assertTrue(client.weightWaits() >= 2);
    }
}
