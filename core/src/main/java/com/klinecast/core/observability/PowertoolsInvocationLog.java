package com.klinecast.core.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Powertools for AWS Lambda's logging through its functional API ({@code PowertoolsLogging.withLogging}, no
 * AspectJ): SLF4J lines that the function's Log4j 2 backend prints as JSON (core's {@code log4j2.properties}) with the
 * invocation's fields. {@code POWERTOOLS_LOG_LEVEL} (or Lambda's own log level) sets the level.
 */
public final class PowertoolsInvocationLog implements InvocationLog {

    private final Logger logger;

    /** @param handler names the logger (the function's handler class) */
    public PowertoolsInvocationLog(Class<?> handler) {
        this.logger = LoggerFactory.getLogger(handler);
    }

    @Override
    public <T> T during(Context context, Supplier<T> work) {
        return PowertoolsLogging.withLogging(context, work);
    }

    @Override
    public void info(Context context, String message) {
        logger.info(message);
    }

    @Override
    public void warn(Context context, String message) {
        logger.warn(message);
    }
}
