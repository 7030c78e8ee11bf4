package com.klinecast.core.ingest;

/** What the table holds of a series in a span of open times, as read back: how many rows, first and last. */
public record StoredRange(long count, Long first, Long last) {

    public static final StoredRange NONE = new StoredRange(0, null, null);

    /** The range with one more row, which opens after every row counted so far. */
    public StoredRange plus(long openTime) {
        return new StoredRange(count + 1, first == null ? openTime : first, openTime);
    }
}
