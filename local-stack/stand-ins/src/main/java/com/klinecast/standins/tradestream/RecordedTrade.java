package com.klinecast.standins.tradestream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One row of Binance's trades archive ({@code trade_id,price,qty,quote_qty,time,is_buyer_maker,is_best_match}),
 * kept as the archive's strings, and the {@code @trade} frame Binance's combined stream sends for it.
 */
record RecordedTrade(long id, String price, String quantity, long time, boolean buyerMaker) {

    static List<RecordedTrade> read(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).map(RecordedTrade::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RecordedTrade parse(String line) {
        String[] f = line.split(",");
        return new RecordedTrade(Long.parseLong(f[0]), f[1], f[2], Long.parseLong(f[4]),
                Boolean.parseBoolean(f[5].trim()));
    }

    String frame(String symbol, long eventTime) {
        return "{\"stream\":\"" + symbol.toLowerCase(Locale.ROOT) + "@trade\",\"data\":{\"e\":\"trade\",\"E\":"
                + eventTime + ",\"s\":\"" + symbol + "\",\"t\":" + id + ",\"p\":\"" + price + "\",\"q\":\""
                + quantity + "\",\"T\":" + time + ",\"m\":" + buyerMaker + ",\"M\":true}}";
    }
}
