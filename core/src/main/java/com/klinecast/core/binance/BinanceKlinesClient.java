package com.klinecast.core.binance;

import com.klinecast.core.binance.BinanceException.Reason;
import com.klinecast.core.binance.KlineJson.MalformedKlinesException;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.ingest.ExchangeUsage;
import com.klinecast.core.ingest.KlinePage;
import com.klinecast.core.ingest.KlineSource;
import com.klinecast.core.retry.Sleeper;
import com.klinecast.core.series.Series;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v3/klines}, paged by {@code startTime} with {@code limit=1000} (the maximum, and the same weight
 * as any smaller page). Rate-limit aware: it stays under the per-minute weight, sleeps through a short 429
 * Retry-After, and stops at a 418 ban rather than retrying into a longer one. 5xx, time-outs and malformed
 * answers are retried with bounded back-off; a read-only request is safe to repeat.
 */
public final class BinanceKlinesClient implements KlineSource {

    public static final int PAGE_LIMIT = 1000;
    static final int KLINES_WEIGHT = 2;
    static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

    private final BinanceSettings settings;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final WeightGovernor weight;
    private long requests;
    private final Map<Series, UsageCounter> usage = new ConcurrentHashMap<>();

    /** @param rateClock real time, for Binance's per-minute weight windows */
    public BinanceKlinesClient(BinanceSettings settings, HttpClient http, Clock rateClock, Sleeper sleeper) {
        this.settings = settings;
        this.http = http;
        this.sleeper = sleeper;
        this.weight = new WeightGovernor(rateClock, sleeper, settings.weightLimitPerMinute(),
                settings.weightHeadroom());
    }

    /** The production client: the JDK's HTTP client, real time for the weight windows. */
    public static BinanceKlinesClient create(BinanceSettings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        return new BinanceKlinesClient(settings, http, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    @Override
    public KlinePage fetch(Series series, long startTime, long nowMillis) {
        URI uri = URI.create(stripSlash(settings.baseUrl().toString()) + "/api/v3/klines?symbol=" + series.symbol()
                + "&interval=" + series.interval().code() + "&startTime=" + startTime + "&limit=" + PAGE_LIMIT);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Accept", "application/json").GET().build();
        try {
            return fetchWithRetries(series, startTime, nowMillis, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BinanceException(Reason.UNAVAILABLE, "interrupted while fetching " + series, 0, null, null, e);
        }
    }

    /** Requests sent so far, retries included. */
    public synchronized long requests() {
        return requests;
    }

    @Override
    public ExchangeUsage drainUsage(Series series) {
        UsageCounter counter = usage.remove(series);
        return counter == null ? ExchangeUsage.NONE : counter.snapshot();
    }

    /** Times the client paused to stay under the weight limit. */
    public long weightWaits() {
        return weight.waits();
    }

    private KlinePage fetchWithRetries(Series series, long startTime, long now, HttpRequest request)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            UsageCounter counter = usage.computeIfAbsent(series, s -> new UsageCounter());
            acquireWeight(counter);
            Failure failure;
            try {
                HttpResponse<byte[]> response = send(request);
                observeUsedWeight(response, counter);
                int status = response.statusCode();
                if (status == 200) {
                    return page(series, startTime, now, KlineJson.parseKlines(response.body()));
                }
                if (status == 429) {
                    waitOutRateLimit(series, response, attempt, counter);
                    continue;
                }
                throwIfRefused(series, response, counter);
                failure = new Failure(status, "HTTP " + status, null);
            } catch (MalformedKlinesException e) {
                failure = new Failure(200, e.getMessage(), e);
            } catch (IOException e) {
                failure = new Failure(0, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                        : ": " + e.getMessage()), e);
            }
            backOff(series, attempt, failure, counter);
        }
    }

    /** A request that failed in a way another try may mend: what the final error says if none is left. */
    private record Failure(int status, String message, Throwable cause) {
    }

    /** Waits, if need be, for the weight a klines request costs; a wait counts for the series. */
    private void acquireWeight(UsageCounter counter) throws InterruptedException {
        long waitsBefore = weight.waits();
        weight.acquire(KLINES_WEIGHT);
        if (weight.waits() > waitsBefore) {
            counter.weightWait();
        }
    }

    /** The weight the exchange says this IP used in its window, which the governor keeps under the limit. */
    private void observeUsedWeight(HttpResponse<byte[]> response, UsageCounter counter) {
        response.headers().firstValue(USED_WEIGHT_HEADER).flatMap(BinanceKlinesClient::parseInt)
                .ifPresent(used -> {
                    weight.observe(used);
                    counter.usedWeight(used);
                });
    }

