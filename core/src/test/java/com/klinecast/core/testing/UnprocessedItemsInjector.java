package com.klinecast.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Makes DynamoDB "not process" part of a batch, as a throttled table does: the last {@code dropPerBatch} items
 * are taken out of the request before it is sent (so they really are not written) and handed back as
 * {@code UnprocessedItems}. A writer that ignored them would lose those items, and the tests would see it.
 * Intermittent mode hits every other call (a batch's first send, not its re-send); persistent mode hits every
 * call and, when one item is left, reports it unprocessed even though it was written (DynamoDB may do that).
 */
public final class UnprocessedItemsInjector implements ExecutionInterceptor {

    private static final ExecutionAttribute<List<WriteRequest>> HELD_BACK = new ExecutionAttribute<>("heldBack");

    private final int dropPerBatch;
    private final boolean persistent;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger heldBack = new AtomicInteger();

    private UnprocessedItemsInjector(int dropPerBatch, boolean persistent) {
        this.dropPerBatch = dropPerBatch;
        this.persistent = persistent;
    }

    public static UnprocessedItemsInjector intermittent(int dropPerBatch) {
        return new UnprocessedItemsInjector(dropPerBatch, false);
    }

    public static UnprocessedItemsInjector persistent(int dropPerBatch) {
        return new UnprocessedItemsInjector(dropPerBatch, true);
    }

    public int itemsHeldBack() {
        return heldBack.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof BatchWriteItemRequest request)
                || !persistent && calls.getAndIncrement() % 2 == 1) {
            return context.request();
        }
        var entry = request.requestItems().entrySet().iterator().next();
        List<WriteRequest> items = entry.getValue();
        if (items.size() == 1) {
            // DynamoDB refuses an empty batch: send the item, but call it unprocessed.
            attributes.putAttribute(HELD_BACK, List.copyOf(items));
            heldBack.incrementAndGet();
            return context.request();
        }
        int keep = Math.max(1, items.size() - dropPerBatch);
        List<WriteRequest> dropped = new ArrayList<>(items.subList(keep, items.size()));
        attributes.putAttribute(HELD_BACK, dropped);
        heldBack.addAndGet(dropped.size());
        return request.toBuilder().requestItems(Map.of(entry.getKey(), items.subList(0, keep))).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        List<WriteRequest> dropped = attributes.getAttribute(HELD_BACK);
        if (dropped == null || dropped.isEmpty()) {
            return context.response();
        }
        BatchWriteItemRequest request = (BatchWriteItemRequest) context.request();
        String table = request.requestItems().keySet().iterator().next();
        return ((BatchWriteItemResponse) context.response()).toBuilder()
                .unprocessedItems(Map.of(table, dropped)).build();
    }
}
