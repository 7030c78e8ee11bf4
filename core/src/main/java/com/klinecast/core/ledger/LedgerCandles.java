package com.klinecast.core.ledger;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Series;
import java.util.List;

/** The candles the ledger forecasts from and scores against (the feature table). */
public interface LedgerCandles {

    /** Up to {@code n} candles opened before {@code openTime}, oldest first. */
    List<Candle> before(Series series, long openTime, int n);

    /** Candles with {@code from <= openTime <= to}, oldest first. */
    List<Candle> range(Series series, long from, long to);
}
