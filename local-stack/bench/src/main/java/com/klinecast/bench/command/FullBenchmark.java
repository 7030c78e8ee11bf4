package com.klinecast.bench.command;

import com.klinecast.bench.Child;
import com.klinecast.bench.FeaturesBenchmark;
import com.klinecast.bench.IngestBenchmark;
import com.klinecast.bench.IngestProcesses;
import com.klinecast.bench.Machine;
import com.klinecast.bench.PeakFlops;
import com.klinecast.bench.PredictFigures;
import com.klinecast.bench.Project;
import com.klinecast.bench.Report;
import com.klinecast.bench.Report.Verdict;
import com.klinecast.bench.StandInBenchmark;
import com.klinecast.bench.TrainingBenchmark;
import com.klinecast.bench.UpBenchmark;
import com.klinecast.cli.Klinecast;
import com.klinecast.core.series.Series;
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
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

import static com.klinecast.bench.Report.d;
import static com.klinecast.bench.Report.n;

/**
 * {@code klinecast bench}: every figure of the pipeline beside the floor that bounds it, measured in one run on
 * one machine, printed as a table and written to BENCHMARKS.md with the machine it ran on. Light stages run in
 * this JVM; the heavy ones (the Lambdas as fresh JVMs on their jars, training, {@code up}) in their own
 * processes, whose peak resident set is read from /proc.
 */
final class FullBenchmark {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series BTC_1H = Series.of("BTCUSDT", "1h");
    private static final long SEED = 42;

    private final int runs;
    private final List<Integer> sizes;
    private final int requests;
    private final int coldRuns;
    private final Path output;
    private final Path replayDir;
    private final long started = System.nanoTime();

    FullBenchmark(Path replayDir, int runs, List<Integer> sizes, int requests, int coldRuns, Path output) {
        this.runs = runs;
        this.sizes = sizes.stream().sorted().toList();
        this.requests = requests;
        this.coldRuns = coldRuns;
        this.output = output;
        this.replayDir = replayDir.toAbsolutePath();
    }

    int run() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadStart = Machine.loadAverage();
        Machine machine = Machine.detect();
        Path dataDir = tempDir();
        try {
            Report report = FullReport.of(runs, sizes, measure(dataDir));
            String loadEnd = Machine.loadAverage();
            double minutes = (System.nanoTime() - started) / 60e9;
            List<Report.Row> missed = report.targets().stream().filter(r -> r.verdict() == Verdict.MISSED).toList();
            printSummary(report, missed, minutes, loadStart, loadEnd);
            Report.write(output, markdown(at, minutes, machine, loadStart, loadEnd, report, missed));
            System.out.println("wrote " + output.toAbsolutePath());
            return 0;
        } finally {
            deleteTree(dataDir);
        }
    }

    /** Every stage in turn; {@code dataDir} is the end-to-end runs' data dir, which training and predict reuse. */
    private FullReport.Results measure(Path dataDir) {
        progress("machine peak: sgemm and a Java FMA loop, in their own JVMs (1 and 2 OpenMP threads)");
        Map<String, Double> peak1 = peakFlops(1);
        Map<String, Double> peak2 = peakFlops(2);

        progress("ingest vs bare BatchWriteItem loop (in process, " + runs + " runs each)");
        List<IngestBenchmark.Row> ingest = new IngestBenchmark(replayDir, runs).run(List.of(BTC_1D, BTC_1H));

        progress("DynamoDB stand-in (dynalite): start-up, resident memory, disk (" + runs + " starts each)");
        StandInBenchmark.Result standIn = standIn();

        progress("feature recompute vs bare read + write (in process)");
        FeaturesBenchmark.Result features = new FeaturesBenchmark(replayDir, runs).run(BTC_1H);

        progress("ingest Lambda in fresh JVMs: memory floor, BTCUSDT 1d and 1h, synthetic 1m at N = " + sizes);
        IngestProcesses.Result processes = new IngestProcesses(Project.lambdaJar("ingest-lambda"), replayDir)
                .run(List.of(BTC_1D, BTC_1H), sizes, SEED);

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
        PredictFigures predict = PredictFigures.measure(optionsFor(dataDir), Project.home(), requests, coldRuns);
        return new FullReport.Results(ingest, standIn, features, processes, peak1, peak2, training, predict, fresh,
                kept);
    }

    private StandInBenchmark.Result standIn() {
        Path scratch = tempDir();
        try {
            return new StandInBenchmark(replayDir, runs).run(BTC_1H, scratch);
        } finally {
            deleteTree(scratch);
        }
    }

    private Map<String, Double> peakFlops(int threads) {
        List<String> command = List.of(Child.java(), "-Xmx1g", "-cp", Child.ownJar().toString(),
                PeakFlops.class.getName(), threads == 1 ? "all" : "sgemm");
        Child.Result result = Child.run(command, Map.of("OMP_NUM_THREADS", Integer.toString(threads)),
                Duration.ofMinutes(5)).requireSuccess("peak FLOP/s probe");
        String line = result.firstLine(l -> l.startsWith("peak ")).orElseThrow(() -> new IllegalStateException(
                "peak probe printed nothing:\n" + result.output()));
        return Map.of("sgemm", Child.field(line, "sgemm"), "sgemmStep", Child.field(line, "sgemmStep"),
                "javaFma", Child.field(line, "javaFma"));
    }

    /** The CLI's options on another data dir, as its command line would give them: the replay of the same dir. */
    private Klinecast optionsFor(Path dataDir) {
        CommandLine cli = Klinecast.commandLine();
        cli.parseArgs("--data-dir", dataDir.toString(), "--source", "replay", "--replay-dir", replayDir.toString());
        return cli.getCommand();
    }

    private static void printSummary(Report report, List<Report.Row> missed, double minutes, String loadStart,
            String loadEnd) {
        System.out.println();
        System.out.print(report.text());
        System.out.printf("%n%d of %d targets met%s; %.1f min; load average %s at start, %s at end%n",
                report.targets().size() - missed.size(), report.targets().size(),
                missed.isEmpty() ? "" : "; missed: " + String.join(", ", missed.stream().map(Report.Row::figure)
                        .toList()), minutes, loadStart, loadEnd);
    }

    private String markdown(Instant at, double minutes, Machine machine, String loadStart, String loadEnd,
            Report report, List<Report.Row> missed) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Every figure below comes from one run of `./klinecast bench` (floors included, measured beside "
                + "the figure they bound), on ").append(at).append(", taking ").append(d(minutes, 1))
                .append(" min. No unit test is timed; this is the place. A run rewrites everything above the notes "
                + "marker and keeps the hand-written notes under it.\n\n");
        machineTable(md, machine, loadStart, loadEnd);
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

    private void machineTable(StringBuilder md, Machine machine, String loadStart, String loadEnd) {
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
