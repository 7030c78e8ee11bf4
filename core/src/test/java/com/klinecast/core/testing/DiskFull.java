package com.klinecast.core.testing;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A stand-in whose disk fills up: the first {@code n} write requests go through, every later one (the SDK's
 * retries included) is answered with the 500 a store gives when its write fails with ENOSPC, before it is sent,
 * so it is not applied. Reads keep working, as they do on a full disk.
 */
public final class DiskFull implements ExecutionInterceptor {

    private static final Set<String> WRITES = Set.of("BatchWriteItemRequest", "PutItemRequest", "UpdateItemRequest",
            "DeleteItemRequest", "TransactWriteItemsRequest", "PutObjectRequest");

    private final int allowed;
    private final AtomicInteger writes = new AtomicInteger();

    private DiskFull(int allowed) {
        this.allowed = allowed;
    }

    /** Lets {@code n} write requests through, then fails every write. */
    public static DiskFull afterWrites(int n) {
        return new DiskFull(n);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!WRITES.contains(context.request().getClass().getSimpleName()) || writes.incrementAndGet() <= allowed) {
            return;
        }
        String message = "IO error: /data/dynamodb/000042.log: No space left on device";
        throw AwsServiceException.builder().statusCode(500).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalFailure").errorMessage(message).build())
                .build();
    }
}
