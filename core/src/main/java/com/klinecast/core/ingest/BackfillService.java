package com.klinecast.core.ingest;

import com.klinecast.core.binance.BinanceException;
import com.klinecast.core.ingest.SeriesReport.Progress;
import com.klinecast.core.ingest.SeriesReport.Status;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Backfills kline history into the feature table, page by page as pages arrive (memory stays flat however long
 * the history: at most the page being written and the next one), resuming from the watermark. The next page is
 * fetched while the current one is written, so exchange latency overlaps store latency. Before each page it
 * checks the deadline and stops cleanly with {@code stopMargin} to spare, so a time-out never cuts a page in half.
 */
public final class BackfillService {

    /** One daemon thread per execution environment: an in-flight prefetch never keeps a JVM alive. */
    private static final ExecutorService PREFETCH = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "klines-prefetch");
        t.setDaemon(true);
        return t;
    });

    private final KlineSource source;
    private final CandleSink sink;
    private final WatermarkStore watermarks;
    private final Duration stopMargin;
    private final IngestListener listener;

    public BackfillService(KlineSource source, CandleSink sink, WatermarkStore watermarks, Duration stopMargin,
            IngestListener listener) {
        this.source = source;
        this.sink = sink;
        this.watermarks = watermarks;
        this.stopMargin = stopMargin;
        this.listener = listener;
    }

    public IngestReport run(IngestRequest request, Deadline deadline) {
        List<SeriesReport> reports = new ArrayList<>();
        for (Series series : request.series()) {
            SeriesReport report = backfill(series, request.from(), request.now(), deadline);
            listener.finished(report);
            reports.add(report);
        }
        return new IngestReport(reports);
    }

    private SeriesReport backfill(Series series, Instant from, Instant now, Deadline deadline) {
        Optional<IngestState> state = watermarks.load(series);
        Progress progress = new Progress();
        if (state.isPresent() && state.get().complete()) {
            return SeriesReport.of(series, Status.ALREADY_COMPLETE, progress, true,
                    "backfill already complete up to " + Instant.ofEpochMilli(state.get().lastOpenTime())
                            + "; the daily job keeps it current");
        }
        long start = state.map(s -> s.lastOpenTime() + 1).orElse(from.toEpochMilli());
        Long firstEver = state.map(IngestState::firstOpenTime).orElse(null);
        Long watermark = state.map(IngestState::lastOpenTime).orElse(null);
        listener.started(series, start, now.toEpochMilli());
        long nowMillis = now.toEpochMilli();
        Future<KlinePage> prefetched = null;
        try {
            while (true) {
                if (deadline.remainingMillis() < stopMargin.toMillis()) {
                    return SeriesReport.of(series, Status.PARTIAL, progress, false,
                            "stopped before the time-out; the next run " + resumes(watermark, from));
                }
                KlinePage page;
                if (prefetched != null) {
                    page = join(prefetched);
                    prefetched = null;
                } else {
                    progress.requests++;
                    page = source.fetch(series, start, nowMillis);
                }
                if (!page.last()) {
                    // A page that is not the last is full and closed, so the next start is known now.
                    long nextStart = page.closed().get(page.closed().size() - 1).openTime() + 1;
                    progress.requests++;
                    prefetched = PREFETCH.submit(() -> source.fetch(series, nextStart, nowMillis));
                }
                if (!page.closed().isEmpty()) {
                    sink.write(series, page.closed());
                    long last = page.closed().get(page.closed().size() - 1).openTime();
                    if (firstEver == null) {
                        firstEver = page.closed().get(0).openTime();
                    }
                    // Only now that the rows are written may the watermark cover them.
                    watermarks.save(new IngestState(series, firstEver, last, page.last(), now));
                    watermark = last;
                    if (progress.first == null) {
                        progress.first = page.closed().get(0).openTime();
                    }
                    progress.last = last;
                    progress.written += page.closed().size();
                    listener.pageWritten(series, page.closed(), progress.written);
                    start = last + 1;
                } else if (page.last() && watermark != null) {
                    watermarks.save(new IngestState(series, firstEver, watermark, true, now));
                }
                if (page.last()) {
                    String note = firstEver == null ? "no closed candles from " + from + " on" : null;
                    return SeriesReport.of(series, Status.COMPLETE, progress, true, note);
                }
            }
        } catch (BinanceException | StoreException e) {
            return SeriesReport.of(series, Status.FAILED, progress, false, e.getMessage()
                    + (watermark == null ? "; nothing was written" : "; a rerun " + resumes(watermark, from)));
        } finally {
            if (prefetched != null) {
                prefetched.cancel(true);
            }
        }
    }

    private static KlinePage join(Future<KlinePage> page) {
        try {
            return page.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("klines prefetch failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a klines page", e);
        }
    }

    private static String resumes(Long watermark, Instant from) {
        return watermark == null ? "starts at " + from
                : "resumes after the candle opened at " + Instant.ofEpochMilli(watermark);
    }
}
