package com.klinecast.core.store;

import com.klinecast.core.retry.Backoff;
import com.klinecast.core.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem in chunks of 25 (DynamoDB's limit). DynamoDB may accept part of a batch and hand the rest back
 * as {@code UnprocessedItems}; the SDK's retries do not cover that, so they are re-sent here with jittered
 * back-off until written. If they still are not, the write fails loudly: an item is never dropped.
 */
public final class BatchWriter {

    static final int MAX_BATCH = 25;

    private final DynamoDbClient ddb;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private long batchCalls;
    private long unprocessedRetries;

    public BatchWriter(DynamoDbClient ddb, Backoff backoff, Sleeper sleeper) {
        this.ddb = ddb;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    public static BatchWriter withDefaults(DynamoDbClient ddb) {
        return new BatchWriter(ddb, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 12), Sleeper.SYSTEM);
    }

    public void putAll(String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += MAX_BATCH) {
            List<WriteRequest> batch = new ArrayList<>(MAX_BATCH);
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + MAX_BATCH))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            writeBatch(table, batch);
        }
    }

    /** BatchWriteItem calls made so far, re-sends included. */
    public synchronized long batchCalls() {
        return batchCalls;
    }

    /** Re-sends of unprocessed items so far. */
    public synchronized long unprocessedRetries() {
        return unprocessedRetries;
    }

    private void writeBatch(String table, List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        for (int attempt = 1; ; attempt++) {
            List<WriteRequest> toSend = pending;
            BatchWriteItemResponse response = ddb.batchWriteItem(b -> b.requestItems(Map.of(table, toSend)));
            synchronized (this) {
                batchCalls++;
            }
            pending = response.hasUnprocessedItems()
                    ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            if (pending.isEmpty()) {
                return;
            }
            if (attempt >= backoff.maxAttempts()) {
                throw new StoreException(pending.size() + " items of a batch to " + table
                        + " were still unprocessed after " + attempt + " attempts (DynamoDB gives no reason: a "
                        + "throttled table, or a store that cannot write)");
            }
            synchronized (this) {
                unprocessedRetries++;
            }
            try {
                sleeper.sleep(backoff.delay(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while re-sending unprocessed items to " + table, e);
            }
        }
    }
}
