package com.klinecast.core.binance;

import com.klinecast.core.ingest.PortException;
import java.time.Duration;
import java.util.Optional;

/** A klines request that did not succeed, with the reason an operator (or a retry policy) needs. */
public final class BinanceException extends PortException {

    public enum Reason {
        /** Binance refused the request (bad symbol, bad interval, WAF block): retrying cannot help. */
        REJECTED,
        /** 429 with a Retry-After longer than we are willing to wait here. */
        RATE_LIMITED,
        /** 418: the IP is banned; retrying would lengthen the ban, so we stop and report. */
        BANNED,
        /** 5xx, time-outs, broken or malformed answers, still failing after bounded retries. */
        UNAVAILABLE
    }

    private final Reason reason;
    private final int httpStatus;
    private final Integer code;
    private final Duration retryAfter;

    BinanceException(Reason reason, String message, int httpStatus, Integer code, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status, or 0 when no answer came (time-out, connection failure). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Binance's error code, e.g. -1121 for an invalid symbol, when its error body was readable. */
    public Optional<Integer> code() {
        return Optional.ofNullable(code);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
