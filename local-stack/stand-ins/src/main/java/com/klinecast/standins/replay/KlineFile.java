package com.klinecast.standins.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

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

    /** The CSV's columns, as Binance's dumps name them; the error for a bad field names its column. */
    private static final String[] FIELDS = {"open_time", "open", "high", "low", "close", "volume", "close_time",
        "quote_asset_volume", "number_of_trades", "taker_buy_base_asset_volume", "taker_buy_quote_asset_volume",
        "ignore"};
    private static final int[] INTEGERS = {0, 6, 8, 11};
    private static final Pattern INTEGER = Pattern.compile("\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,20}(\\.\\d{1,20})?");

    /**
     * Reads and checks the whole file, so a bad line is refused at start-up, naming the file, the line and the
     * field, instead of being served (a line cut inside its last decimal would be served as a smaller number) or
     * failing requests later with nothing but a dropped connection.
     *
     * @throws IllegalArgumentException for a line with the wrong number of fields, a field that is not a number of
     *     its kind, a close time before its open time, or an open time not after the previous line's
     */
    static KlineFile load(Path csv) {
        int capacity = 1024;
        long[] opens = new long[capacity];
        long[] closes = new long[capacity];
        String[] rows = new String[capacity];
        int[] lines = new int[capacity];
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
                String where = csv + ":" + lineNo + ": ";
                if (f.length != FIELDS.length) {
                    throw new IllegalArgumentException(where + "expected " + FIELDS.length + " fields, found "
                            + f.length + (f.length < FIELDS.length ? ": it ends in field " + f.length + " ("
                            + FIELDS[f.length - 1] + "), cut short?" : ""));
                }
                for (int i = 0; i < f.length; i++) {
                    boolean integer = isInteger(i);
                    if (!(integer ? INTEGER : DECIMAL).matcher(f[i]).matches()) {
                        throw new IllegalArgumentException(where + "field " + (i + 1) + " (" + FIELDS[i] + ") '"
                                + shorten(f[i]) + "' is not " + (integer ? "an integer" : "a decimal number"));
                    }
                }
                long open = Long.parseLong(f[0]);
                long close = Long.parseLong(f[6]);
                if (close < open) {
                    throw new IllegalArgumentException(where + "field 7 (close_time) " + close
                            + " is before field 1 (open_time) " + open);
                }
                if (n > 0 && open == opens[n - 1]) {
                    throw new IllegalArgumentException(where + "field 1 (open_time) " + open + " duplicates line "
                            + lines[n - 1]);
                }
                if (n > 0 && open < opens[n - 1]) {
                    throw new IllegalArgumentException(where + "field 1 (open_time) " + open + " is before line "
                            + lines[n - 1] + "'s; open times must strictly increase");
                }
                if (n == capacity) {
                    capacity *= 2;
                    opens = Arrays.copyOf(opens, capacity);
                    closes = Arrays.copyOf(closes, capacity);
                    rows = Arrays.copyOf(rows, capacity);
                    lines = Arrays.copyOf(lines, capacity);
                }
                opens[n] = open;
                closes[n] = close;
                lines[n] = lineNo;
                rows[n] = "[" + open + ",\"" + f[1] + "\",\"" + f[2] + "\",\"" + f[3] + "\",\"" + f[4] + "\",\""
                        + f[5] + "\"," + close + ",\"" + f[7] + "\"," + Long.parseLong(f[8]) + ",\""
                        + f[9] + "\",\"" + f[10] + "\",\"0\"]";
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return new KlineFile(Arrays.copyOf(opens, n), Arrays.copyOf(closes, n), Arrays.copyOf(rows, n));
    }

    private static boolean isInteger(int column) {
        return Arrays.stream(INTEGERS).anyMatch(k -> k == column);
    }

    private static String shorten(String field) {
        return field.length() <= 40 ? field : field.substring(0, 40) + "...";
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
