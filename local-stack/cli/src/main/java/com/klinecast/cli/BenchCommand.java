package com.klinecast.cli;

import com.klinecast.cli.bench.IngestBenchmark;
import com.klinecast.core.series.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Benchmarks that print figures beside their floors (never timed unit tests). Alone, {@code bench} runs all of
 * them and writes BENCHMARKS.md; {@code bench ingest} and {@code bench predict} run one part.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {"Measure the pipeline's speed, memory "
        + "and scaling, each beside its floor measured in the same run; print the table and write BENCHMARKS.md "
        + "(about 10-15 minutes on 2 cores). The subcommands run one part."},
        subcommands = {BenchCommand.Ingest.class, PredictBench.class})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs per short figure (ingest, features, "
            + "the second up); default ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--sizes", split = ",", defaultValue = "100000,250000,500000", description = "Candles of the "
            + "synthetic 1m series per scaling run; default ${DEFAULT-VALUE}.")
    List<Integer> sizes;

    @Option(names = "--requests", defaultValue = "2000", description = "Timed predict requests per latency row; "
            + "default ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--cold-runs", defaultValue = "5", description = "Fresh JVMs per cold-start figure; default "
            + "${DEFAULT-VALUE}.")
    int coldRuns;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the report; default "
            + "BENCHMARKS.md in the project root.")
    Path output;

    @Override
    public Integer call() {
        if (runs < 1 || requests < 1 || coldRuns < 1 || sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--runs, --requests, --cold-runs and --sizes must be positive");
        }
        Path file = output != null ? output : PredictBench.home().resolve("BENCHMARKS.md");
        return new BenchAll(root, runs, sizes, requests, coldRuns, file).run();
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest candles/s vs a bare "
            + "BatchWriteItem loop over the same items (dynalite, in memory).")
    static final class Ingest implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs per figure after two warm-up rounds; "
                + "default ${DEFAULT-VALUE}.")
        int runs;

        @Override
        public Integer call() {
            List<Series> series = List.of(Series.of("BTCUSDT", "1d"), Series.of("BTCUSDT", "1h"));
            List<IngestBenchmark.Row> rows = new IngestBenchmark(bench.root.replayDir(), runs).run(series);
            System.out.printf("%nIngest into dynalite (in memory), %d timed runs (alternating) after 2 warm-up rounds; %d cores, "
                    + "Java %s%n", runs, Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.printf("%-11s %7s %8s  %-24s  %-24s  %6s  %s%n", "series", "candles", "requests",
                    "ingest candles/s (min-max)", "bare loop candles/s", "ratio", "target >= 0.80");
            for (IngestBenchmark.Row r : rows) {
                System.out.printf("%-11s %7d %8d  %7.0f (%5.0f-%5.0f)     %7.0f (%5.0f-%5.0f)     %6.2f  %s%n",
                        r.series(), r.candles(), r.requests(), r.ingest().median(), r.ingest().min(), r.ingest().max(),
                        r.floor().median(), r.floor().min(), r.floor().max(), r.ratio(), r.ratio() >= 0.8 ? "met" : "missed");
            }
            System.out.println("requests: klines pages per backfill; ceil(N/1000) = "
                    + rows.stream().map(r -> Integer.toString((r.candles() + 999) / 1000)).toList());
            System.out.println("peak RSS of this JVM: " + peakRssMb() + " MB (includes the replay; dynalite is a process of its own)");
            return 0;
        }

        static String peakRssMb() {
            try {
                return Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("VmHWM:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                        .map(String::valueOf).findFirst().orElse("?");
            } catch (Exception e) {
                return "?";
            }
        }
    }
}
