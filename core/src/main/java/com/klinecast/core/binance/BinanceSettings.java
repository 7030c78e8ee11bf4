package com.klinecast.core.binance;

import com.klinecast.core.retry.Backoff;
import java.net.URI;
import java.time.Duration;

/**
 * How the klines client talks to Binance.
 *
 * @param baseUrl e.g. {@code https://data-api.binance.vision}, the keyless market-data host
 * @param requestTimeout per request; a slower answer counts as a transient failure
 * @param backoff retries of 5xx, time-outs and malformed answers
 * @param maxRetryAfter the longest 429 Retry-After the client sleeps through; longer ones are reported
 * @param weightLimitPerMinute Binance's REQUEST_WEIGHT limit (6,000 since 2023-08-25)
 * @param weightHeadroom fraction of the limit the client allows itself, leaving room for other clients on the IP
 */
public record BinanceSettings(
        URI baseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        Backoff backoff,
        Duration maxRetryAfter,
        int weightLimitPerMinute,
        double weightHeadroom) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://data-api.binance.vision");

    public BinanceSettings {
        String scheme = baseUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("Binance base URL must be an http(s) URL, got " + baseUrl);
        }
        if (weightLimitPerMinute < 2 || weightHeadroom <= 0 || weightHeadroom > 1) {
            throw new IllegalArgumentException("weight limit must be >= 2 and headroom in (0, 1]");
        }
    }

    public static BinanceSettings defaults(URI baseUrl) {
        return new BinanceSettings(baseUrl, Duration.ofSeconds(5), Duration.ofSeconds(15),
                new Backoff(Duration.ofMillis(250), Duration.ofSeconds(8), 6), Duration.ofSeconds(30), 6000, 0.8);
    }

    public BinanceSettings withBackoff(Backoff newBackoff) {
        return new BinanceSettings(baseUrl, connectTimeout, requestTimeout, newBackoff, maxRetryAfter,
                weightLimitPerMinute, weightHeadroom);
    }

    public BinanceSettings withRequestTimeout(Duration timeout) {
        return new BinanceSettings(baseUrl, connectTimeout, timeout, backoff, maxRetryAfter,
                weightLimitPerMinute, weightHeadroom);
    }

    public BinanceSettings withWeightLimit(int limit) {
        return new BinanceSettings(baseUrl, connectTimeout, requestTimeout, backoff, maxRetryAfter, limit,
                weightHeadroom);
    }

    public BinanceSettings withMaxRetryAfter(Duration max) {
        return new BinanceSettings(baseUrl, connectTimeout, requestTimeout, backoff, max, weightLimitPerMinute,
                weightHeadroom);
    }
}
