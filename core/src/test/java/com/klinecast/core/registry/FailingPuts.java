package com.klinecast.core.registry;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Fails the {@code n}-th PutObject whose key matches, before it is sent (so it really is not written), the way a
 * training container killed mid-upload would stop. It counts every request too, so a test can show that a refused
 * input never reached S3.
 */
final class FailingPuts implements ExecutionInterceptor {

    /** Not an SDK exception: the registry must not mistake it for a retryable network failure. */
    static final class InjectedFailure extends RuntimeException {
        InjectedFailure(String message) {
            super(message);
        }
    }

    private final Predicate<String> keys;
    private final int n;
    private final AtomicInteger matchingPuts = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    private FailingPuts(Predicate<String> keys, int n) {
        this.keys = keys;
        this.n = n;
    }

    /** Fails the {@code n}-th matching PutObject (1 for the first), and only that one. */
    static FailingPuts nth(int n, Predicate<String> keys) {
        return new FailingPuts(keys, n);
    }

    /** Fails nothing; counts requests. */
    static FailingPuts none() {
        return new FailingPuts(key -> false, 0);
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.incrementAndGet();
        if (context.request() instanceof PutObjectRequest put && keys.test(put.key())
                && matchingPuts.incrementAndGet() == n) {
            throw new InjectedFailure("injected failure of PutObject " + put.key());
        }
    }
}
