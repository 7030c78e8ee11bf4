package com.klinecast.daily;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.config.Env;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.IngestService.Mode;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.observability.MetricsSink;
import java.time.Clock;
import java.time.Instant;

/**
 * Runs shortly after each candle closes (00:05 UTC for 1d) and appends every candle closed since the watermark,
 * with its features: normally one, after missed runs all of them. The event's time is "now", so the still-open
 * candle is never stored. A series that was never backfilled is reported as such (the ingest function owns
 * backfills, which can take many invocations).
 */
public final class DailyHandler implements RequestHandler<ScheduledEvent, IngestReport> {

    private final ScheduledIngest ingest;

    /** Used by Lambda: configuration from the environment, clients built once per execution environment. */
    public DailyHandler() {
        this(IngestConfig.fromEnv(Env.system()));
    }

    private DailyHandler(IngestConfig config) {
        this(new ScheduledIngest(config, IngestServices.create(config, AwsClients.dynamoDb()), Clock.systemUTC(),
                MetricsSink.STDOUT));
    }

    public DailyHandler(ScheduledIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public IngestReport handleRequest(ScheduledEvent event, Context context) {
        Instant time = event.getTime() == null ? null : Instant.ofEpochMilli(event.getTime().getMillis());
        return ingest.handle(Mode.CATCH_UP, event.getDetail(), time, context::getRemainingTimeInMillis,
                context.getLogger()::log, context.getAwsRequestId());
    }
}
