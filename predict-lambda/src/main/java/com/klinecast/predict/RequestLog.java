package com.klinecast.predict;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The predict function's log. The router and the champion cache are built once per execution environment, but
 * what they log belongs to one request: during an invocation each line goes to that invocation's Lambda logger
 * (as the ingest functions log, through {@code context.getLogger()}: in Lambda's JSON log format it carries the
 * request id) and starts with {@code requestId=...}, so a line leads to its request in any log format, and to the
 * request's metrics, which carry the same id. Outside an invocation (start-up) lines go to the fallback.
 */
public final class RequestLog implements Consumer<String> {

    private final Consumer<String> fallback;
    /** Per thread: the local HTTP API stand-in serves requests on several threads at once; Lambda one at a time. */
    private final ThreadLocal<Context> current = new ThreadLocal<>();

    public RequestLog(Consumer<String> fallback) {
        this.fallback = fallback;
    }

    @Override
    public void accept(String line) {
        Context context = current.get();
        if (context == null) {
            fallback.accept(line);
        } else {
            context.getLogger().log("requestId=" + context.getAwsRequestId() + " " + line);
        }
    }

    /** Runs {@code work} with this thread's lines going to {@code context}'s logger. */
    public <T> T during(Context context, Supplier<T> work) {
        if (context == null) {
            return work.get();
        }
        Context outer = current.get();
        current.set(context);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }
}
