package com.klinecast.bench.probe;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.ingest.IngestHandler;
import java.util.Map;
import org.joda.time.DateTime;

/**
 * Run in a fresh JVM on the ingest Lambda's own jar (plus these probe classes): builds the handler as Lambda does
 * (from the environment), invokes it once with a scheduled event whose time is {@code args[0]} (epoch ms: the
 * run's "now", so only candles closed by then are ingested), and prints what it wrote, how long the invocation
 * took, the largest heap left after a garbage collection, and the peak resident set.
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
        IngestReport report = handler.handleRequest(event, new QuietContext());
        long nanos = System.nanoTime() - start;
        long written = report.series().stream().mapToLong(SeriesReport::candlesWritten).sum();
        int requests = report.series().stream().mapToInt(SeriesReport::requests).sum();
        System.out.println((report.allComplete() ? "status 200" : "status 500 " + report) + " candles " + written
                + " requests " + requests + " nanos " + nanos + " heapAfterGcKb " + heap.maxAfterGcKb()
                + " heapAfterFullGcKb " + heap.maxAfterMajorGcKb() + " fullGcs " + heap.majorGcs()
                + " rssKb " + Rss.peakKb());
        System.exit(report.allComplete() ? 0 : 1);
    }

    /** A context with the function's 15 minutes and a logger that drops the per-series log lines. */
    static final class QuietContext implements Context {

        private final long deadline = System.currentTimeMillis() + 15 * 60_000L;

        @Override
        public String getAwsRequestId() {
            return "bench";
        }

        @Override
        public String getLogGroupName() {
            return "bench";
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return "IngestFunction";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:IngestFunction";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                }

                @Override
                public void log(byte[] message) {
                }
            };
        }
    }
}
