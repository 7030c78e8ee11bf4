package com.klinecast.core.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Supplier;

/**
 * How a function handler logs, at a level, during one invocation. In Lambda: Powertools' structured logging
 * ({@link PowertoolsInvocationLog}: one JSON line with the level, the request id, cold start, trace id and
 * service). On the local stack and in tests: the invocation's own logger, one plain line each, as Lambda's
 * {@code context.getLogger()} would.
 */
public interface InvocationLog {

    /** The context's logger: lines as written, whatever their level. */
    InvocationLog CONTEXT = new InvocationLog() {
        @Override
        public <T> T during(Context context, Supplier<T> work) {
            return work.get();
        }

        @Override
        public void info(Context context, String message) {
            context.getLogger().log(message);
        }

        @Override
        public void warn(Context context, String message) {
            context.getLogger().log(message);
        }
    };

    /** Runs {@code work} with the invocation's logging context in place (and cleared after). */
    <T> T during(Context context, Supplier<T> work);

    /** Progress and results: what each series or request did. */
    void info(Context context, String message);

    /** Something an operator may need to act on: a failed series, a message that is no task, a 5xx. */
    void warn(Context context, String message);
}
