package com.klinecast.standins.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the klines page the replay would serve into another answer body, for tests of what a client does with a
 * broken exchange: any text at all (a wrong field count, a price that is not a number, candles out of order, a page
 * overlapping the previous one, a candle from the future, an empty page, JSON cut off mid-way).
 */
@FunctionalInterface
public interface PageRewrite {

    /**
     * @param page the page as the replay would have served it
     * @return the body to send instead, with status 200
     */
    String rewrite(Page page);

    /**
     * A klines page taken apart: each kline as its 12 fields, each field as its JSON text ({@code 1502928000000},
     * {@code "4261.48000000"}).
     *
     * @param klines the klines the request selected, oldest first
     * @param earlier up to a page of klines just before them, oldest first (what an overlapping page repeats)
     * @param nowMillis the replay's "now"
     */
    record Page(List<List<String>> klines, List<List<String>> earlier, long nowMillis) {

        public Page {
            klines = copy(klines);
            earlier = copy(earlier);
        }

        /** The body Binance would send for {@code klines}. */
        public static String json(List<List<String>> klines) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < klines.size(); i++) {
                body.append(i == 0 ? "" : ",").append('[').append(String.join(",", klines.get(i))).append(']');
            }
            return body.append(']').toString();
        }

        /** The page unchanged. */
        public String json() {
            return json(klines);
        }

        /** A modifiable deep copy of the klines, to edit. */
        public List<List<String>> editable() {
            List<List<String>> out = new ArrayList<>();
            klines.forEach(k -> out.add(new ArrayList<>(k)));
            return out;
        }

        private static List<List<String>> copy(List<List<String>> rows) {
            return rows.stream().map(List::copyOf).toList();
        }
    }
}
