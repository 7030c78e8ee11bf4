package com.klinecast.bench.command;

import com.klinecast.bench.Child;
import com.klinecast.bench.IngestBenchmark;
import com.klinecast.core.series.Series;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code klinecast bench ingest}: ingest throughput beside a bare write loop, printed as a table. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest candles/s vs a bare "
        + "BatchWriteItem loop over the same items (dynalite, in memory).")
final class IngestBenchCommand implements Callable<Integer> {

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
        System.out.println("peak RSS of this JVM: " + Child.ownPeakRssMb() + " MB (includes the replay; dynalite is a process of its own)");
        return 0;
    }
}
