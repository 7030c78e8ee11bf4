package com.klinecast.core.ingest;

import java.util.stream.Collectors;

/**
 * At least one series failed. Thrown after every series was tried, so the Lambda's error metric and alarms see
 * it, while the report (what was written, where a rerun resumes) travels with it.
 */
public final class IngestFailedException extends RuntimeException {

    private final transient IngestReport report;

    public IngestFailedException(IngestReport report) {
        super(report.series().stream().filter(s -> s.status() == SeriesReport.Status.FAILED
                        || s.status() == SeriesReport.Status.NOT_BACKFILLED)
                .map(s -> s.series() + ": " + s.message()).collect(Collectors.joining("; ")));
        this.report = report;
    }

    public IngestReport report() {
        return report;
    }
}
