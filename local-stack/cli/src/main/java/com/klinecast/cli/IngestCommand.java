package com.klinecast.cli;

import com.klinecast.core.series.Series;
import com.klinecast.ingest.IngestHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Invokes the ingest Lambda's handler with an EventBridge scheduled event, as the schedule would. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Backfill a series' kline history into the feature table (resumes from the watermark).")
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = "--symbol", defaultValue = "BTCUSDT", description = "Default ${DEFAULT-VALUE}.")
    String symbol;

    @Option(names = "--interval", defaultValue = "1d", description = "A Binance interval (1m, 1h, 1d, ...); "
            + "default ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--from", paramLabel = "DATE", description = "Where a new series starts (default: the start of "
            + "the symbol's history).")
    String from;

    @Option(names = "--lambda-timeout", paramLabel = "SECONDS", description = "Simulate the Lambda's time-out: stop "
            + "cleanly before it, as the deployed function does (default: run to the end).")
    Long lambdaTimeout;

    @Option(names = "--json", description = "Print the handler's report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Series.of(symbol, interval); // a typo fails here, naming the option's value, before anything starts
        Map<String, Object> detail = new HashMap<>(Map.of("symbols", List.of(symbol), "intervals", List.of(interval)));
        if (from != null) {
            detail.put("from", from);
        }
        return ScheduledRun.invoke(root, "ingest", detail, lambdaTimeout, json, IngestHandler::new);
    }
}
