package com.klinecast.cli;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Registered for every SDK client of the test JVM (software/amazon/awssdk/global/handlers), since the CLI builds
 * its own clients; inert until a test turns it on. Then every write of a champion alias fails before it is sent,
 * with the 500 a store answers on a full disk, while the champion log and everything else is written.
 */
public final class AliasWriteFault implements ExecutionInterceptor {

    private static volatile boolean on;

    /** Turns the fault on until the returned handle is closed. */
    static AutoCloseable on() {
        on = true;
        return () -> on = false;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (on && context.request() instanceof PutObjectRequest put && put.key().endsWith("/champion.json")) {
            String message = "No space left on device (injected)";
            throw S3Exception.builder().statusCode(500).message(message).awsErrorDetails(
                    AwsErrorDetails.builder().errorCode("InternalError").errorMessage(message).build()).build();
        }
    }
}
