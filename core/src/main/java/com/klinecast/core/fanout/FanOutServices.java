package com.klinecast.core.fanout;

import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.store.SeriesCatalogTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wires the planner and the worker as Lambda builds them, on the ingest and fan-out configurations. */
public final class FanOutServices {

    private FanOutServices() {
    }

    public static Planner planner(IngestConfig config, FanOutConfig fanOut, DynamoDbClient ddb, SqsClient sqs) {
        return new Planner(config, new SeriesCatalogTable(ddb, config.table()),
                new SqsTaskQueue(sqs, fanOut.queueUrl()));
    }

    public static Worker worker(IngestConfig config, FanOutConfig fanOut, DynamoDbClient ddb, SqsClient sqs) {
        return new Worker(IngestServices.scheduled(config, ddb), new SqsTaskQueue(sqs, fanOut.queueUrl()));
    }
}
