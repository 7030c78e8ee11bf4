package com.klinecast.stream.trade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Binance's daily trades archive ({@code data.binance.vision}): no header, columns
 * {@code trade_id,price,qty,quote_qty,time,is_buyer_maker,is_best_match}. The archive's own quote_qty is not read:
 * the stream has none, so both paths derive it from price and quantity.
 */
public final class TradeCsv {

    private TradeCsv() {
    }

    public static List<Trade> read(Path file, String symbol) {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).map(line -> parse(symbol, line)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Trade parse(String symbol, String line) {
        String[] f = line.split(",");
        if (f.length < 6) {
            throw new IllegalArgumentException("not a trades-archive row (7 columns expected): " + line);
        }
        return new Trade(symbol, Long.parseLong(f[0]), new BigDecimal(f[1]), new BigDecimal(f[2]),
                Long.parseLong(f[4]), Boolean.parseBoolean(f[5].trim()));
    }
}
