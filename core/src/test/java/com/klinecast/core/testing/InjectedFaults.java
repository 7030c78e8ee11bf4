package com.klinecast.core.testing;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Makes a real client's calls to a real stand-in fail, as AWS sometimes does: chosen HTTP attempts (numbered from 1
 * across every call of the client, the SDK's own retries included) are answered with a 500, a throttling error or a
 * time-out before they are sent (so they are not applied), or are sent and applied and then lose their response.
 * The SDK sees the same exceptions as from AWS and applies its own retry policy to them.
 */
public final class InjectedFaults implements ExecutionInterceptor {

    /** How an attempt fails. */
    public enum Kind {
        /** 500 InternalServerError, not sent. */
        SERVER_ERROR,
        /** 400 ThrottlingException, not sent. */
        THROTTLED,
        /** A read time-out, not sent. */
        TIMEOUT,
        /** Sent and applied, then the connection drops before the response is read. */
        RESPONSE_LOST
    }

    private static final ExecutionAttribute<Integer> ATTEMPT = new ExecutionAttribute<>("injectedFaults.attempt");

    private final Kind kind;
    private final IntPredicate fails;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private InjectedFaults(Kind kind, IntPredicate fails) {
        this.kind = kind;
        this.fails = fails;
    }

    /** Fails every {@code n}-th attempt: a flaky store that the SDK's retries ride out. */
    public static InjectedFaults everyNth(int n, Kind kind) {
        return new InjectedFaults(kind, attempt -> attempt % n == 0);
    }

    /** Fails attempt {@code n} and every one after it: the store (or the caller's network) gone for good. */
    public static InjectedFaults fromNth(int n, Kind kind) {
        return new InjectedFaults(kind, attempt -> attempt >= n);
    }

    /** Fails nothing; counts attempts. */
    public static InjectedFaults none() {
        return new InjectedFaults(Kind.SERVER_ERROR, attempt -> false);
    }

    public int attempts() {
        return attempts.get();
    }

    public int injected() {
        return injected.get();
    }

    /** Each attempt so far, as its operation and key (when the request has one): "PutObjectRequest models/..". */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        int attempt = attempts.incrementAndGet();
        attributes.putAttribute(ATTEMPT, attempt);
        log.add(context.request().getClass().getSimpleName()
                + context.request().getValueForField("Key", Object.class).map(k -> " " + k).orElse(""));
        if (!fails.test(attempt) || kind == Kind.RESPONSE_LOST) {
            return;
        }
        injected.incrementAndGet();
        String what = context.request().getClass().getSimpleName() + " (attempt " + attempt + ")";
        switch (kind) {
            case SERVER_ERROR -> throw AwsServiceException.builder().statusCode(500).message("injected: " + what)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError")
                            .errorMessage("injected: " + what).build()).build();
            case THROTTLED -> throw AwsServiceException.builder().statusCode(400).message("injected: " + what)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException")
                            .errorMessage("injected: " + what).build()).build();
            case TIMEOUT -> throw SdkClientException.create("injected: " + what + " timed out",
                    new SocketTimeoutException("Read timed out"));
            default -> throw new IllegalStateException(kind.name());
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Integer attempt = attributes.getAttribute(ATTEMPT);
        if (kind == Kind.RESPONSE_LOST && attempt != null && fails.test(attempt)) {
            injected.incrementAndGet();
            throw SdkClientException.create("injected: response to " + context.request().getClass().getSimpleName()
                    + " (attempt " + attempt + ") lost", new IOException("Connection reset"));
        }
        return context.httpResponse();
    }
}
