package com.klinecast.cli;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.config.Env;
import com.klinecast.core.ingest.IngestServices;
import com.klinecast.core.ingest.ScheduledIngest;
import com.klinecast.core.ingest.IngestConfig;
import com.klinecast.core.ingest.IngestFailedException;
import com.klinecast.core.series.Series;
import com.klinecast.ingest.IngestHandler;
import com.klinecast.standins.lambda.LocalContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.joda.time.DateTime;
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
        Instant now = root.now();
        try (LocalStack stack = LocalStack.start(root)) {
            IngestConfig config = IngestConfig.fromEnv(new Env(stack.functionEnvironment(Map.of(
                    "SYMBOLS", symbol, "INTERVALS", interval))));
            ProgressPrinter progress = new ProgressPrinter(System.out, System.console() != null && !json);
            IngestHandler handler = new IngestHandler(new ScheduledIngest(config, IngestServices.create(config, stack.dynamoDb(),
                    BinanceKlinesClient.create(config.binance()), json ? com.klinecast.core.ingest.IngestListener.NONE
                            : progress), Clock.fixed(now, ZoneOffset.UTC)));
            try {
                Reports.print(handler.handleRequest(event(now), context()), json);
                return 0;
            } catch (IngestFailedException failed) {
                Reports.print(failed.report(), json);
                return 1;
            }
        }
    }

    private ScheduledEvent event(Instant now) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("symbols", List.of(symbol));
        detail.put("intervals", List.of(interval));
        if (from != null) {
            detail.put("from", from);
        }
        ScheduledEvent event = new ScheduledEvent();
        event.setId(UUID.randomUUID().toString());
        event.setDetailType("Scheduled Event");
        event.setSource("aws.events");
        event.setAccount("000000000000");
        event.setRegion("local");
        event.setTime(new DateTime(now.toEpochMilli()));
        event.setResources(List.of("arn:aws:events:local:000000000000:rule/klinecast-ingest"));
        event.setDetail(detail);
        return event;
    }

    private LocalContext context() {
        return lambdaTimeout == null
                ? LocalContext.withRemaining("IngestFunction", () -> Long.MAX_VALUE, LocalContext.quietLogger())
                : LocalContext.withTimeout("IngestFunction", Duration.ofSeconds(lambdaTimeout), LocalContext.quietLogger());
    }
}
