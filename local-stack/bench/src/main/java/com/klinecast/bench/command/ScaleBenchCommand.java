package com.klinecast.bench.command;

import com.klinecast.bench.Machine;
import com.klinecast.bench.Project;
import com.klinecast.bench.ScaleBenchmark;
import com.klinecast.bench.ScaleProjection;
import com.klinecast.core.series.Interval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code klinecast bench scale}: the ingest fan-out with 1, 4, 16 ... workers over synthetic series with a set
 * exchange latency; prints the table and writes it into BENCHMARKS.md (under the notes
 * marker, which a run of the other benchmarks keeps), with the AWS projection.
 */
@Command(name = "scale", mixinStandardHelpOptions = true, description = "Ingest fan-out wall time by worker count "
        + "(planner, ElasticMQ, the local event source mapping, dynalite) over synthetic series with a set "
        + "exchange latency, the speedup over one worker and Binance's weight per minute; writes the table and a "
        + "projection for 400 pairs on AWS into BENCHMARKS.md.")
final class ScaleBenchCommand implements Callable<Integer> {

    static final String START = "<!-- scale:start -->";
    static final String END = "<!-- scale:end -->";

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--series", defaultValue = "200", description = "Synthetic symbols, each at every interval; "
            + "default ${DEFAULT-VALUE}.")
    int series;

    @Option(names = "--intervals", split = ",", defaultValue = "1d,1h", description = "Default ${DEFAULT-VALUE}.")
    List<String> intervals;

    @Option(names = "--latency-ms", defaultValue = "100", description = "Delay of every klines answer; default "
            + "${DEFAULT-VALUE}.")
    long latencyMs;

    @Option(names = "--workers", split = ",", defaultValue = "1,4,16", description = "Worker counts to run, the "
            + "first being the baseline; default ${DEFAULT-VALUE}.")
    List<Integer> workers;

    @Option(names = "--output", paramLabel = "FILE", description = "Default BENCHMARKS.md.")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<Interval> parsed = new ArrayList<>();
        for (String code : intervals) {
            Interval interval = Interval.parse(code.trim());
            if (interval.approximateMillis() == 0) {
                throw new IllegalArgumentException("--intervals: " + code + " has no fixed length to synthesize");
            }
            parsed.add(interval);
        }
        if (series < 1 || latencyMs < 0 || workers.isEmpty() || workers.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("--series and --workers must be positive, --latency-ms not negative");
        }
        ScaleBenchmark benchmark = new ScaleBenchmark(series, parsed, Duration.ofMillis(latencyMs), workers);
        Instant started = Instant.now();
        List<ScaleBenchmark.Run> runs = benchmark.run();
        String table = markdown(benchmark, runs, started);
        System.out.println(table);
        Path file = output != null ? output : Project.home().resolve("BENCHMARKS.md");
        Files.writeString(file, into(Files.readString(file), table));
        System.out.println("written to " + file);
        return 0;
    }

    private String markdown(ScaleBenchmark benchmark, List<ScaleBenchmark.Run> runs, Instant started) {
        StringBuilder md = new StringBuilder();
        md.append("### Ingest fan-out: scaling by workers\n\n");
        md.append(String.format("`./klinecast bench scale --series %d --intervals %s --latency-ms %d --workers %s` "
                + "on %s (%d cores, load average %s): %,d synthetic series of %d candles (one klines page each, so "
                + "the %d ms answer dominates a worker's time), planned into ElasticMQ and drained by the local "
                + "event source mapping (batch size 1) into an in-memory dynalite. A warm-up run precedes the "
                + "timed ones; each run starts from an empty table. CPU s is what this JVM (workers, ElasticMQ, the "
                + "replay, the JIT) and dynalite used during the run: once workers overlap their waits, the wall time "
                + "cannot drop below it divided by the cores the other builds leave free.%n%n", series,
                String.join(",", intervals), latencyMs, String.join(",", workers.stream().map(String::valueOf)
                        .toList()), started, Runtime.getRuntime().availableProcessors(), Machine.loadAverage(),
                benchmark.series().size(), 60, latencyMs));
        md.append("| workers | wall s | speedup | CPU s (JVM + dynalite) | load (1 min) at its end | requests | "
                + "invocations | Binance weight/min | rows equal the first run's |\n|---|---|---|---|---|---|---|---|---|\n");
        double base = runs.get(0).seconds();
        for (ScaleBenchmark.Run r : runs) {
            md.append(String.format("| %d | %.1f | %.1fx | %.1f | %.1f | %,d | %,d | %,.0f | %s |%n", r.workers(),
                    r.seconds(), base / r.seconds(), r.cpuSeconds(), r.load1(), r.requests(), r.invocations(),
                    r.weightPerMinute(), r.identical() ? "yes" : "NO"));
        }
        ScaleBenchmark.Run last = runs.get(runs.size() - 1);
        md.append(String.format("%nTarget: the most workers at least 8x faster than the first row: %s (%.1fx). "
                + "Past about 2,400 requests a minute (%,.0f weight) one IP would meet Binance's limit; the "
                + "replay's limit is lifted here so that the fan-out, not the exchange, is measured.%n%n",
                base / last.seconds() >= 8 ? "met" : "missed", base / last.seconds(),
                ScaleProjection.WEIGHT_BUDGET_PER_MINUTE));
        ScaleProjection projection = new ScaleProjection(400, 8, Duration.ofMillis(latencyMs));
        md.append("Projection (arithmetic from the template's settings and these assumptions, not a measurement): "
                + "400 pairs x 1d, 1h, 1m over 2,875 days (BTCUSDT's history; an upper bound), the template's "
                + "default of 8 workers, one page per max(latency, 0.4 s of BatchWriteItem for 1,000 items), 270 s "
                + "of work per invocation, on-demand writes of items under 1 KB ($0.625 per million), arm64 "
                + "Lambda at 1 GB ($0.0000133334 per GB-s), SQS $0.40 per million requests (us-east-1, 2025):\n\n");
        md.append("| | |\n|---|---|\n");
        projection.lines().forEach(l -> md.append("| ").append(l.what()).append(" | ").append(l.value())
                .append(" |\n"));
        return md.toString();
    }

    static String into(String doc, String table) {
        String block = START + "\n" + table + END;
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        if (start >= 0 && end > start) {
            return doc.substring(0, start) + block + doc.substring(end + END.length());
        }
        return doc + (doc.endsWith("\n") ? "\n" : "\n\n") + block + "\n";
    }
}
