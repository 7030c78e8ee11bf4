package com.klinecast.ingest;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.config.Env;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.IngestService.Mode;
import com.klinecast.core.observability.InvocationLog;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.scheduled.ScheduledIngestHandler;

/**
 * EventBridge-scheduled backfill of the configured series into the feature table. Each invocation resumes from
 * the watermark and stops before the Lambda time-out; once a series reaches the present, later invocations do
 * nothing for it (the daily function keeps it current). RequestHandler is named again so the event type can be
 * read off this class itself (as {@code klinecast invoke} does).
 */
public final class IngestHandler extends ScheduledIngestHandler implements RequestHandler<ScheduledEvent, IngestReport> {

    /** Used by Lambda: configuration from the environment. */
    public IngestHandler() {
        super(Mode.BACKFILL, IngestConfig.fromEnv(Env.system()));
    }

    public IngestHandler(ScheduledIngest ingest) {
        super(Mode.BACKFILL, ingest);
    }

    public IngestHandler(ScheduledIngest ingest, InvocationLog log) {
        super(Mode.BACKFILL, ingest, log);
    }
}
