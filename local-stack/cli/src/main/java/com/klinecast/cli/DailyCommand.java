package com.klinecast.cli;

import com.klinecast.core.series.Series;
import com.klinecast.daily.DailyHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Invokes the daily Lambda's handler with an EventBridge scheduled event, as its 00:05 UTC schedule would. */
@Command(name = "daily", mixinStandardHelpOptions = true,
        description = "Append every candle closed since the watermark (catches up after missed days).")
final class DailyCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = "--symbol", defaultValue = "BTCUSDT", description = "Default ${DEFAULT-VALUE}.")
    String symbol;

    @Option(names = "--interval", defaultValue = "1d", description = "Default ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--json", description = "Print the handler's report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Series.of(symbol, interval);
        return ScheduledRun.invoke(root, "daily", Map.of("symbols", List.of(symbol), "intervals", List.of(interval)),
                null, json, DailyHandler::new);
    }
}
