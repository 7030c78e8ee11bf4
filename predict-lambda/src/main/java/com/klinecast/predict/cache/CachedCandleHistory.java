package com.klinecast.predict.cache;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Series;
import com.klinecast.predict.forecast.CandleHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The latest candles of each series, read from the feature table once per close instead of once per request:
 * every forecast between two closes starts from the same candles.
 */
public final class CachedCandleHistory implements CandleHistory {

    /** How soon candles that lack the newest close are read again (ingest writes minutes after the close). */
    public static final Duration RETRY = Duration.ofSeconds(30);
    /** A week at most (the monthly series' closes are further apart). */
    private static final Duration MAX_AGE = Duration.ofDays(7);

    private record Key(Series series, int n) {
    }

    private final CandleHistory store;
    private final Clock clock;
    private final UntilNextClose<Key, List<Candle>> cache;

    public CachedCandleHistory(CandleHistory store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.cache = new UntilNextClose<>(clock, RETRY, MAX_AGE);
    }

    @Override
    public List<Candle> latest(Series series, int n) {
        return cache.get(new Key(series, n), series.interval(), () -> List.copyOf(store.latest(series, n)),
                candles -> !candles.isEmpty() && CandleClock.newestClosed(series.interval(),
                        candles.get(candles.size() - 1).openTime(), clock.instant()));
    }
}
