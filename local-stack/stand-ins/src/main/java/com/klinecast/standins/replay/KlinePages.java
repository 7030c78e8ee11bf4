package com.klinecast.standins.replay;

import java.util.ArrayList;
import java.util.List;

/** The rows of a klines request, selected as Binance selects them from the candles that exist at "now". */
final class KlinePages {

    private KlinePages() {
    }

    /** The page {@link #page} would serve, taken apart for a {@link PageRewrite}, with the page before it. */
    static PageRewrite.Page parts(KlineFile data, Long start, Long end, int limit, long now) {
        int[] range = range(data, start, end, limit, now);
        List<List<String>> klines = new ArrayList<>();
        for (int i = range[0]; i < range[1]; i++) {
            klines.add(fields(data.json(i)));
        }
        List<List<String>> earlier = new ArrayList<>();
        for (int i = Math.max(0, range[0] - limit); i < range[0]; i++) {
            earlier.add(fields(data.json(i)));
        }
        return new PageRewrite.Page(klines, earlier, now);
    }

    /** A pre-rendered kline's fields; none of them holds a comma. */
    private static List<String> fields(String json) {
        return List.of(json.substring(1, json.length() - 1).split(","));
    }

    /** Selects rows like Binance: from startTime forward, or the latest ones up to endTime or now. */
    static String page(KlineFile data, Long start, Long end, int limit, long now) {
        int[] range = range(data, start, end, limit, now);
        int from = range[0];
        int to = range[1];
        StringBuilder body = new StringBuilder(Math.max(2, (to - from) * 160)).append('[');
        for (int i = from; i < to; i++) {
            if (i > from) {
                body.append(',');
            }
            body.append(data.json(i));
        }
        return body.append(']').toString();
    }

    /** The rows a request selects, as {@code [from, to)}. */
    private static int[] range(KlineFile data, Long start, Long end, int limit, long now) {
        long upper = end == null ? now : Math.min(end, now);
        // Rows that exist "now": opened at or before now (the one still open included).
        int endExclusive = data.firstAtOrAfter(upper + 1);
        int from;
        if (start != null) {
            from = data.firstAtOrAfter(start);
        } else {
            from = Math.max(0, endExclusive - limit);
        }
        return new int[] {from, Math.min(endExclusive, from + limit)};
    }
}
