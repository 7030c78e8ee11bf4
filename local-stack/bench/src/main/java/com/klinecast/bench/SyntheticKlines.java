package com.klinecast.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A deterministic synthetic 1m series in Binance's CSV format, for the scaling runs: a seeded random walk of the
 * close (log-normal steps), each candle opening at the last close, high and low a little outside the body,
 * volumes and trade counts drawn from the same generator. Same seed and size, same file, byte for byte.
 */
public final class SyntheticKlines {

    public static final String SYMBOL = "SYNTHUSDT";
    public static final String INTERVAL = "1m";
    /** 2020-01-01T00:00:00Z: every candle is in the past, so the replay serves all of them. */
    public static final long FIRST_OPEN = 1_577_836_800_000L;
    public static final long STEP = 60_000L;

    private SyntheticKlines() {
    }

    /** Writes {@code candles} rows to {@code dir/binance-SYNTHUSDT-1m.csv}. */
    public static Path write(Path dir, int candles, long seed) {
        return write(dir, SYMBOL, INTERVAL, STEP, FIRST_OPEN, candles, seed);
    }

    /** The same for any symbol and interval: {@code candles} rows {@code step} ms apart from {@code firstOpen}. */
    public static Path write(Path dir, String symbol, String interval, long step, long firstOpen, int candles,
            long seed) {
        Path file = dir.resolve("binance-" + symbol + "-" + interval + ".csv");
        Random random = new Random(seed);
        long close = 3_000_000; // cents: 30,000.00
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("open_time,open,high,low,close,volume,close_time,quote_asset_volume,number_of_trades,"
                    + "taker_buy_base_asset_volume,taker_buy_quote_asset_volume,ignore\n");
            StringBuilder row = new StringBuilder(160);
            for (int i = 0; i < candles; i++) {
                long openTime = firstOpen + i * step;
                long open = close;
                close = Math.max(100, Math.round(open * Math.exp(0.001 * random.nextGaussian())));
                long high = Math.max(open, close) + Math.round(Math.abs(random.nextGaussian()) * open * 0.0004);
                long low = Math.max(1, Math.min(open, close) - Math.round(Math.abs(random.nextGaussian()) * open * 0.0004));
                long volume = 1_000_000 + Math.round(Math.abs(random.nextGaussian()) * 5_000_000); // 1e-6 units
                int trades = 100 + random.nextInt(900);
                row.setLength(0);
                row.append(openTime).append(',');
                cents(row, open).append(',');
                cents(row, high).append(',');
                cents(row, low).append(',');
                cents(row, close).append(',');
                micros(row, volume).append(',');
                row.append(openTime + step - 1).append(',');
                cents(row, volume * close / 1_000_000).append(',');
                row.append(trades).append(',');
                micros(row, volume / 2).append(',');
                cents(row, volume / 2 * close / 1_000_000).append(",0\n");
                out.append(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Open time of candle {@code index} (0-based): as an ingest's "now", exactly {@code index} candles are closed. */
    public static long openTime(int index) {
        return FIRST_OPEN + index * STEP;
    }

    private static StringBuilder cents(StringBuilder row, long cents) {
        row.append(cents / 100).append('.');
        long frac = cents % 100;
        return row.append(frac < 10 ? "0" : "").append(frac);
    }

    private static StringBuilder micros(StringBuilder row, long micros) {
        row.append(micros / 1_000_000).append('.');
        String frac = Long.toString(micros % 1_000_000);
        return row.append("000000", 0, 6 - frac.length()).append(frac);
    }
}
