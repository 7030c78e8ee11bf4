package com.klinecast.cli;

import com.klinecast.cli.bench.Child;
import com.klinecast.cli.bench.FeaturesBenchmark;
import com.klinecast.cli.bench.IngestBenchmark;
import com.klinecast.cli.bench.IngestProcesses;
import com.klinecast.cli.bench.Machine;
import com.klinecast.cli.bench.PeakFlops;
import com.klinecast.cli.bench.PredictBenchmark;
import com.klinecast.cli.bench.Report;
import com.klinecast.cli.bench.Report.Verdict;
import com.klinecast.cli.bench.StandInBenchmark;
import com.klinecast.cli.bench.TrainingBenchmark;
import com.klinecast.cli.bench.UpBenchmark;
import com.klinecast.core.series.Series;
import com.klinecast.standins.dynamodb.Dynalite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static com.klinecast.cli.bench.Report.d;
import static com.klinecast.cli.bench.Report.n;
import static com.klinecast.cli.bench.Report.stats;

/**
 * {@code klinecast bench}: every figure of the pipeline beside the floor that bounds it, measured in one run on
 * one machine, printed as a table and written to BENCHMARKS.md with the machine it ran on. Light stages run in
 * this JVM; the heavy ones (the Lambdas as fresh JVMs on their jars, training, {@code up}) in their own
 * processes, whose peak resident set is read from /proc.
 */
final class BenchAll {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series BTC_1H = Series.of("BTCUSDT", "1h");
    private static final long SEED = 42;

    private final Klinecast root;
    private final int runs;
    private final List<Integer> sizes;
    private final int requests;
    private final int coldRuns;
    private final Path output;
    private final long started = System.nanoTime();

    BenchAll(Klinecast root, int runs, List<Integer> sizes, int requests, int coldRuns, Path output) {
        this.root = root;
        this.runs = runs;
        this.sizes = sizes.stream().sorted().toList();
        this.requests = requests;
        this.coldRuns = coldRuns;
        this.output = output;
    }

    int run() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadStart = Machine.loadAverage();
        Machine machine = Machine.detect();
        Path home = PredictBench.home();
        Path replayDir = root.replayDir().toAbsolutePath();

        progress("machine peak: sgemm and a Java FMA loop, in their own JVMs (1 and 2 OpenMP threads)");
        Map<String, Double> peak1 = peakFlops(1);
        Map<String, Double> peak2 = peakFlops(2);

        progress("ingest vs bare BatchWriteItem loop (in process, " + runs + " runs each)");
        List<IngestBenchmark.Row> ingest = new IngestBenchmark(replayDir, runs).run(List.of(BTC_1D, BTC_1H));

        progress("DynamoDB stand-in (dynalite): start-up, resident memory, disk (" + runs + " starts each)");
        Path scratch = tempDir();
        StandInBenchmark.Result standIn;
        try {
            standIn = new StandInBenchmark(replayDir, runs).run(BTC_1H, scratch);
        } finally {
            deleteTree(scratch);
        }

        progress("feature recompute vs bare read + write (in process)");
        FeaturesBenchmark.Result features = new FeaturesBenchmark(replayDir, runs).run(BTC_1H);

        progress("ingest Lambda in fresh JVMs: memory floor, BTCUSDT 1d and 1h, synthetic 1m at N = " + sizes);
        IngestProcesses.Result processes = new IngestProcesses(home.resolve("ingest-lambda/target/ingest-lambda.jar"),
                replayDir).run(List.of(BTC_1D, BTC_1H), sizes, SEED);

        Path dataDir = tempDir();
        try {
            progress("klinecast up --smoke on a fresh data dir (backfill, daily, training, serve)");
            UpBenchmark.Run fresh = UpBenchmark.run(dataDir, replayDir);
            List<UpBenchmark.Run> kept = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                progress("klinecast up --smoke on the kept data dir, run " + (i + 1) + "/" + runs);
                kept.add(UpBenchmark.run(dataDir, replayDir));
            }
            progress("training: ./klinecast train, default config, BTCUSDT 1d (own JVM)");
            TrainingBenchmark.Result training = TrainingBenchmark.run(dataDir, replayDir);

