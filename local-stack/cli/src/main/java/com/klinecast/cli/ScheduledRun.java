package com.klinecast.cli;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.config.Env;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.ingest.IngestFailedException;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.standins.lambda.LocalContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.joda.time.DateTime;

/**
 * Invokes a scheduled function's handler in-process as EventBridge would: an event whose time is the CLI's
 * "now" and whose detail names the series, a Lambda context with an optional time-out, the local stack behind.
 */
final class ScheduledRun {

    private ScheduledRun() {
    }

    /**
     * @param handlerOf builds the function's handler around the shared scheduled-ingest logic
     * @return the exit code: 0, or 1 when a series failed (its report says where a rerun resumes)
     */
    static int invoke(Klinecast root, String function, Map<String, Object> detail, Long timeoutSeconds, boolean json,
            Function<ScheduledIngest, RequestHandler<ScheduledEvent, IngestReport>> handlerOf) {
        Instant now = root.now();
        try (LocalStack stack = LocalStack.start(root)) {
            return invoke(stack, now, function, detail, timeoutSeconds, json, handlerOf);
        }
    }

    /** The same on a running stack (as {@code up} does, one stage after another). */
    static int invoke(LocalStack stack, Instant now, String function, Map<String, Object> detail,
            Long timeoutSeconds, boolean json,
            Function<ScheduledIngest, RequestHandler<ScheduledEvent, IngestReport>> handlerOf) {
        IngestConfig config = IngestConfig.fromEnv(new Env(stack.functionEnvironment(Map.of())));
        IngestListener progress = json ? IngestListener.NONE
                : new ProgressPrinter(System.err, System.console() != null,
                        "daily".equals(function) ? "catching up from" : "backfilling from");
        ScheduledIngest ingest = new ScheduledIngest(config, IngestServices.create(config, stack.dynamoDb(),
                BinanceKlinesClient.create(config.binance()), progress), Clock.fixed(now, ZoneOffset.UTC),
                MetricsSink.NONE, stack.catalog());
        if ("daily".equals(function)) {
            ingest = ingest.then(LocalLedger.followUp(stack));
        }
        try {
            Reports.print(handlerOf.apply(ingest).handleRequest(event(function, now, detail),
                    context(function, timeoutSeconds)), json);
            return 0;
        } catch (IngestFailedException failed) {
            Reports.print(failed.report(), json);
            DataDirCheck.fullDisk(stack.dataDir()).ifPresent(System.err::println);
            return 1;
        }
    }

    static ScheduledEvent event(String function, Instant now, Map<String, Object> detail) {
        ScheduledEvent event = new ScheduledEvent();
        event.setId(UUID.randomUUID().toString());
        event.setDetailType("Scheduled Event");
        event.setSource("aws.events");
        event.setAccount("000000000000");
        event.setRegion("local");
        event.setTime(new DateTime(now.toEpochMilli()));
        event.setResources(List.of("arn:aws:events:local:000000000000:rule/klinecast-" + function));
        event.setDetail(detail);
        return event;
    }

    static Context context(String function, Long timeoutSeconds) {
        return timeoutSeconds == null
                ? LocalContext.withRemaining(function, () -> Long.MAX_VALUE, LocalContext.quietLogger())
                : LocalContext.withTimeout(function, Duration.ofSeconds(timeoutSeconds), LocalContext.quietLogger());
    }
}
