package com.klinecast.cli;

import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.series.Series;
import java.io.PrintStream;
import java.time.Instant;

/** Backfill progress: a bar redrawn in place on a terminal, one plain line per page otherwise (logs, CI). */
final class ProgressPrinter implements IngestListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private long expected;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void started(Series series, long startTime, long expectedCandles) {
        expected = Math.max(1, expectedCandles);
        out.println(series + ": backfilling from " + Instant.ofEpochMilli(startTime));
    }

    @Override
    public void pageWritten(Series series, int candles, long lastOpenTime, long writtenSoFar) {
        String upTo = Instant.ofEpochMilli(lastOpenTime).toString();
        if (!terminal) {
            out.println(series + ": " + writtenSoFar + " candles written, up to " + upTo);
            return;
        }
        int filled = (int) Math.min(WIDTH, WIDTH * writtenSoFar / expected);
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + writtenSoFar + " candles, up to "
                + upTo);
        out.flush();
    }

    @Override
    public void finished(SeriesReport report) {
        if (terminal && report.candlesWritten() > 0) {
            out.println();
        }
    }
}
