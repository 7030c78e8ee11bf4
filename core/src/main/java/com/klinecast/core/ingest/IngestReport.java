package com.klinecast.core.ingest;

import java.util.List;

/** The ingest handler's answer: one report per series. */
public record IngestReport(List<SeriesReport> series) {

    public IngestReport {
        series = List.copyOf(series);
    }

    public boolean anyFailed() {
        return series.stream().anyMatch(s -> s.status() == SeriesReport.Status.FAILED
                || s.status() == SeriesReport.Status.NOT_BACKFILLED);
    }

    public boolean allComplete() {
        return series.stream().allMatch(SeriesReport::complete);
    }
}
