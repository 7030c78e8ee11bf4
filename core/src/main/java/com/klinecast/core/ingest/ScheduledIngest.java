package com.klinecast.core.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a scheduled ingest function does with one EventBridge event, shared by the ingest (backfill) and daily
 * (catch-up) handlers, which only adapt the Lambda types.
 */
public final class ScheduledIngest {

    private final IngestConfig config;
    private final IngestService service;
    private final Clock clock;

    /** @param clock caps the event's time, so a bogus future event can never make an open candle look closed */
    public ScheduledIngest(IngestConfig config, IngestService service, Clock clock) {
        this.config = config;
        this.service = service;
        this.clock = clock;
    }

    /**
     * @param eventTime the event's {@code time} (the run's "now"), or null to use the clock
     * @throws IngestFailedException after every series was tried, if any failed
     */
    public IngestReport handle(IngestService.Mode mode, Map<String, Object> detail, Instant eventTime,
            Deadline deadline, Consumer<String> log) {
        Instant now = clock.instant();
        if (eventTime != null && eventTime.isBefore(now)) {
            now = eventTime;
        }
        IngestReport report = service.run(mode, config.request(detail, now), deadline);
        report.series().forEach(s -> log.accept(s.toString()));
        if (report.anyFailed()) {
            throw new IngestFailedException(report);
        }
        return report;
    }
}
