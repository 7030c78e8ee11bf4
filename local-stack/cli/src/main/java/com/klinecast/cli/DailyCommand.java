package com.klinecast.cli;

import com.klinecast.daily.DailyHandler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Invokes the daily Lambda's handler with an EventBridge scheduled event, as its 00:05 UTC schedule would. */
@Command(name = "daily", mixinStandardHelpOptions = true,
        description = "Append every candle closed since the watermark (catches up after missed days).")
final class DailyCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Mixin
    SeriesOptions options;

    @Option(names = "--json", description = "Print the handler's report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        return ScheduledRun.invoke(root, "daily", options.eventDetail(), null, json, DailyHandler::new);
    }
}
