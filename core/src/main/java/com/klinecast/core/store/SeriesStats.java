package com.klinecast.core.store;

import com.klinecast.core.series.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * What a series holds: candle count, first and last open time, and the gaps between consecutive candles.
 * Gaps are real (Binance outages leave intervals without candles); ingestion never fabricates candles.
 */
public record SeriesStats(long count, Long firstOpenTime, Long lastOpenTime, List<Gap> gaps) {

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

        Builder(Interval interval) {
            this.interval = interval;
        }

        void add(long openTime) {
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
            return new SeriesStats(count, first, last, gaps);
        }
    }
}
