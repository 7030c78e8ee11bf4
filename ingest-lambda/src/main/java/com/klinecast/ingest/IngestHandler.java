package com.klinecast.ingest;

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
 * EventBridge-scheduled backfill of the configured series into the feature table. Each invocation resumes from
 * the watermark and stops before the Lambda time-out; once a series reaches the present, later invocations do
 * nothing for it (the daily function keeps it current).
 */
public final class IngestHandler implements RequestHandler<ScheduledEvent, IngestReport> {

    private final ScheduledIngest ingest;

    /** Used by Lambda: configuration from the environment, clients built once per execution environment. */
    public IngestHandler() {
        this(IngestConfig.fromEnv(Env.system()));
    }

    private IngestHandler(IngestConfig config) {
        this(new ScheduledIngest(config, IngestServices.create(config, AwsClients.dynamoDb()), Clock.systemUTC(),
                MetricsSink.STDOUT));
    }

    public IngestHandler(ScheduledIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public IngestReport handleRequest(ScheduledEvent event, Context context) {
        Instant time = event.getTime() == null ? null : Instant.ofEpochMilli(event.getTime().getMillis());
        return ingest.handle(Mode.BACKFILL, event.getDetail(), time, context::getRemainingTimeInMillis,
                context.getLogger()::log, context.getAwsRequestId());
    }
}
