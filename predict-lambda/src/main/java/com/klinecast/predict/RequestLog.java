package com.klinecast.predict;

import com.amazonaws.services.lambda.runtime.Context;
import com.klinecast.core.observability.InvocationLog;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The predict function's log. The router and the champion cache are built once per execution environment, but
 * what they log belongs to one request (every line is a warning: a champion that cannot be served, a 503, a 500).
 * In Lambda the lines go through Powertools' structured logging, whose JSON carries the request id
 * ({@code function_request_id}) set for the invocation. Otherwise, during an invocation each line goes to that
 * invocation's Lambda logger and starts with {@code requestId=...}, so a line leads to its request in any log
 * format, and to the request's metrics, which carry the same id. Outside an invocation (start-up) lines go to the
 * fallback.
 */
public final class RequestLog implements Consumer<String> {

    private final Consumer<String> fallback;
    private final InvocationLog structured;
    /** Per thread: the local HTTP API stand-in serves requests on several threads at once; Lambda one at a time. */
    private final ThreadLocal<Context> current = new ThreadLocal<>();

    /** Lines of a request to its context's logger, prefixed with its id; others to {@code fallback}. */
    public RequestLog(Consumer<String> fallback) {
        this.fallback = fallback;
        this.structured = null;
    }

    /** Every line a warning of {@code log}, within the invocation's logging context when there is one. */
    public RequestLog(InvocationLog log) {
        this.fallback = line -> log.warn(null, line);
        this.structured = log;
    }

    @Override
    public void accept(String line) {
        Context context = current.get();
        if (context == null) {
            fallback.accept(line);
        } else if (structured != null) {
            structured.warn(context, line);
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
            return structured == null ? work.get() : structured.during(context, work);
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }
}
