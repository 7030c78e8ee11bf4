package com.klinecast.bench.command;

import com.klinecast.bench.FeaturesBenchmark;
import com.klinecast.bench.IngestBenchmark;
import com.klinecast.bench.IngestProcesses;
import com.klinecast.bench.PredictBenchmark;
import com.klinecast.bench.PredictFigures;
import com.klinecast.bench.Report;
import com.klinecast.bench.Report.Verdict;
import com.klinecast.bench.StandInBenchmark;
import com.klinecast.bench.TrainingBenchmark;
import com.klinecast.bench.UpBenchmark;
import com.klinecast.standins.dynamodb.Dynalite;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.klinecast.bench.Report.d;
import static com.klinecast.bench.Report.n;
import static com.klinecast.bench.Report.stats;

/**
 * The report of a full {@code bench} run: a section per stage, each saying how it was measured, then its figures
 * beside their floors and targets.
 */
final class FullReport {

    /** Everything a full run measured; {@code peak1} and {@code peak2} are the machine's peaks on 1 and 2 threads. */
    record Results(List<IngestBenchmark.Row> ingest, StandInBenchmark.Result standIn,
            FeaturesBenchmark.Result features, IngestProcesses.Result processes, Map<String, Double> peak1,
            Map<String, Double> peak2, TrainingBenchmark.Result training, PredictFigures predict,
            UpBenchmark.Run fresh, List<UpBenchmark.Run> kept) {
    }

    private final Report report = new Report();
    private final int runs;
    private final List<Integer> sizes;

    private FullReport(int runs, List<Integer> sizes) {
        this.runs = runs;
        this.sizes = sizes;
    }

    /** {@code sizes} sorted, as the synthetic runs were made. */
    static Report of(int runs, List<Integer> sizes, Results results) {
        FullReport full = new FullReport(runs, sizes);
        full.ingestThroughput(results.ingest());
        full.standIn(results.standIn());
        full.ingestScaling(results.processes());
        full.features(results.features());
        full.training(results.training(), results.peak1(), results.peak2());
        full.predictWarm(results.predict());
        full.predictCold(results.predict());
        full.endToEnd(results.fresh(), results.kept());
        return full.report;
    }

    private void ingestThroughput(List<IngestBenchmark.Row> ingest) {
        report.section("Ingest: throughput", "Median of " + runs + " timed runs (min–max) after two warm-up rounds, "
                + "ingest and floor alternating, each run into a fresh table of dynalite in memory, in this "
                + "JVM. Ingest: the ingest handler backfilling from the Binance replay (HTTP, parsing, checks, "
                + "features, watermark). Floor: a bare BatchWriteItem loop writing the same items (candles with "
                + "their features, computed beforehand).");
        for (IngestBenchmark.Row r : ingest) {
            report.row("backfill " + r.series().replace('#', ' ') + " (" + n(r.candles()) + " candles), candles/s",
                    stats(r.ingest(), 0), stats(r.floor(), 0) + " bare loop", d(r.ratio(), 2), ">= 0.80 of floor",
                    Verdict.of(r.ratio() >= 0.8));
        }
        for (IngestBenchmark.Row r : ingest) {
            int pages = (r.candles() + 999) / 1000;
            report.row("klines requests, " + r.series().replace('#', ' '), Integer.toString(r.requests()),
                    "ceil(N/1000) = " + pages, "", "= ceil(N/1000)", Verdict.of(r.requests() == pages));
        }
    }

    private void standIn(StandInBenchmark.Result standIn) {
        report.section("DynamoDB stand-in", "dynalite 4.0.0 (Node.js " + Dynalite.nodeVersion() + "), a child "
                + "process of this JVM: milliseconds from the call to a server on loopback that answers, median of "
                + runs + " starts (min–max) after one warm-up start; its own resident set (VmRSS idle, VmHWM after "
                + "a bare BatchWriteItem loop of the BTCUSDT 1h rows); the bytes its LevelDB directory holds then.");
        report.row("start-up, in memory; persisted to a directory", stats(standIn.memoryStartMs(), 0) + " ms; "
                + stats(standIn.persistedStartMs(), 0) + " ms");
        report.row("resident set: idle; after " + n(standIn.rows()) + " rows in memory; persisted", n(
                standIn.idleRssMb()) + " MB; " + n(standIn.loadedRssMb()) + " MB; " + n(standIn.persistedPeakRssMb())
                + " MB");
        report.row("disk, persisted, " + n(standIn.rows()) + " rows", d(standIn.diskBytes() / 1048576.0, 1) + " MB");
    }

