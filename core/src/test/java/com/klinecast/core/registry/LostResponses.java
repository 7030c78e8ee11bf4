package com.klinecast.core.registry;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Loses the response to the first PutObject of each matching key after S3 has applied it, as a dropped connection
 * does. The SDK then retries, and a conditional retry is answered 412 by the object the first attempt created. The
 * local stack does this by itself now and then (the URL-connection client sometimes fails writing a PUT that S3Proxy
 * 4.1.0 has already applied), and S3 documents the same for retried conditional writes. When the stand-in got there
 * first, the first response seen for the key is that 412; either way the key's write had an ambiguous outcome, which
 * {@link #ambiguous()} counts.
 */
final class LostResponses implements ExecutionInterceptor {

    private final Predicate<String> keys;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ambiguous = new AtomicInteger();

    LostResponses(Predicate<String> keys) {
        this.keys = keys;
    }

    /** Matching keys whose first write was applied but reported as failed (by this interceptor or the stand-in). */
    int ambiguous() {
        return ambiguous.get();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutObjectRequest put && keys.test(put.key()) && seen.add(put.key())) {
            ambiguous.incrementAndGet();
            if (context.httpResponse().isSuccessful()) {
                throw SdkClientException.create("injected: response to PutObject " + put.key() + " lost",
                        new IOException("Connection reset"));
            }
        }
        return context.httpResponse();
    }
}
