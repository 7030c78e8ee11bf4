package com.klinecast.daily;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.config.Env;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.IngestService.Mode;
import com.klinecast.core.observability.InvocationLog;
import com.klinecast.core.scheduled.DailyServices;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.LedgerConfig;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.scheduled.ScheduledIngestHandler;

/**
 * Runs shortly after each candle closes (00:05 UTC for 1d) and appends every candle closed since the watermark,
 * with its features: normally one, after missed runs all of them. The event's time is "now", so the still-open
 * candle is never stored. A series that was never backfilled is reported as such (the ingest function owns
 * backfills, which can take many invocations). Then the forecast ledger records the champion's forecast from the
 * newest closed candle and scores what matured ({@code core/ledger}). RequestHandler is named again so the event type can be read off
 * this class itself (as {@code klinecast invoke} does).
 */
public final class DailyHandler extends ScheduledIngestHandler implements RequestHandler<ScheduledEvent, IngestReport> {

    /** Used by Lambda: configuration from the environment; with MODEL_BUCKET, the forecast ledger after the catch-up. */
    public DailyHandler() {
        super(Mode.CATCH_UP, DailyServices.create(IngestConfig.fromEnv(Env.system()),
                LedgerConfig.fromEnv(Env.system())));
    }

    public DailyHandler(ScheduledIngest ingest) {
        super(Mode.CATCH_UP, ingest);
    }

    public DailyHandler(ScheduledIngest ingest, InvocationLog log) {
        super(Mode.CATCH_UP, ingest, log);
    }
}
