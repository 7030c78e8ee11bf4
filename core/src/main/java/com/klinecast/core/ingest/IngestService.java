package com.klinecast.core.ingest;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.ingest.SeriesReport.Progress;
import com.klinecast.core.machine.MachineFault;
import com.klinecast.core.ingest.SeriesReport.Status;
import com.klinecast.core.quality.InvalidCandleException;
import com.klinecast.core.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Moves closed candles from the exchange into the feature table, with their features, for the backfill and the
 * daily job alike. It works page by page as pages arrive (memory stays flat however long the history: the page
 * being written, the next one, and the {@link FeatureSet#LOOKBACK} candles the features need), resuming from the
 * watermark. The next page is fetched while the current one is written, so exchange latency overlaps store
 * latency. Before each page it checks the deadline and stops with {@code stopMargin} to spare, so a time-out
 * never cuts a page in half.
 */
public final class IngestService {

    /** What an invocation does with a series. */
    public enum Mode {
        /** From the watermark (or the request's start) to the present; nothing once the backfill completed. */
        BACKFILL,
        /** Every candle closed since the watermark, however many runs were missed; needs a backfilled series. */
        CATCH_UP,
        /** BACKFILL until the backfill completed, CATCH_UP after: what a fan-out worker does with its series. */
        SYNC
    }

    /**
     * Daemon threads, so an in-flight prefetch never keeps a JVM alive; one per concurrent run, which in Lambda
     * is one per execution environment, while the local stack's workers share one JVM and must not queue behind
     * each other's prefetch.
     */
    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "klines-prefetch");
        t.setDaemon(true);
        return t;
    });

    /** Extra requests for an empty page where candles are due, before the run fails. */
    static final int EMPTY_REASKS = 2;

    private final KlineSource source;
    private final CandleSink sink;
    private final WatermarkStore watermarks;
    private final Duration stopMargin;
    private final IngestListener listener;

    public IngestService(KlineSource source, CandleSink sink, WatermarkStore watermarks, Duration stopMargin,
            IngestListener listener) {
        this.source = source;
        this.sink = sink;
        this.watermarks = watermarks;
        this.stopMargin = stopMargin;
        this.listener = listener;
    }

    public IngestReport run(IngestRequest request, Deadline deadline) {
        return run(Mode.BACKFILL, request, deadline);
    }

    public IngestReport run(Mode mode, IngestRequest request, Deadline deadline) {
        List<SeriesReport> reports = new ArrayList<>();
        Map<String, ExchangeUsage> usage = new LinkedHashMap<>();
        for (Series series : request.series()) {
            source.drainUsage(series);
            SeriesReport report = ingest(mode, series, request.from(), request.now(), deadline);
            usage.put(series.id(), source.drainUsage(series));
            listener.finished(report);
            reports.add(report);
        }
        return new IngestReport(reports, usage);
    }

    private SeriesReport ingest(Mode requested, Series series, Instant from, Instant now, Deadline deadline) {
        Progress progress = new Progress();
        Optional<IngestState> state;
        try {
            state = watermarks.load(series);
        } catch (PortException e) {
            return SeriesReport.of(series, Status.FAILED, progress, false, e.getMessage() + "; nothing was written");
        }
        Mode mode = requested != Mode.SYNC ? requested
                : state.isPresent() && state.get().complete() ? Mode.CATCH_UP : Mode.BACKFILL;
        if (mode == Mode.BACKFILL && state.isPresent() && state.get().complete()) {
            return SeriesReport.of(series, Status.ALREADY_COMPLETE, progress, true,
                    "backfill already complete up to " + Instant.ofEpochMilli(state.get().lastOpenTime())
                            + "; the daily job keeps it current");
        }
        if (mode == Mode.CATCH_UP && state.isEmpty()) {
            return SeriesReport.of(series, Status.NOT_BACKFILLED, progress, false, series
                    + " was never backfilled: run the ingest function (./klinecast ingest) first; the daily job "
                    + "only appends to a backfilled series");
        }
        long start = state.map(s -> s.lastOpenTime() + 1).orElse(from.toEpochMilli());
        long runStart = start;
        Long firstEver = state.map(IngestState::firstOpenTime).orElse(null);
        Long watermark = state.map(IngestState::lastOpenTime).orElse(null);
        listener.started(series, start, now.toEpochMilli());
        long nowMillis = now.toEpochMilli();
        Future<KlinePage> prefetched = null;
        try {
            // The candles the first page's features look back on: read from the table, never recomputed.
            List<Candle> tail = watermark == null ? List.of() : sink.history(series, start, FeatureSet.LOOKBACK);
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
                if (mode == Mode.BACKFILL && page.received() == 0 && candleDue(series, start, nowMillis)) {
                    page = reask(series, start, nowMillis, progress);
                }
                if (!page.last()) {
                    // A page that is not the last is full and closed, so the next start is known now.
                    long nextStart = page.closed().get(page.closed().size() - 1).openTime() + 1;
                    progress.requests++;
                    prefetched = PREFETCH.submit(() -> source.fetch(series, nextStart, nowMillis));
                }
                if (!page.closed().isEmpty()) {
                    List<FeatureRow> rows = FeatureRows.of(series, tail, page.closed());
                    sink.write(series, rows);
                    progress.flagged += rows.stream().filter(r -> !r.flags().isEmpty()).count();
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
                    tail = lastOf(tail, page.closed());
                    start = last + 1;
                } else if (page.last() && watermark != null && !state.map(IngestState::complete).orElse(false)) {
                    watermarks.save(new IngestState(series, firstEver, watermark, true, now));
                }
                if (page.last()) {
                    String note = firstEver == null ? "no closed candles from " + from + " on" : null;
                    return SeriesReport.of(series, Status.COMPLETE, progress, true, note);
                }
            }
        } catch (PortException | InvalidCandleException | MissingKlinesException e) {
            return failed(series, runStart, nowMillis, from, watermark, progress, e);
        } finally {
            if (prefetched != null) {
                prefetched.cancel(true);
            }
        }
    }

    /**
     * The report of a failed run, counting what the table and the watermark hold afterwards rather than the writes
     * that were acknowledged: a write that fails partway (a full disk) can leave rows stored that no page
     * counted. The failure comes first, named by its machine fault when it shows one; {@code lastSaved} is the
     * watermark as this run last saved it.
     */
    private SeriesReport failed(Series series, long runStart, long now, Instant from, Long lastSaved,
            Progress progress, RuntimeException failure) {
        String cause = MachineFault.describe(failure, failure.getMessage());
        String outcome;
        try {
            StoredRange stored = sink.stored(series, runStart, now);
            Long watermark = watermarks.load(series).map(IngestState::lastOpenTime).orElse(null);
            long covered = watermark == null || watermark < runStart ? 0
                    : sink.stored(series, runStart, watermark).count();
            progress.written = stored.count();
            progress.first = stored.first();
            progress.last = stored.last();
            if (stored.count() == 0) {
                outcome = "nothing was written" + (watermark == null ? "" : "; a rerun " + resumes(watermark, from));
            } else if (covered < stored.count()) {
                outcome = stored.count() + " candles are stored, " + (stored.count() - covered)
                        + " of them past the watermark";
            } else {
                outcome = stored.count() + " candles are stored, all covered by the watermark";
            }
            if (stored.count() > 0) {
                outcome += "; a rerun " + resumes(watermark, from);
            }
        } catch (RuntimeException readBack) {
            // The store is gone for reads too: only the watermark this run saved last is known.
            outcome = "what was stored could not be read back (" + readBack.getMessage() + "); a rerun "
                    + resumes(lastSaved, from);
        }
        return SeriesReport.of(series, Status.FAILED, progress, false, cause + "; " + outcome);
    }

    /** Whether a candle opening at or after {@code start} must have closed by {@code now}. */
    private static boolean candleDue(Series series, long start, long now) {
        return series.interval().fullCloseTime(series.interval().nextOpenTime(start - 1)) < now;
    }

    /**
     * An empty answer where candles should exist: the history ending exactly on a page boundary (a delisted pair),
     * or an answer gone wrong. Taken as the end, it would mark the backfill complete with a hole no rerun fills,
     * so ask again; an exchange that keeps answering nothing fails the run, which a rerun resumes.
     */
    private KlinePage reask(Series series, long start, long now, Progress progress) {
        for (int ask = 1; ask <= EMPTY_REASKS; ask++) {
            progress.requests++;
            KlinePage page = source.fetch(series, start, now);
            if (page.received() > 0) {
                return page;
            }
        }
        throw new MissingKlinesException(series + ": the exchange answered no klines from " + Instant.ofEpochMilli(start)
                + " in " + (EMPTY_REASKS + 1) + " requests although candles should have closed since; the backfill is "
                + "not marked complete");
    }

    private static List<Candle> lastOf(List<Candle> tail, List<Candle> page) {
        List<Candle> joined = new ArrayList<>(tail.size() + page.size());
        joined.addAll(tail);
        joined.addAll(page);
        return List.copyOf(joined.subList(Math.max(0, joined.size() - FeatureSet.LOOKBACK), joined.size()));
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
