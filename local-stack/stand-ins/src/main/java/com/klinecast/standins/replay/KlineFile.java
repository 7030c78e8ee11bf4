package com.klinecast.standins.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One Binance-format CSV (the 12 kline fields, header line, ascending open times), held as open/close times plus
 * each row pre-rendered as Binance's JSON array, so serving a page is a binary search and a string join.
 */
final class KlineFile {

    private final long[] openTimes;
    private final long[] closeTimes;
    private final String[] json;

    private KlineFile(long[] openTimes, long[] closeTimes, String[] json) {
        this.openTimes = openTimes;
        this.closeTimes = closeTimes;
        this.json = json;
    }

    static KlineFile load(Path csv) {
        int capacity = 1024;
        long[] opens = new long[capacity];
        long[] closes = new long[capacity];
        String[] rows = new String[capacity];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < 11 || f.length > 12) {
                    throw new IllegalArgumentException(csv + ":" + lineNo + ": expected 12 kline fields, found " + f.length);
                }
                long open = Long.parseLong(f[0].trim());
                if (n > 0 && open <= opens[n - 1]) {
                    throw new IllegalArgumentException(csv + ":" + lineNo + ": open times must strictly increase");
                }
                if (n == capacity) {
                    capacity *= 2;
                    opens = Arrays.copyOf(opens, capacity);
                    closes = Arrays.copyOf(closes, capacity);
                    rows = Arrays.copyOf(rows, capacity);
                }
                opens[n] = open;
                closes[n] = Long.parseLong(f[6].trim());
                rows[n] = "[" + open + ",\"" + f[1] + "\",\"" + f[2] + "\",\"" + f[3] + "\",\"" + f[4] + "\",\""
                        + f[5] + "\"," + closes[n] + ",\"" + f[7] + "\"," + Long.parseLong(f[8].trim()) + ",\""
                        + f[9] + "\",\"" + f[10] + "\",\"0\"]";
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return new KlineFile(Arrays.copyOf(opens, n), Arrays.copyOf(closes, n), Arrays.copyOf(rows, n));
    }

    int size() {
        return openTimes.length;
    }

    long openTime(int index) {
        return openTimes[index];
    }

    long closeTime(int index) {
        return closeTimes[index];
    }

    String json(int index) {
        return json[index];
    }

    /** Index of the first row opening at or after {@code time}. */
    int firstAtOrAfter(long time) {
        int i = Arrays.binarySearch(openTimes, time);
        return i >= 0 ? i : -i - 1;
    }
}
