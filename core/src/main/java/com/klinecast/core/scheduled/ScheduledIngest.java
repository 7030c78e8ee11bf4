package com.klinecast.core.scheduled;

import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.ingest.Deadline;
import com.klinecast.core.ingest.ExchangeUsage;
import com.klinecast.core.ingest.IngestFailedException;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.IngestRequest;
import com.klinecast.core.ingest.IngestService;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.observability.MetricsDocument;
import com.klinecast.core.observability.MetricsDocument.Unit;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.series.Series;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final MetricsSink metrics;
    private final SeriesCatalog catalog;
    private final FollowUp followUp;

    /** What runs after the series were ingested (the daily run's ledger), on the run's "now". */
    @FunctionalInterface
    public interface FollowUp {

        FollowUp NONE = (report, now, log, requestId) -> { };

        void run(IngestReport report, Instant now, Consumer<String> log, String requestId);
    }

    /**
     * Without a catalog: every event must name its series.
     *
     * @param clock caps the event's time, so a bogus future event can never make an open candle look closed
     */
    public ScheduledIngest(IngestConfig config, IngestService service, Clock clock) {
        this(config, service, clock, MetricsSink.NONE);
    }

    /** @param metrics receives one metrics document per series and run (standard output in Lambda) */
    public ScheduledIngest(IngestConfig config, IngestService service, Clock clock, MetricsSink metrics) {
        this(config, service, clock, metrics, SeriesCatalog.EMPTY);
    }

    /** @param catalog the series run when the event names none */
    public ScheduledIngest(IngestConfig config, IngestService service, Clock clock, MetricsSink metrics,
            SeriesCatalog catalog) {
        this(config, service, clock, metrics, catalog, FollowUp.NONE);
    }

    private ScheduledIngest(IngestConfig config, IngestService service, Clock clock, MetricsSink metrics,
            SeriesCatalog catalog, FollowUp followUp) {
        this.config = config;
        this.service = service;
        this.clock = clock;
        this.metrics = metrics;
        this.catalog = catalog;
        this.followUp = followUp;
    }

    /** The same run followed by {@code step} after every invocation's ingest, whether or not a series failed. */
    public ScheduledIngest then(FollowUp step) {
        return new ScheduledIngest(config, service, clock, metrics, catalog, step);
    }

    /**
     * @param eventTime the event's {@code time} (the run's "now"), or null to use the clock
     * @throws IngestFailedException after every series was tried, if any failed
     */
    public IngestReport handle(IngestService.Mode mode, Map<String, Object> detail, Instant eventTime,
            Deadline deadline, Consumer<String> log) {
        return handle(mode, detail, eventTime, deadline, log, null);
    }

    /** @param requestId the invocation's id, written with its metrics to correlate them with its logs */
    public IngestReport handle(IngestService.Mode mode, Map<String, Object> detail, Instant eventTime,
            Deadline deadline, Consumer<String> log, String requestId) {
        Instant now = clock.instant();
        if (eventTime != null && eventTime.isBefore(now)) {
            now = eventTime;
        }
        boolean named = detail != null && detail.get("symbols") != null && detail.get("intervals") != null;
        IngestRequest request = config.request(detail, now, named ? List.of() : catalog.list());
        if (request.series().isEmpty()) {
            log.accept("the series catalog is empty and the event names no series: nothing to ingest (add series "
                    + "with klinecast series add, or the update-item in docs/operations.md)");
        }
        IngestReport report = service.run(mode, request, deadline);
        report.series().forEach(s -> log.accept(s.toString()));
        for (SeriesReport series : report.series()) {
            metrics.emit(metricsOf(mode, series, report.exchangeOf(series.series()), now, requestId));
        }
        followUp.run(report, now, log, requestId);
        if (report.anyFailed()) {
            throw new IngestFailedException(report);
        }
        return report;
    }

    /**
     * Candles written, pages requested, failure, and how many closed candles the series lacks after the run (0 when
     * it reached the present; absent when this run cannot tell) for the staleness alarm; the exchange's weight and
     * the back-offs taken, so that a series drifting towards Binance's limits shows before a ban.
     */
    static MetricsDocument metricsOf(IngestService.Mode mode, SeriesReport report, ExchangeUsage exchange,
            Instant now, String requestId) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Function", switch (mode) {
            case BACKFILL -> "ingest";
            case CATCH_UP -> "daily";
            case SYNC -> "worker";
        });
        dimensions.put("Series", report.series());
        MetricsDocument document = MetricsDocument.withDimensions(dimensions).rollUp("Function")
                .metric("CandlesWritten", report.candlesWritten(), Unit.COUNT)
                .metric("KlineRequests", report.requests(), Unit.COUNT)
                .metric("SeriesFailed", report.status() == SeriesReport.Status.FAILED
                        || report.status() == SeriesReport.Status.NOT_BACKFILLED ? 1 : 0, Unit.COUNT)
                .metric("BinanceUsedWeight", exchange.usedWeight(), Unit.COUNT)
                .metric("BinanceWeightWaits", exchange.weightWaits(), Unit.COUNT)
                .metric("BinanceRateLimited", exchange.rateLimited(), Unit.COUNT)
                .metric("BinanceBanned", exchange.banned(), Unit.COUNT)
                .metric("BinanceRetries", exchange.retries(), Unit.COUNT)
                .metric("BinanceBackoff", exchange.backoffMillis(), Unit.MILLISECONDS)
                .property("status", report.status().name())
                .property("requestId", requestId);
        if (report.complete()) {
            document.metric("IntervalsBehind", 0, Unit.COUNT);
        } else if (report.lastOpenTime() != null) {
            Series series = Series.parseId(report.series());
            document.metric("IntervalsBehind", series.interval().closedSince(
                    Instant.parse(report.lastOpenTime()).toEpochMilli(), now.toEpochMilli()), Unit.COUNT);
        }
        return document;
    }
}
