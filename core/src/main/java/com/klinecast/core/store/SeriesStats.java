package com.klinecast.core.store;

import com.klinecast.core.series.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * What a series holds: candle count, first and last open time, the gaps between consecutive candles, rows with
 * quality flags, and the feature-set versions of its rows. Gaps are real (Binance outages leave intervals without
 * candles); ingestion never fabricates candles.
 *
 * @param lastCloseTime close time of the last candle, or null for an empty series
 * @param flagged rows carrying a quality flag (e.g. an outage-shortened candle)
 * @param minFeatureVersion lowest feature-set version among the rows (0 for rows without features)
 */
public record SeriesStats(long count, Long firstOpenTime, Long lastOpenTime, Long lastCloseTime, List<Gap> gaps,
        long flagged, int minFeatureVersion, int maxFeatureVersion) {

    /** {@code missing} candles absent after the candle opened at {@code after}. */
    public record Gap(long after, long missing) {
    }

    public SeriesStats {
        gaps = List.copyOf(gaps);
    }

    public long missingCandles() {
        return gaps.stream().mapToLong(Gap::missing).sum();
    }

    static final class Builder {
        private final Interval interval;
        private final List<Gap> gaps = new ArrayList<>();
        private long count;
        private Long first;
        private Long last;
        private Long lastClose;
        private long flagged;
        private int minVersion = Integer.MAX_VALUE;
        private int maxVersion;

        Builder(Interval interval) {
            this.interval = interval;
        }

        void add(long openTime, long closeTime, int featureVersion, boolean hasFlags) {
            add(openTime);
            lastClose = closeTime;
            minVersion = Math.min(minVersion, featureVersion);
            maxVersion = Math.max(maxVersion, featureVersion);
            if (hasFlags) {
                flagged++;
            }
        }

        private void add(long openTime) {
            if (last != null) {
                long expected = interval.nextOpenTime(last);
                if (openTime > expected) {
                    long missing = 0;
                    for (long t = expected; t < openTime; t = interval.nextOpenTime(t)) {
                        missing++;
                    }
                    gaps.add(new Gap(last, missing));
                }
            } else {
                first = openTime;
            }
            last = openTime;
            count++;
        }

        SeriesStats build() {
            return new SeriesStats(count, first, last, lastClose, gaps, flagged,
                    count == 0 ? 0 : minVersion, maxVersion);
        }
    }
}