    private void ingestScaling(IngestProcesses.Result processes) {
        report.section("Ingest: memory and scaling", "One invocation per row, each a fresh JVM on "
                + "ingest-lambda.jar with " + String.join(" ", IngestProcesses.LAMBDA_JVM) + " (C1 only, as Lambda's "
                + "Java 17; heap and collector chosen by the JVM as in the template's 1,024 MB), building the "
                + "handler from the environment and backfilling into a fresh table of dynalite, which runs "
                + "with the replay in the parent process, so the resident set is the function's alone. Synthetic: "
                + "a seeded random walk of " + n(sizes.get(sizes.size() - 1)) + " 1m candles written to a temp dir "
                + "and served by the replay; the event's time makes exactly N of them closed. Live heap: the "
                + "largest heap in use right after a full collection (what the function kept alive; full "
                + "collections run on their own every few thousand candles). Floor: the same JVM and jar building "
                + "the two clients and making one call each (one klines page, one batch of 25 items). Requests: "
                + "a last page that is full cannot tell it is the last, so a series of a multiple of 1,000 "
                + "candles takes one more request, as on Binance.");
        for (IngestProcesses.Run r : processes.runs()) {
            report.row(r.what() + ": candles/s; peak RSS; live heap (full GCs)",
                    n(r.candlesPerSecond()) + "; " + n(r.rssMb()) + " MB; " + d(r.heapAfterFullGcMb(), 1) + " MB ("
                            + r.fullGcs() + ")", n(processes.floorRssMb()) + " MB RSS",
                    d(r.rssMb() / processes.floorRssMb(), 2) + " (RSS)", "", Verdict.NONE);
        }
        for (IngestProcesses.Run r : processes.runs()) {
            int pages = (int) ((r.candles() + 999) / 1000);
            report.row("klines requests, " + r.what(), n(r.requests()), "ceil(N/1000) = " + n(pages), "", "",
                    Verdict.NONE);
        }
        List<IngestProcesses.Run> synthetic = processes.runs().stream().filter(r -> r.what().startsWith("synthetic"))
                .toList();
        if (synthetic.size() > 1) {
            scaling(synthetic.get(0), synthetic.get(synthetic.size() - 1));
        }
    }

    /** How the function's memory and speed move from the smallest synthetic series to the largest. */
    private void scaling(IngestProcesses.Run smallest, IngestProcesses.Run largest) {
        String span = "N = " + n(smallest.candles()) + " → " + n(largest.candles());
        double rss = largest.rssMb() / smallest.rssMb();
        double heap = largest.heapAfterFullGcMb() / smallest.heapAfterFullGcMb();
        double rate = largest.candlesPerSecond() / smallest.candlesPerSecond();
        report.row("peak RSS, " + span, n(smallest.rssMb()) + " → " + n(largest.rssMb()) + " MB", "", d(rss, 2),
                "flat in N (<= 1.10)", Verdict.of(rss <= 1.10));
        report.row("live heap, " + span, d(smallest.heapAfterFullGcMb(), 1) + " → "
                + d(largest.heapAfterFullGcMb(), 1) + " MB", "", d(heap, 2), "flat in N (<= 1.10)",
                Verdict.of(heap <= 1.10));
        report.row("candles/s, " + span, n(smallest.candlesPerSecond()) + " → " + n(largest.candlesPerSecond()),
                "", d(rate, 2), "does not fall (>= 0.90)", Verdict.of(rate >= 0.90));
    }

