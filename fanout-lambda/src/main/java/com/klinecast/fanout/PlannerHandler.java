package com.klinecast.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.config.Env;
import com.klinecast.core.fanout.FanOutConfig;
import com.klinecast.core.fanout.FanOutServices;
import com.klinecast.core.fanout.Planner;
import com.klinecast.core.fanout.SeriesTask;
import com.klinecast.core.observability.InvocationLog;
import com.klinecast.core.observability.PowertoolsInvocationLog;
import com.klinecast.core.scheduled.IngestConfig;
import java.time.Instant;
import java.util.List;

/**
 * One schedule per interval invokes it (detail {@code {"intervals": ["1h"]}}); it queues one task per catalog
 * series of those intervals for the ingest workers, and answers the ids it queued.
 */
public final class PlannerHandler implements RequestHandler<ScheduledEvent, List<String>> {

    private final Planner planner;
    private final InvocationLog log;

    /** Used by Lambda: configuration from the environment, clients built once. */
    public PlannerHandler() {
        this(Env.system());
    }

    private PlannerHandler(Env env) {
        this(FanOutServices.planner(IngestConfig.fromEnv(env), FanOutConfig.fromEnv(env), AwsClients.dynamoDb(),
                AwsClients.sqs()), new PowertoolsInvocationLog(PlannerHandler.class));
    }

    /** Over a given planner, logging to the invocation's logger (the local stack, tests). */
    public PlannerHandler(Planner planner) {
        this(planner, InvocationLog.CONTEXT);
    }

    public PlannerHandler(Planner planner, InvocationLog log) {
        this.planner = planner;
        this.log = log;
    }

    @Override
    public List<String> handleRequest(ScheduledEvent event, Context context) {
        return log.during(context, () -> {
            List<SeriesTask> tasks = planner.plan(event.getDetail());
            Instant at = event.getTime() == null ? Instant.now() : Instant.ofEpochMilli(event.getTime().getMillis());
            log.info(context, Planner.describe(tasks, at));
            return tasks.stream().map(t -> t.series().id()).toList();
        });
    }
}
