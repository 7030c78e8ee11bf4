package com.klinecast.core.testing;

import com.klinecast.core.candle.Candle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads candles from a bundled Binance CSV, for tests that need real rows without the exchange. */
public final class CsvCandles {

    private CsvCandles() {
    }

    public static List<Candle> read(String fileName, int limit) {
        try (var lines = Files.lines(BundledData.dir().resolve(fileName))) {
            return lines.skip(1).limit(limit).map(CsvCandles::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Candle parse(String line) {
        String[] f = line.split(",");
        return new Candle(Long.parseLong(f[0]), new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]),
                new BigDecimal(f[4]), new BigDecimal(f[5]), Long.parseLong(f[6]), new BigDecimal(f[7]),
                Long.parseLong(f[8]), new BigDecimal(f[9]), new BigDecimal(f[10]));
    }

    public static Path file(String fileName) {
        return BundledData.dir().resolve(fileName);
    }
}
