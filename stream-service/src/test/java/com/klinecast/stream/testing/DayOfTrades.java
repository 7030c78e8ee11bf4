package com.klinecast.stream.testing;

import com.klinecast.core.testing.BundledData;
import com.klinecast.stream.trade.Trade;
import com.klinecast.stream.trade.TradeCsv;
import java.nio.file.Path;
import java.util.List;

/** The bundled trades archive of BTCUSDT on 2017-08-17 (data/trades), beside the bundled klines. */
public final class DayOfTrades {

    public static final String SYMBOL = "BTCUSDT";
    /** 2017-08-17T00:00:00Z. */
    public static final long DAY = 1502928000000L;

    private DayOfTrades() {
    }

    public static Path file() {
        return BundledData.dir().resolve("../trades/BTCUSDT-trades-2017-08-17.csv").normalize();
    }

    public static List<Trade> trades() {
        return TradeCsv.read(file(), SYMBOL);
    }
}
