package com.klinecast.core.series;

import com.klinecast.core.text.Echo;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kline series: a symbol at an interval, e.g. BTCUSDT at 1d. Its {@link #id()} ({@code BTCUSDT#1d}) is the
 * feature table's partition key, so the symbol is validated strictly before it reaches a URL or a key.
 */
public record Series(String symbol, Interval interval) {

    private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9]{2,20}$");

    public Series {
        Objects.requireNonNull(interval, "interval");
        requireSymbol(symbol);
    }

    public static Series of(String symbol, String interval) {
        return new Series(symbol, Interval.parse(interval));
    }

    /** Parses the id form {@code SYMBOL#interval}. */
    public static Series parseId(String id) {
        int hash = id == null ? -1 : id.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("series id '" + Echo.shorten(id)
                    + "' is not of the form SYMBOL#interval");
        }
        return of(id.substring(0, hash), id.substring(hash + 1));
    }

    public static String requireSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("invalid symbol '" + Echo.shorten(symbol)
                    + "': expected 2 to 20 upper-case letters or digits, e.g. BTCUSDT");
        }
        return symbol;
    }

    public String id() {
        return symbol + "#" + interval.code();
    }

    @Override
    public String toString() {
        return symbol + " " + interval.code();
    }
}
