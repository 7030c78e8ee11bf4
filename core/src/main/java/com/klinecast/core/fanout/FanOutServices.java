package com.klinecast.core.fanout;

import com.klinecast.core.config.Env;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.store.SeriesCatalogTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the planner and the worker as Lambda builds them, on the ingest configuration plus
 * {@code INGEST_QUEUE_URL}, the queue both send to.
 */
public final class FanOutServices {

    private FanOutServices() {
    }

    public static String queueUrl(Env env) {
        return env.required("INGEST_QUEUE_URL", "the URL of the ingest queue the planner and workers send to");
    }

    public static Planner planner(IngestConfig config, DynamoDbClient ddb, SqsClient sqs, String queueUrl) {
        return new Planner(config, new SeriesCatalogTable(ddb, config.table()), new SqsTaskQueue(sqs, queueUrl));
    }

    public static Worker worker(IngestConfig config, DynamoDbClient ddb, SqsClient sqs, String queueUrl) {
        return new Worker(IngestServices.scheduled(config, ddb), new SqsTaskQueue(sqs, queueUrl));
    }
}
