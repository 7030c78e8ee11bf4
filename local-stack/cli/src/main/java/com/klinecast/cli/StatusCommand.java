package com.klinecast.cli;

import com.klinecast.core.ingest.IngestState;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.IngestStateTable;
import com.klinecast.core.store.SeriesStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** What the feature table holds, per series. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Per series: candle count, first and last open time, gaps, watermark.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    /** One series' status, as printed. */
    record SeriesStatus(String series, long candles, String firstOpenTime, String lastOpenTime, int gaps,
            long missingCandles, List<String> gapsAfter, String watermark, boolean backfillComplete) {
    }

    record Status(String table, List<SeriesStatus> series) {
    }

    @Override
    public Integer call() {
        try (LocalStack stack = LocalStack.start(root)) {
            FeatureTable features = new FeatureTable(stack.dynamoDb(), LocalStack.TABLE,
                    BatchWriter.withDefaults(stack.dynamoDb()));
            IngestStateTable states = new IngestStateTable(stack.dynamoDb(), LocalStack.TABLE);
            List<SeriesStatus> rows = new ArrayList<>();
            for (Series series : states.knownSeries()) {
                SeriesStats stats = features.stats(series);
                Optional<IngestState> state = states.load(series);
                rows.add(new SeriesStatus(series.id(), stats.count(), iso(stats.firstOpenTime()),
                        iso(stats.lastOpenTime()), stats.gaps().size(), stats.missingCandles(),
                        stats.gaps().stream().map(g -> iso(g.after()) + " (+" + g.missing() + " missing)").toList(),
                        state.map(s -> iso(s.lastOpenTime())).orElse(null),
                        state.map(IngestState::complete).orElse(false)));
            }
            print(new Status(LocalStack.TABLE, rows));
            return 0;
        }
    }

    private void print(Status status) {
        if (json) {
            System.out.println(Reports.toJson(status));
            return;
        }
        if (status.series().isEmpty()) {
            System.out.println("The feature table is empty: run ./klinecast ingest first.");
            return;
        }
        System.out.printf("%-14s %9s  %-20s  %-20s  %5s  %s%n", "SERIES", "CANDLES", "FIRST", "LAST", "GAPS",
                "BACKFILL");
        for (SeriesStatus s : status.series()) {
            System.out.printf("%-14s %9d  %-20s  %-20s  %5d  %s%n", s.series(), s.candles(), s.firstOpenTime(),
                    s.lastOpenTime(), s.gaps(), s.backfillComplete() ? "complete" : "in progress");
            s.gapsAfter().forEach(g -> System.out.println("    gap after " + g));
        }
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
