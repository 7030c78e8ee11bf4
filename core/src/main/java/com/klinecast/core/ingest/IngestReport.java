package com.klinecast.core.ingest;

import java.util.List;
import java.util.Map;

/**
 * The ingest handler's answer: one report per series, and what each cost at the exchange.
 *
 * @param exchange by series id; absent for a series that made no request
 */
public record IngestReport(List<SeriesReport> series, Map<String, ExchangeUsage> exchange) {

    public IngestReport {
        series = List.copyOf(series);
        exchange = Map.copyOf(exchange);
    }

    public IngestReport(List<SeriesReport> series) {
        this(series, Map.of());
    }

    public ExchangeUsage exchangeOf(String seriesId) {
        return exchange.getOrDefault(seriesId, ExchangeUsage.NONE);
    }

    public boolean anyFailed() {
        return series.stream().anyMatch(s -> s.status() == SeriesReport.Status.FAILED
                || s.status() == SeriesReport.Status.NOT_BACKFILLED);
    }

    public boolean allComplete() {
        return series.stream().allMatch(SeriesReport::complete);
    }
}
