package com.klinecast.core.recompute;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.FeatureTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a series' rows at the current feature-set version, after a definition changed. It streams the stored
 * candles in open-time order and writes in chunks, so memory stays flat; the candles themselves are not touched
 * (a recompute never calls the exchange).
 */
public final class FeatureRecompute {

    private static final int CHUNK = 500;

    private final FeatureTable table;

    public FeatureRecompute(FeatureTable table) {
        this.table = table;
    }

    /** What a recompute did. */
    public record Result(String series, long rows, int featureVersion) {
    }

    public Result recompute(Series series) {
        List<Candle> chunk = new ArrayList<>(CHUNK);
        List<Candle> history = new ArrayList<>();
        long[] rows = {0};
        table.forEach(series, 0, Long.MAX_VALUE, candle -> {
            chunk.add(candle);
            if (chunk.size() == CHUNK) {
                rows[0] += flush(series, history, chunk);
            }
        });
        rows[0] += flush(series, history, chunk);
        return new Result(series.id(), rows[0], FeatureSet.VERSION);
    }

    private int flush(Series series, List<Candle> history, List<Candle> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        table.write(series, FeatureRows.of(series, history, chunk));
        history.addAll(chunk);
        history.subList(0, Math.max(0, history.size() - FeatureSet.LOOKBACK)).clear();
        int written = chunk.size();
        chunk.clear();
        return written;
    }
}
