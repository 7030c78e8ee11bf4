package com.klinecast.cli;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.config.Env;
import com.klinecast.core.fanout.FanOutConfig;
import com.klinecast.core.fanout.Planner;
import com.klinecast.core.fanout.SqsTaskQueue;
import com.klinecast.core.fanout.Worker;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.scheduled.LedgerConfig;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.daily.DailyHandler;
import com.klinecast.fanout.PlannerHandler;
import com.klinecast.fanout.WorkerHandler;
import com.klinecast.ingest.IngestHandler;
import com.klinecast.predict.PredictConfig;
import com.klinecast.predict.PredictHandler;
import com.klinecast.predict.PredictServices;
import java.time.Clock;

/** Each function's handler as {@code klinecast invoke} builds it: template.yaml's wiring on the local stack. */
final class LocalHandlers {

    private LocalHandlers() {
    }

    /** The handler as Lambda would construct it, with the local stack's clients in place of the real ones. */
    @SuppressWarnings("unchecked")
    static RequestHandler<Object, Object> handler(Class<?> handlerClass, Env env, LocalStack stack, Clock clock) {
        RequestHandler<?, ?> handler;
        if (handlerClass == IngestHandler.class) {
            handler = new IngestHandler(scheduledIngest(env, stack, clock));
        } else if (handlerClass == DailyHandler.class) {
            ScheduledIngest ingest = scheduledIngest(env, stack, clock);
            // As DailyServices wires it in Lambda: the ledger step when the template gives a model bucket.
            handler = new DailyHandler(LedgerConfig.fromEnv(env).enabled() ? ingest.then(LocalLedger.followUp(stack))
                    : ingest);
        } else if (handlerClass == PlannerHandler.class) {
            // As FanOutServices wires it: the catalog, and the ingest queue the template names (ElasticMQ here).
            handler = new PlannerHandler(new Planner(IngestConfig.fromEnv(env), stack.catalog(),
                    new SqsTaskQueue(stack.sqs(), FanOutConfig.fromEnv(env).queueUrl())));
        } else if (handlerClass == WorkerHandler.class) {
            handler = new WorkerHandler(new Worker(scheduledIngest(env, stack, clock),
                    new SqsTaskQueue(stack.sqs(), FanOutConfig.fromEnv(env).queueUrl())));
        } else if (handlerClass == PredictHandler.class) {
            handler = new PredictHandler(PredictServices.router(PredictConfig.fromEnv(env), stack.dynamoDb(),
                    stack.s3(), clock, line -> System.err.println(line)));
        } else {
            throw new IllegalArgumentException(handlerClass.getName() + " has no local wiring; add it to "
                    + LocalHandlers.class.getSimpleName());
        }
        return (RequestHandler<Object, Object>) handler;
    }

    private static ScheduledIngest scheduledIngest(Env env, LocalStack stack, Clock clock) {
        IngestConfig config = IngestConfig.fromEnv(env);
        return new ScheduledIngest(config, IngestServices.create(config, stack.dynamoDb(),
                BinanceKlinesClient.create(config.binance()), IngestListener.NONE), clock, MetricsSink.NONE,
                stack.catalog());
    }
}