    private void features(FeaturesBenchmark.Result features) {
        report.section("Features", "A full recompute (`features --recompute`: stream the stored candles, recompute "
                + "every feature, rewrite every row) on dynalite in memory, in this JVM; median of " + runs
                + " runs (min–max) after two warm-up rounds, alternating with the floor: the same rows read with a "
                + "bare paginated Query and written back with a bare BatchWriteItem loop.");
        report.row("recompute " + features.series().replace('#', ' ') + " (" + n(features.rows()) + " rows), rows/s",
                stats(features.recompute(), 0), stats(features.floor(), 0) + " bare read + write",
                d(features.ratio(), 2), "", Verdict.NONE);
    }

    private void training(TrainingBenchmark.Result training, Map<String, Double> peak1, Map<String, Double> peak2) {
        double peak = peak1.get("sgemm");
        report.section("Training", "`./klinecast train` (default config: window 30, 5 inputs, LSTM 50-50, dense 30 "
                + "outputs, batch 32, up to " + training.maxEpochs() + " epochs, early stopping) on BTCUSDT 1d, its "
                + "own JVM with the launcher's -Xmx1g and OMP_NUM_THREADS=1; wall time from spawn to exit "
                + "(dynalite and S3Proxy start, data read, training, backtest, publish). FLOPs from the layer "
                + "sizes: per LSTM layer and step 4 gates × (in + hidden + 1) × hidden × 2, dense (hidden + 1) × "
                + "outputs × 2; an epoch is 3× forward (forward + backward) on the training windows plus forward on "
                + "the validation windows; element-wise gate work left out. Peak: ND4J's sgemm (OpenBLAS) on "
                + "1024×1024 floats in a JVM of its own, best of 12 calls, 1 OpenMP thread as the training; also "
                + "2 threads, the shape of one recurrent step, and a scalar Java FMA loop.");
        report.row("wall time", d(training.wallSeconds(), 1) + " s", "", "", "<= 180 s",
                Verdict.of(training.wallSeconds() <= 180));
        report.row("peak RSS", n(training.rssMb()) + " MB", "", "", "<= 1,536 MB", Verdict.of(training.rssMb() <= 1536));
        report.row("epochs run; mean epoch", training.epochs() + " of " + training.maxEpochs() + "; "
                + d(training.loopSeconds() / training.epochs(), 2) + " s");
        report.row("windows: training / validation", n(training.trainWindows()) + " / "
                + n(training.validationWindows()));
        report.row("samples/s (training windows, forward + backward)", n(training.samplesPerSecond()));
        report.row("FLOPs: per window forward; per epoch", d(training.forwardFlopsPerWindow() / 1e6, 2) + " M; "
                + d(training.flopsPerEpoch() / 1e9, 2) + " G");
        report.row("achieved GFLOP/s (FLOPs per epoch / epoch time)", d(training.gflopsPerSecond(), 2),
                d(peak, 1) + " sgemm 1024², 1 thread", d(training.gflopsPerSecond() / peak, 3), "", Verdict.NONE);
        report.row("machine: sgemm 1024², 2 threads; one-step shape 32×50·50×200, 1 thread", d(peak2.get("sgemm"), 1)
                + "; " + d(peak1.get("sgemmStep"), 1) + " GFLOP/s");
        report.row("machine: scalar Java FMA loop (8 chains), 1 thread", d(peak1.get("javaFma"), 1) + " GFLOP/s");
    }

    private void predictWarm(PredictFigures predict) {
        report.section("Predict", "`bench predict` on the data dir the end-to-end run left (champion v"
                + predict.championVersion() + "): " + n(predict.requests()) + " sequential GET /forecast per row "
                + "after a warm-up, through the local HTTP API stand-in and straight to the handler (its floor); "
                + "the forecaster alone on bars in memory. Cold start: a fresh JVM on predict-lambda.jar with "
                + "-XX:TieredStopAtLevel=1 building the handler from the environment, loading the champion from "
                + "S3Proxy and answering one 30-day forecast; floor: the same JVM and jar building only the two SDK "
                + "clients and making one call each; " + predict.coldRuns() + " runs alternating, median (min–max).");
        for (int days : PredictFigures.DAYS) {
            PredictBenchmark.Latency api = predict.api().get(days);
            PredictBenchmark.Latency handler = predict.handler().get(days);
            boolean target = days == 30;
            report.row("warm, local API, days=" + days + ": p50 / p99 / max", latency(api),
                    latency(handler) + " handler only", d(api.p50() / handler.p50(), 2) + " (p50)",
                    target ? "p50 <= 10, p99 <= 30 ms" : "", target ? Verdict.of(predict.warmMet()) : Verdict.NONE);
        }
        report.row("forecaster alone, days=30: p50 / p99 / max", latency(predict.forwardPass()));
        report.row("requests/s, one instance (sequential, days=7)", n(predict.requestsPerSecond()));
    }