            progress("predict: warm latency, forward pass, cold starts (" + requests + " requests per row, "
                    + coldRuns + " cold runs)");
            PredictBench.Figures predict = PredictBench.measure(optionsFor(dataDir), home, requests, coldRuns);

            String loadEnd = Machine.loadAverage();
            double minutes = (System.nanoTime() - started) / 60e9;
            Report report = report(ingest, standIn, features, processes, peak1, peak2, training, predict, fresh, kept);
            System.out.println();
            System.out.print(report.text());
            List<Report.Row> missed = report.targets().stream().filter(r -> r.verdict() == Verdict.MISSED).toList();
            System.out.printf("%n%d of %d targets met%s; %.1f min; load average %s at start, %s at end%n",
                    report.targets().size() - missed.size(), report.targets().size(),
                    missed.isEmpty() ? "" : "; missed: " + String.join(", ", missed.stream().map(Report.Row::figure)
                            .toList()), minutes, loadStart, loadEnd);
            Report.write(output, markdown(at, minutes, machine, loadStart, loadEnd, report, missed));
            System.out.println("wrote " + output.toAbsolutePath());
            return 0;
        } finally {
            deleteTree(dataDir);
        }
    }

    private Report report(List<IngestBenchmark.Row> ingest, StandInBenchmark.Result standIn,
            FeaturesBenchmark.Result features,
            IngestProcesses.Result processes, Map<String, Double> peak1, Map<String, Double> peak2,
            TrainingBenchmark.Result training, PredictBench.Figures predict, UpBenchmark.Run fresh,
            List<UpBenchmark.Run> kept) {
        Report report = new Report();

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

        IngestProcesses.Run smallest = null;
        IngestProcesses.Run largest = null;
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
            if (r.what().startsWith("synthetic")) {
                smallest = smallest == null ? r : smallest;
                largest = r;
            }
        }
        for (IngestProcesses.Run r : processes.runs()) {
            int pages = (int) ((r.candles() + 999) / 1000);
            report.row("klines requests, " + r.what(), n(r.requests()), "ceil(N/1000) = " + n(pages), "", "",
                    Verdict.NONE);
        }
        if (smallest != null && largest != smallest) {
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

        report.section("Features", "A full recompute (`features --recompute`: stream the stored candles, recompute "
                + "every feature, rewrite every row) on dynalite in memory, in this JVM; median of " + runs
                + " runs (min–max) after two warm-up rounds, alternating with the floor: the same rows read with a "
                + "bare paginated Query and written back with a bare BatchWriteItem loop.");
        report.row("recompute " + features.series().replace('#', ' ') + " (" + n(features.rows()) + " rows), rows/s",
                stats(features.recompute(), 0), stats(features.floor(), 0) + " bare read + write",
                d(features.ratio(), 2), "", Verdict.NONE);

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

        report.section("Predict", "`bench predict` on the data dir the end-to-end run left (champion v"
                + predict.championVersion() + "): " + n(predict.requests()) + " sequential GET /forecast per row "
                + "after a warm-up, through the local HTTP API stand-in and straight to the handler (its floor); "
                + "the forecaster alone on bars in memory. Cold start: a fresh JVM on predict-lambda.jar with "
                + "-XX:TieredStopAtLevel=1 building the handler from the environment, loading the champion from "
                + "S3Proxy and answering one 30-day forecast; floor: the same JVM and jar building only the two SDK "
                + "clients and making one call each; " + predict.coldRuns() + " runs alternating, median (min–max).");
        for (int days : PredictBench.Figures.DAYS) {
            PredictBenchmark.Latency api = predict.api().get(days);
            PredictBenchmark.Latency handler = predict.handler().get(days);
            boolean target = days == 30;
            report.row("warm, local API, days=" + days + ": p50 / p99 / max", latency(api),
                    latency(handler) + " handler only", d(api.p50() / handler.p50(), 2) + " (p50)",
                    target ? "p50 <= 10, p99 <= 30 ms" : "", target ? Verdict.of(predict.warmMet()) : Verdict.NONE);
        }
        report.row("forecaster alone, days=30: p50 / p99 / max", latency(predict.forwardPass()));
        report.row("requests/s, one instance (sequential, days=7)", n(predict.requestsPerSecond()));
        report.row("cold start, wall", stats(predict.cold().wallMs(), 0) + " ms", stats(predict.coldFloor().wallMs(), 0)
                + " ms", d(predict.cold().wallMs().median() / predict.coldFloor().wallMs().median(), 2),
                "<= 1,500 ms", Verdict.of(predict.coldMet()));
        report.row("cold start, peak RSS", stats(predict.cold().rssMb(), 0) + " MB", stats(predict.coldFloor().rssMb(), 0)
                + " MB", d(predict.cold().rssMb().median() / predict.coldFloor().rssMb().median(), 2), "<= 300 MB",
                Verdict.of(predict.coldRssMet()));
        predict.jarBytes().forEach((module, bytes) -> report.row("jar size, " + module, bytes == null ? "not built"
                : d(bytes / 1048576.0, 1) + " MB", "", "", module.equals("predict-lambda") ? "<= 20 MB" : "",
                module.equals("predict-lambda") ? Verdict.of(predict.jarMet()) : Verdict.NONE));

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
        return report;
    }

    private String markdown(Instant at, double minutes, Machine machine, String loadStart, String loadEnd,
            Report report, List<Report.Row> missed) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Every figure below comes from one run of `./klinecast bench` (floors included, measured beside "
                + "the figure they bound), on ").append(at).append(", taking ").append(d(minutes, 1))
                .append(" min. No unit test is timed; this is the place. A run rewrites everything above the notes "
                + "marker and keeps the hand-written notes under it.\n\n");
        md.append("## Machine\n\n| | |\n|---|---|\n");
        md.append("| CPU | ").append(machine.cpuModel()).append(", ").append(machine.cores())
                .append(" cores as the JVM sees them; cpu MHz ").append(machine.cpuMhz()).append("; vector flags: ")
                .append(machine.vectorFlags()).append(" |\n");
        md.append("| RAM | ").append(machine.ramText()).append(" |\n");
        md.append("| Java | ").append(machine.java()).append(" |\n");
        md.append("| OS | ").append(machine.os()).append(" |\n");
        md.append("| load average (1 / 5 / 15 min) | at start ").append(loadStart).append("; at end ").append(loadEnd)
                .append(" |\n");
        md.append("| settings | ").append(runs).append(" timed runs per short figure; synthetic sizes ")
                .append(String.join(", ", sizes.stream().map(Report::n).toList())).append("; ").append(n(requests))
                .append(" requests per latency row; ").append(coldRuns).append(" cold starts |\n\n");
        md.append("## Targets\n\n").append(report.targets().size() - missed.size()).append(" of ")
                .append(report.targets().size()).append(" met");
        if (!missed.isEmpty()) {
            md.append("; missed: ").append(String.join("; ", missed.stream().map(r -> r.figure() + " (" + r.measured()
                    + ", target " + r.target() + ")").toList())).append(". The notes below say why and what would "
                    + "fix it");
        }
        md.append(".\n\n## Results\n\n").append(report.markdown());
        return md.toString();
    }

    private static String latency(PredictBenchmark.Latency l) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.1f ms", l.p50(), l.p99(), l.max());
    }

    private Map<String, Double> peakFlops(int threads) {
        List<String> command = List.of(Child.java(), "-Xmx1g", "-cp", Child.cliJar().toString(),
                PeakFlops.class.getName(), threads == 1 ? "all" : "sgemm");
        Child.Result result = Child.run(command, Map.of("OMP_NUM_THREADS", Integer.toString(threads)),
                Duration.ofMinutes(5)).requireSuccess("peak FLOP/s probe");
        String line = result.firstLine(l -> l.startsWith("peak ")).orElseThrow(() -> new IllegalStateException(
                "peak probe printed nothing:\n" + result.output()));
        return Map.of("sgemm", Child.field(line, "sgemm"), "sgemmStep", Child.field(line, "sgemmStep"),
                "javaFma", Child.field(line, "javaFma"));
    }

    /** The CLI's options, on another data dir. */
    private Klinecast optionsFor(Path dataDir) {
        Klinecast options = new Klinecast();
        options.dataDir = dataDir;
        options.source = Klinecast.Source.replay;
        options.replayDir = root.replayDir().toAbsolutePath();
        options.binanceUrl = root.binanceUrl;
        return options;
    }

    private void progress(String what) {
        System.err.printf("[bench %5.0f s] %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("klinecast-bench-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind
        }
    }
}