    /** A 429: waits as Retry-After asks, unless it asks longer than we may wait here or the attempts are spent. */
    private void waitOutRateLimit(Series series, HttpResponse<byte[]> response, int attempt, UsageCounter counter)
            throws InterruptedException {
        counter.rateLimited();
        Duration retryAfter = retryAfter(response);
        if (retryAfter.compareTo(settings.maxRetryAfter()) > 0 || attempt >= maxAttempts()) {
            throw new BinanceException(Reason.RATE_LIMITED, "Binance rate limit hit for " + series
                    + " (HTTP 429); it asks to wait " + retryAfter.toSeconds() + " s", 429, errorCode(response),
                    retryAfter, null);
        }
        counter.backedOff(retryAfter);
        sleeper.sleep(retryAfter);
    }

    /** A ban (418) or another 4xx, where no retry can help; a 5xx returns, to be retried. */
    private void throwIfRefused(Series series, HttpResponse<byte[]> response, UsageCounter counter) {
        int status = response.statusCode();
        if (status == 418) {
            counter.banned();
            Duration retryAfter = retryAfter(response);
            throw new BinanceException(Reason.BANNED, "Binance has banned this IP (HTTP 418) for "
                    + retryAfter.toSeconds() + " s; stopping, since retrying would lengthen the ban", 418,
                    errorCode(response), retryAfter, null);
        }
        if (status < 500) {
            throw rejected(series, status, response.body());
        }
    }

    /** Sleeps the back-off's delay before the next attempt, or throws once the attempts are spent. */
    private void backOff(Series series, int attempt, Failure failure, UsageCounter counter)
            throws InterruptedException {
        if (attempt >= maxAttempts()) {
            throw new BinanceException(Reason.UNAVAILABLE, "Binance klines for " + series + " failed "
                    + attempt + " times; last: " + failure.message(), failure.status(), null, null, failure.cause());
        }
        Duration delay = settings.backoff().delay(attempt);
        counter.retried(delay);
        sleeper.sleep(delay);
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        synchronized (this) {
            requests++;
        }
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Drops the still-open candle and checks what the exchange cannot truthfully send: a page out of order or
     * starting before {@code startTime} (overlapping the last one), a closed candle after one still open (candles
     * close in order), and a first unclosed candle that opens after "now" (the one in progress at "now" must come
     * first; a candle from the future means a broken clock or answer), an unclosed candle whose close time lies past
     * its interval's end (a closed one disguised, which would end the backfill early). Such a page is malformed: retried, never
     * half-used.
     */
    private KlinePage page(Series series, long startTime, long now, List<Candle> candles)
            throws MalformedKlinesException {
        List<Candle> closed = new ArrayList<>(candles.size());
        boolean openSeen = false;
        long previous = startTime - 1;
        for (Candle candle : candles) {
            if (candle.openTime() <= previous) {
                throw new MalformedKlinesException("klines for " + series + " are out of order or before startTime "
                        + "at open time " + candle.openTime(), null);
            }
            previous = candle.openTime();
            if (candle.isClosedAt(now)) {
                if (openSeen) {
                    throw new MalformedKlinesException("klines for " + series + ": the candle opened at "
                            + candle.openTime() + " is closed, after one still open", null);
                }
                closed.add(candle);
            } else {
                if (!openSeen && candle.openTime() > now) {
                    throw new MalformedKlinesException("klines for " + series + ": the candle opened at "
                            + candle.openTime() + " is from the future (now is " + now + ")", null);
                }
                if (candle.closeTime() > series.interval().fullCloseTime(candle.openTime())) {
                    // "Still open" past its interval's end: a closed candle disguised, which would end the page.
                    throw new MalformedKlinesException("klines for " + series + ": the candle opened at "
                            + candle.openTime() + " closes after its interval's end", null);
                }
                openSeen = true;
            }
        }
        return new KlinePage(closed, candles.size(), openSeen || candles.size() < PAGE_LIMIT);
    }

    private BinanceException rejected(Series series, int status, byte[] body) {
        Optional<KlineJson.ApiError> error = KlineJson.parseError(body);
        String detail = error.map(e -> e.msg() + " (code " + e.code() + ", HTTP " + status + ")")
                .orElse("HTTP " + status + (status == 403 ? ", blocked by Binance's firewall" : ""));
        return new BinanceException(Reason.REJECTED, "Binance rejected the klines request for " + series + ": "
                + detail, status, error.map(KlineJson.ApiError::code).orElse(null), null, null);
    }

    private int maxAttempts() {
        return settings.backoff().maxAttempts();
    }

    private static Integer errorCode(HttpResponse<byte[]> response) {
        return KlineJson.parseError(response.body()).map(KlineJson.ApiError::code).orElse(null);
    }

    private static Duration retryAfter(HttpResponse<byte[]> response) {
        // Binance sends seconds; without the header, a minute is the documented window.
        return response.headers().firstValue("Retry-After").flatMap(BinanceKlinesClient::parseInt)
                .map(s -> Duration.ofSeconds(Math.max(0, s))).orElse(Duration.ofSeconds(60));
    }

    private static Optional<Integer> parseInt(String value) {
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
