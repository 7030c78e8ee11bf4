package com.klinecast.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.config.Env;
import com.klinecast.core.fanout.FanOutConfig;
import com.klinecast.core.fanout.FanOutServices;
import com.klinecast.core.fanout.SeriesTask;
import com.klinecast.core.fanout.Worker;
import com.klinecast.core.observability.InvocationLog;
import com.klinecast.core.observability.PowertoolsInvocationLog;
import com.klinecast.core.scheduled.IngestConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingest queue's consumer: each message is one series to backfill or catch up until the deadline. A series
 * that failed, or a body that is no task, is reported as a batch item failure, so only that message returns
 * (and reaches the dead-letter queue after the redrive policy's receives); the others are deleted.
 */
public final class WorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final Worker worker;
    private final InvocationLog log;

    /** Used by Lambda: configuration from the environment, clients built once. */
    public WorkerHandler() {
        this(Env.system());
    }

    private WorkerHandler(Env env) {
        this(FanOutServices.worker(IngestConfig.fromEnv(env), FanOutConfig.fromEnv(env), AwsClients.dynamoDb(),
                AwsClients.sqs()), new PowertoolsInvocationLog(WorkerHandler.class));
    }

    /** Over a given worker, logging to the invocation's logger (the local stack, tests). */
    public WorkerHandler(Worker worker) {
        this(worker, InvocationLog.CONTEXT);
    }

    public WorkerHandler(Worker worker, InvocationLog log) {
        this.worker = worker;
        this.log = log;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return log.during(context, () -> work(event, context));
    }

    private SQSBatchResponse work(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            SeriesTask task;
            try {
                task = SeriesTask.fromJson(message.getBody());
            } catch (IllegalArgumentException e) {
                log.warn(context, "message " + message.getMessageId() + ": " + e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                continue;
            }
            Worker.Result result = worker.work(task, context::getRemainingTimeInMillis,
                    line -> log.info(context, line), context.getAwsRequestId());
            if (result.outcome() == Worker.Outcome.FAILED) {
                log.warn(context, task.series() + " failed (receive " + receives(message) + "): "
                        + result.message());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static String receives(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? "?"
                : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
    }
}
