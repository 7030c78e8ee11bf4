package com.klinecast.standins.replay;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A klines request's query, checked as Binance checks it and in the same order, so that a bad request gets
 * Binance's error code and message: the series (symbol, interval, and a file of the replay for them), then the
 * range (startTime and endTime in ms or µs, limit 1..1000).
 */
record KlinesQuery(String series, Path file, Long start, Long end, int limit) {

    private static final Set<String> INTERVALS = Set.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h",
            "8h", "12h", "1d", "3d", "1w", "1M");

    /** A query Binance would answer with HTTP 400 and this error. */
    static final class Refused extends Exception {

        final int code;

        Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** @param files the replay's files by series id (SYMBOL#INTERVAL) */
    static KlinesQuery parse(String rawQuery, Map<String, Path> files) throws Refused {
        Map<String, String> q = params(rawQuery);
        String series = series(q, files);
        Long start;
        Long end;
        int limit;
        try {
            start = time(q.get("startTime"));
            end = time(q.get("endTime"));
            limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : 500;
        } catch (NumberFormatException e) {
            throw new Refused(-1100, "Illegal characters found in a parameter.");
        }
        if (limit < 1 || limit > 1000) {
            throw new Refused(-1130, "Invalid data sent for a parameter: limit must be 1..1000.");
        }
        if (start != null && end != null && start > end) {
            throw new Refused(-1130, "Invalid data sent for a parameter: startTime > endTime.");
        }
        return new KlinesQuery(series, files.get(series), start, end, limit);
    }

    /** The series id of a symbol and interval the replay has a file for. */
    private static String series(Map<String, String> q, Map<String, Path> files) throws Refused {
        String symbol = q.get("symbol");
        String interval = q.get("interval");
        if (symbol == null || symbol.isEmpty()) {
            throw new Refused(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        if (!symbol.matches("[A-Z0-9-_.]{1,20}")) {
            throw new Refused(-1100, "Illegal characters found in parameter 'symbol'; legal range is "
                    + "'^[A-Z0-9-_.]{1,20}$'.");
        }
        if (interval == null || interval.isEmpty()) {
            throw new Refused(-1102, "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
        }
        if (!INTERVALS.contains(interval)) {
            throw new Refused(-1120, "Invalid interval.");
        }
        if (files.keySet().stream().noneMatch(k -> k.startsWith(symbol + "#"))) {
            throw new Refused(-1121, "Invalid symbol.");
        }
        if (!files.containsKey(symbol + "#" + interval)) {
            throw new Refused(-1121, "Invalid symbol. (the replay has no " + symbol + " " + interval + " file)");
        }
        return symbol + "#" + interval;
    }

    /** Binance accepts ms, or µs since 2024-12; a 16-digit time is µs. */
    private static Long time(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        long t = Long.parseLong(value);
        return t >= 100_000_000_000_000L ? t / 1000 : t;
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }
}
