package com.klinecast.cli;

import com.klinecast.core.series.Series;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --symbol} and {@code --interval} options of every per-series command. */
class SeriesOptions {

    @Option(names = "--symbol", defaultValue = "BTCUSDT", description = "A Binance symbol; default ${DEFAULT-VALUE}.")
    String symbol;

    @Option(names = "--interval", defaultValue = "1d", description = "A Binance interval (1m, 1h, 1d, ...); "
            + "default ${DEFAULT-VALUE}.")
    String interval;

    /** The validated series: a typo fails here, naming the value, before anything starts. */
    Series series() {
        return Series.of(symbol, interval);
    }

    /** The scheduled event's detail that narrows a function to this series. */
    Map<String, Object> eventDetail() {
        Series series = series();
        return new HashMap<>(Map.of("symbols", List.of(series.symbol()), "intervals",
                List.of(series.interval().code())));
    }
}
