package com.klinecast.core.scheduled;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.IngestService.Mode;
import com.klinecast.core.observability.InvocationLog;
import com.klinecast.core.observability.PowertoolsInvocationLog;
import java.time.Instant;

/**
 * The Lambda side of a scheduled ingest function, which the ingest (backfill) and daily (catch-up) handlers
 * share and differ from only in their {@link Mode}: a base class rather than a shared function object, because
 * Lambda instantiates the handler class the template names through its no-argument constructor, so each
 * function still needs a class of its own, and that class need hold nothing but its mode.
 */
public abstract class ScheduledIngestHandler implements RequestHandler<ScheduledEvent, IngestReport> {

    private final Mode mode;
    private final ScheduledIngest ingest;
    private final InvocationLog log;

    /**
     * As Lambda builds it: clients built once per execution environment, on the configuration it read; logs
     * through Powertools.
     */
    protected ScheduledIngestHandler(Mode mode, IngestConfig config) {
        this.mode = mode;
        this.ingest = IngestServices.scheduled(config, AwsClients.dynamoDb());
        this.log = new PowertoolsInvocationLog(getClass());
    }

    /** Over a given run, e.g. on the local stack's clients, logging to the invocation's logger. */
    protected ScheduledIngestHandler(Mode mode, ScheduledIngest ingest) {
        this(mode, ingest, InvocationLog.CONTEXT);
    }

    protected ScheduledIngestHandler(Mode mode, ScheduledIngest ingest, InvocationLog log) {
        this.mode = mode;
        this.ingest = ingest;
        this.log = log;
    }

    @Override
    public final IngestReport handleRequest(ScheduledEvent event, Context context) {
        Instant time = event.getTime() == null ? null : Instant.ofEpochMilli(event.getTime().getMillis());
        return log.during(context, () -> ingest.handle(mode, event.getDetail(), time,
                context::getRemainingTimeInMillis, line -> log.info(context, line), context.getAwsRequestId()));
    }
}
