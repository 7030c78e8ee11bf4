package com.klinecast.core.series;

import com.klinecast.core.text.Echo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Binance's kline intervals. Codes are case-sensitive: {@code 1m} is a minute, {@code 1M} a month. */
public enum Interval {
    S1("1s", 1_000L),
    M1("1m", 60_000L),
    M3("3m", 3 * 60_000L),
    M5("5m", 5 * 60_000L),
    M15("15m", 15 * 60_000L),
    M30("30m", 30 * 60_000L),
    H1("1h", 3_600_000L),
    H2("2h", 2 * 3_600_000L),
    H4("4h", 4 * 3_600_000L),
    H6("6h", 6 * 3_600_000L),
    H8("8h", 8 * 3_600_000L),
    H12("12h", 12 * 3_600_000L),
    D1("1d", 86_400_000L),
    D3("3d", 3 * 86_400_000L),
    W1("1w", 7 * 86_400_000L),
    /** Calendar month: its length varies, so it has no fixed duration. */
    MONTH1("1M", 0L);

    private final String code;
    private final long millis;

    Interval(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    public String code() {
        return code;
    }

    /** Parses a Binance interval code, naming the allowed ones when it is not one of them. */
    public static Interval parse(String code) {
        for (Interval interval : values()) {
            if (interval.code.equals(code)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("unknown interval '" + Echo.shorten(code) + "'; Binance intervals are "
                + Arrays.stream(values()).map(Interval::code).collect(Collectors.joining(", ")));
    }

    /** Open time of the candle that follows the one opened at {@code openTime} (epoch ms, UTC). */
    public long nextOpenTime(long openTime) {
        if (this == MONTH1) {
            return Instant.ofEpochMilli(openTime).atZone(ZoneOffset.UTC).plusMonths(1).toInstant().toEpochMilli();
        }
        return openTime + millis;
    }

    /** Close time of a full candle opened at {@code openTime}: Binance closes at the next open minus 1 ms. */
    public long fullCloseTime(long openTime) {
        return nextOpenTime(openTime) - 1;
    }

    /** Candles that have closed by {@code now} after the one opened at {@code lastOpenTime}: how stale a series is. */
    public long closedSince(long lastOpenTime, long now) {
        if (this != MONTH1) {
            long next = nextOpenTime(lastOpenTime);
            return now <= next ? 0 : (now - next) / millis;
        }
        long count = 0;
        for (long t = nextOpenTime(lastOpenTime); fullCloseTime(t) < now; t = nextOpenTime(t)) {
            count++;
        }
        return count;
    }

    /** Approximate length in ms (a month counts 30 days); for estimates such as progress, never for keys. */
    public long approximateMillis() {
        return this == MONTH1 ? 30 * 86_400_000L : millis;
    }

    @Override
    public String toString() {
        return code;
    }
}
