package com.klinecast.cli;

import com.klinecast.ingest.IngestHandler;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Invokes the ingest Lambda's handler with an EventBridge scheduled event, as the schedule would. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Backfill a series' kline history into the feature table (resumes from the watermark).")
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Mixin
    SeriesOptions options;

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
        Map<String, Object> detail = options.eventDetail();
        if (from != null) {
            Dates.parse("--from", from);
            detail.put("from", from);
        }
        return ScheduledRun.invoke(root, "ingest", detail, lambdaTimeout, json, IngestHandler::new);
    }
}
