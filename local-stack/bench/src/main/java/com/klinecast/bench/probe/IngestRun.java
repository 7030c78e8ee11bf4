package com.klinecast.bench.probe;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.ingest.IngestHandler;
import com.klinecast.standins.lambda.LocalContext;
import java.time.Duration;
import java.util.Map;
import org.joda.time.DateTime;

/**
 * Run in a fresh JVM on the ingest Lambda's own jar (plus these probe classes): builds the handler as Lambda does
 * (from the environment), invokes it once with a scheduled event whose time is {@code args[0]} (epoch ms: the
 * run's "now", so only candles closed by then are ingested), and prints what it wrote, how long the invocation
 * took, the largest heap left after a garbage collection, and the peak resident set. The context is the
 * function's 15 minutes with a logger that drops the per-series log lines.
 */
public final class IngestRun {

    private IngestRun() {
    }

    public static void main(String[] args) {
        HeapWatch heap = HeapWatch.start();
        IngestHandler handler = new IngestHandler();
        ScheduledEvent event = new ScheduledEvent();
        event.setTime(new DateTime(Long.parseLong(args[0])));
        event.setDetail(Map.of());
        long start = System.nanoTime();
        IngestReport report = handler.handleRequest(event, LocalContext.withTimeout("IngestFunction",
                Duration.ofMinutes(15), LocalContext.quietLogger()));
        long nanos = System.nanoTime() - start;
        long written = report.series().stream().mapToLong(SeriesReport::candlesWritten).sum();
        int requests = report.series().stream().mapToInt(SeriesReport::requests).sum();
        System.out.println((report.allComplete() ? "status 200" : "status 500 " + report) + " candles " + written
                + " requests " + requests + " nanos " + nanos + " heapAfterGcKb " + heap.maxAfterGcKb()
                + " heapAfterFullGcKb " + heap.maxAfterMajorGcKb() + " fullGcs " + heap.majorGcs()
                + " rssKb " + Rss.peakKb());
        System.exit(report.allComplete() ? 0 : 1);
    }
}