    private void predictCold(PredictFigures predict) {
        report.row("cold start, wall", stats(predict.cold().wallMs(), 0) + " ms", stats(predict.coldFloor().wallMs(), 0)
                + " ms", d(predict.cold().wallMs().median() / predict.coldFloor().wallMs().median(), 2),
                "<= 1,500 ms", Verdict.of(predict.coldMet()));
        report.row("cold start, peak RSS", stats(predict.cold().rssMb(), 0) + " MB", stats(predict.coldFloor().rssMb(), 0)
                + " MB", d(predict.cold().rssMb().median() / predict.coldFloor().rssMb().median(), 2), "<= 300 MB",
                Verdict.of(predict.coldRssMet()));
        predict.jarBytes().forEach((module, bytes) -> report.row("jar size, " + module, bytes == null ? "not built"
                : d(bytes / 1048576.0, 1) + " MB", "", "", module.equals("predict-lambda") ? "<= 20 MB" : "",
                module.equals("predict-lambda") ? Verdict.of(predict.jarMet()) : Verdict.NONE));
    }

    private void endToEnd(UpBenchmark.Run fresh, List<UpBenchmark.Run> kept) {
        IngestBenchmark.Stats serving = IngestBenchmark.Stats.of(kept.stream().map(UpBenchmark.Run::serving).toList());
        IngestBenchmark.Stats startup = IngestBenchmark.Stats.of(kept.stream().map(UpBenchmark.Run::startupSeconds)
                .toList());
        IngestBenchmark.Stats keptRss = IngestBenchmark.Stats.of(kept.stream().map(UpBenchmark.Run::rssMb).toList());
        report.section("End to end", "`klinecast up --smoke --port 0` in its own JVM with the launcher's flags: "
                + "seconds from the spawn to the line each stage prints and to \"serving on\" (the API listening); "
                + "the smoke test then requests the page and a forecast and exits. First on a fresh data dir "
                + "(backfill BTCUSDT 1d, daily catch-up, training, serve), then " + kept.size() + " runs on the kept "
                + "dir, median (min–max). Floor of the second: the spawn to the first stage's line (JVM, picocli, "
                + "dynalite on the data dir, the replay).");
        report.row("first up, fresh data dir: to serving", d(fresh.serving(), 1) + " s (start "
                + d(fresh.startupSeconds(), 1) + ", backfill " + d(fresh.backfillSeconds(), 1) + ", daily "
                + d(fresh.dailySeconds(), 1) + ", training " + d(fresh.modelSeconds(), 1) + ", serve "
                + d(fresh.serveSeconds(), 1) + ")", "", "", "", Verdict.NONE);
        report.row("first up: peak RSS; whole run", n(fresh.rssMb()) + " MB; " + d(fresh.wall(), 1) + " s");
        report.row("second up, kept data dir: to serving", stats(serving, 1) + " s", stats(startup, 1) + " s start",
                d(serving.median() / startup.median(), 2), "<= 10 s", Verdict.of(serving.median() <= 10));
        UpBenchmark.Run typical = kept.stream().sorted(Comparator.comparingDouble(UpBenchmark.Run::serving))
                .toList().get(kept.size() / 2);
        report.row("second up, median run: stages", "start " + d(typical.startupSeconds(), 1) + ", backfill "
                + d(typical.backfillSeconds(), 1) + ", daily " + d(typical.dailySeconds(), 1) + ", model "
                + d(typical.modelSeconds(), 1) + ", serve " + d(typical.serveSeconds(), 1) + " s");
        report.row("second up: peak RSS", stats(keptRss, 0) + " MB");
    }

    private static String latency(PredictBenchmark.Latency l) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.1f ms", l.p50(), l.p99(), l.max());
    }
}
