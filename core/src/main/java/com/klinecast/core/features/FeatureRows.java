package com.klinecast.core.features;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.quality.CandleCheck;
import com.klinecast.core.series.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns candles into feature-table rows: every candle checked (one bad candle rejects the lot), features computed. */
public final class FeatureRows {

    private FeatureRows() {
    }

    /**
     * @param history the stored candles just before {@code candles}, oldest first (see {@link FeatureEngine})
     * @throws com.klinecast.core.quality.InvalidCandleException for a candle that cannot be real
     */
    public static List<FeatureRow> of(Series series, List<Candle> history, List<Candle> candles) {
        List<Set<CandleCheck.Flag>> flags = new ArrayList<>(candles.size());
        for (Candle candle : candles) {
            flags.add(CandleCheck.check(series, candle));
        }
        List<Features> features = FeatureEngine.compute(history, candles);
        List<FeatureRow> rows = new ArrayList<>(candles.size());
        for (int i = 0; i < candles.size(); i++) {
            rows.add(new FeatureRow(candles.get(i), features.get(i), FeatureSet.VERSION, flags.get(i)));
        }
        return rows;
    }
}
