package com.klinecast.core.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.standins.lambda.LocalContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.joda.time.DateTime;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the ingest and daily handler tests share: the {@link IngestFixture} with a fresh table, the events of
 * events/ (the files {@code sam local invoke} takes) and the function's Lambda context. Registered as a test's
 * extension ({@code @RegisterExtension}), it closes after each test.
 */
public final class ScheduledFunctionFixture implements AfterEachCallback {

    public final IngestFixture ingest;
    public final String table;
    private final String function;
    private final Duration timeout;

    /** @param function the template's logical id, e.g. IngestFunction; {@code timeout} its Timeout */
    public ScheduledFunctionFixture(String function, Duration timeout, Instant marketNow) {
        this.ingest = new IngestFixture(marketNow);
        this.table = ingest.newTable();
        this.function = function;
        this.timeout = timeout;
    }

    /** The configuration of {@code table}, pointed at the replay; {@code env} adds or overrides. */
    public IngestConfig config(String table, Map<String, String> env) {
        return ingest.config(table, env);
    }

    /** The run a handler makes on {@code table}. */
    public ScheduledIngest scheduled(String table, Map<String, String> env) {
        return ingest.scheduled(config(table, env));
    }

    /** A file of events/, as the function receives it. */
    public static ScheduledEvent event(String file) {
        return EventLoader.loadScheduledEvent("../events/" + file);
    }

    /** The file's event fired at {@code time}, with the exchange's clock there too. */
    public ScheduledEvent eventAt(String file, Instant time) {
        ScheduledEvent event = event(file);
        event.setTime(new DateTime(time.toEpochMilli()));
        ingest.market.set(time);
        return event;
    }

    /** A fresh invocation's context: the function's whole time-out left, logs dropped. */
    public Context context() {
        return LocalContext.withTimeout(function, timeout, LocalContext.quietLogger());
    }

    @Override
    public void afterEach(ExtensionContext test) {
        ingest.close();
    }
}
