package com.klinecast.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.config.Env;
import com.klinecast.core.ingest.IngestService;
import com.klinecast.core.ingest.IngestServices;
import com.klinecast.core.ingest.IngestConfig;
import com.klinecast.core.ingest.IngestFailedException;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.IngestRequest;
import java.time.Clock;
import java.time.Instant;

/**
 * EventBridge-scheduled backfill of the configured series into the feature table. Each invocation resumes from
 * the watermark and stops before the Lambda time-out; once a series reaches the present, later invocations do
 * nothing for it (the daily function keeps it current).
 */
public final class IngestHandler implements RequestHandler<ScheduledEvent, IngestReport> {

    private final IngestConfig config;
    private final IngestService service;
    private final Clock clock;

    /** Used by Lambda: configuration from the environment, clients built once per execution environment. */
    public IngestHandler() {
        this(IngestConfig.fromEnv(Env.system()));
    }

    private IngestHandler(IngestConfig config) {
        this(config, IngestServices.create(config, AwsClients.dynamoDb()), Clock.systemUTC());
    }

    /** @param clock caps the event's time, so a bogus future event can never make an open candle look closed */
    public IngestHandler(IngestConfig config, IngestService service, Clock clock) {
        this.config = config;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public IngestReport handleRequest(ScheduledEvent event, Context context) {
        Instant now = clock.instant();
        if (event.getTime() != null && event.getTime().getMillis() < now.toEpochMilli()) {
            now = Instant.ofEpochMilli(event.getTime().getMillis());
        }
        IngestRequest request = config.request(event.getDetail(), now);
        IngestReport report = service.run(request, context::getRemainingTimeInMillis);
        report.series().forEach(s -> context.getLogger().log(s.toString()));
        if (report.anyFailed()) {
            throw new IngestFailedException(report);
        }
        return report;
    }
}
