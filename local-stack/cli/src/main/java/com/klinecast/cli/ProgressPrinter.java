package com.klinecast.cli;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.series.Series;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Ingest progress, on standard error beside the results: a bar redrawn in place on a terminal, one plain line per page otherwise (logs, CI). The bar
 * shows how far the written candles reach in time, from the first candle received to "now": the number of
 * candles to come is unknown (a symbol's history may start late or have gaps).
 */
final class ProgressPrinter implements IngestListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final String starting;
    private long origin = -1;
    private long now;
    private long written;

    /** @param starting what the run does from its first candle: "backfilling from", "catching up from" */
    ProgressPrinter(PrintStream out, boolean terminal, String starting) {
        this.out = out;
        this.terminal = terminal;
        this.starting = starting;
    }

    @Override
    public void started(Series series, long startTime, long nowMillis) {
        origin = -1;
        now = nowMillis;
        written = 0;
        out.println(series + ": " + starting + " " + Instant.ofEpochMilli(startTime));
    }

    @Override
    public void pageWritten(Series series, List<Candle> page, long writtenSoFar) {
        if (origin < 0) {
            origin = page.get(0).openTime();
        }
        written = writtenSoFar;
        long upTo = page.get(page.size() - 1).openTime();
        if (terminal) {
            double done = now > origin ? (double) (upTo - origin) / (now - origin) : 1;
            draw(done, upTo);
        } else {
            out.println(series + ": " + writtenSoFar + " candles written, up to " + Instant.ofEpochMilli(upTo));
        }
    }

    @Override
    public void finished(SeriesReport report) {
        if (terminal && written > 0) {
            if (report.complete()) {
                draw(1, Instant.parse(report.lastOpenTime()).toEpochMilli());
            }
            out.println();
        }
    }

    private void draw(double done, long upTo) {
        int filled = (int) Math.max(0, Math.min(WIDTH, Math.round(WIDTH * done)));
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + written + " candles, up to "
                + Instant.ofEpochMilli(upTo));
        out.flush();
    }
}
