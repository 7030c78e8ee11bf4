package com.klinecast.standins.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The Lambda runtime's {@link Context} for in-process invocations (CLI, tests): a request id, a logger, and the
 * remaining time before a simulated time-out, which is what the handlers actually consult.
 */
public final class LocalContext implements Context {

    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final LongSupplier remainingMillis;
    private final int memoryMb;
    private final LambdaLogger logger;

    private LocalContext(String functionName, LongSupplier remainingMillis, int memoryMb, LambdaLogger logger) {
        this.functionName = functionName;
        this.remainingMillis = remainingMillis;
        this.memoryMb = memoryMb;
        this.logger = logger;
    }

    /** A function with a real time-out that starts counting now, like one invocation. */
    public static LocalContext withTimeout(String functionName, Duration timeout, LambdaLogger logger) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return new LocalContext(functionName, () -> Math.max(0, (deadline - System.nanoTime()) / 1_000_000),
                1024, logger);
    }

    /** Remaining time given by the caller, e.g. a budget that shrinks per call in a test. */
    public static LocalContext withRemaining(String functionName, LongSupplier remainingMillis, LambdaLogger logger) {
        return new LocalContext(functionName, remainingMillis, 1024, logger);
    }

    /** A logger that drops everything. */
    public static LambdaLogger quietLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
            }

            @Override
            public void log(byte[] message) {
            }
        };
    }

    /** A logger that writes lines to standard error. */
    public static LambdaLogger stderrLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.err.println(message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/" + requestId;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.min(Integer.MAX_VALUE, remainingMillis.getAsLong());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
