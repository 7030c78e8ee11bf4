package com.klinecast.bench.command;

import com.klinecast.bench.Project;
import com.klinecast.cli.Klinecast;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Benchmarks that print figures beside their floors (never timed unit tests). Alone, {@code bench} runs all of
 * them and writes BENCHMARKS.md; {@code bench ingest} and {@code bench predict} run one part.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {"Measure the pipeline's speed, memory "
        + "and scaling, each beside its floor measured in the same run; print the table and write BENCHMARKS.md "
        + "(about 10-15 minutes on 2 cores). The subcommands run one part."},
        subcommands = {IngestBenchCommand.class, PredictBenchCommand.class, ScaleBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs per short figure (ingest, features, "
            + "the second up); default ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--sizes", split = ",", defaultValue = "100000,250000,500000", description = "Candles of the "
            + "synthetic 1m series per scaling run; default ${DEFAULT-VALUE}.")
    List<Integer> sizes;

    @Mixin
    PredictRuns predict;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the report; default "
            + "BENCHMARKS.md in the project root.")
    Path output;

    @Override
    public Integer call() {
        int requests = predict.requests;
        int coldRuns = predict.coldRuns;
        if (runs < 1 || requests < 1 || coldRuns < 1 || sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--runs, --requests, --cold-runs and --sizes must be positive");
        }
        Path file = output != null ? output : Project.home().resolve("BENCHMARKS.md");
        return new FullBenchmark(root.replayDir(), runs, sizes, requests, coldRuns, file).run();
    }
}
