package com.klinecast.cli;

import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.ingest.IngestState;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.ModelRegistry;
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
@Command(name = "status", mixinStandardHelpOptions = true, description = "Per series: candles, first and last, "
        + "gaps, flagged rows, feature-set version, staleness, watermark.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    /** One series' status, as printed. */
    record SeriesStatus(String series, long candles, String firstOpenTime, String lastOpenTime,
            String lastClosedAt, long staleCandles, int gaps, long missingCandles, List<String> gapsAfter,
            long flaggedRows, String featureVersions, boolean recomputeNeeded, String watermark,
            boolean backfillComplete, Integer champion) {
    }

    record Status(String table, String now, int featureSetVersion, int tableFeatureVersion,
            List<SeriesStatus> series) {
    }

    @Override
    public Integer call() {
        try (LocalStack stack = LocalStack.start(root)) {
            FeatureTable features = new FeatureTable(stack.dynamoDb(), LocalStack.TABLE,
                    BatchWriter.withDefaults(stack.dynamoDb()));
            IngestStateTable states = new IngestStateTable(stack.dynamoDb(), LocalStack.TABLE);
            ModelRegistry registry = stack.registry();
            List<SeriesStatus> rows = new ArrayList<>();
            long now = root.now().toEpochMilli();
            for (Series series : states.knownSeries()) {
                SeriesStats stats = features.stats(series);
                Optional<IngestState> state = states.load(series);
                String versions = stats.minFeatureVersion() == stats.maxFeatureVersion()
                        ? "v" + stats.maxFeatureVersion() : "v" + stats.minFeatureVersion() + "..v" + stats.maxFeatureVersion();
                rows.add(new SeriesStatus(series.id(), stats.count(), iso(stats.firstOpenTime()),
                        iso(stats.lastOpenTime()), iso(stats.lastCloseTime()),
                        stats.lastOpenTime() == null ? 0 : series.interval().closedSince(stats.lastOpenTime(), now),
                        stats.gaps().size(), stats.missingCandles(),
                        stats.gaps().stream().map(g -> iso(g.after()) + " (+" + g.missing() + " missing)").toList(),
                        stats.flagged(), versions, stats.minFeatureVersion() < FeatureSet.VERSION,
                        state.map(s -> iso(s.lastOpenTime())).orElse(null),
                        state.map(IngestState::complete).orElse(false),
                        registry.champion(series).map(Champion::version).orElse(null)));
            }
            print(new Status(LocalStack.TABLE, Instant.ofEpochMilli(now).toString(), FeatureSet.VERSION,
                    states.featureVersion(), rows));
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
        System.out.println("now " + status.now() + "; feature set v" + status.featureSetVersion());
        System.out.printf("%-12s %8s  %-20s  %-20s  %5s  %4s  %7s  %8s  %-11s  %s%n", "SERIES", "CANDLES", "FIRST",
                "LAST", "STALE", "GAPS", "FLAGGED", "FEATURES", "BACKFILL", "CHAMPION");
        for (SeriesStatus s : status.series()) {
            System.out.printf("%-12s %8d  %-20s  %-20s  %5d  %4d  %7d  %8s  %-11s  %s%n", s.series(), s.candles(),
                    s.firstOpenTime(), s.lastOpenTime(), s.staleCandles(), s.gaps(), s.flaggedRows(),
                    s.featureVersions() + (s.recomputeNeeded() ? "!" : ""),
                    s.backfillComplete() ? "complete" : "in progress",
                    s.champion() == null ? "none" : "v" + s.champion());
            s.gapsAfter().forEach(g -> System.out.println("    gap after " + g));
            if (s.recomputeNeeded()) {
                System.out.println("    rows older than feature set v" + status.featureSetVersion()
                        + ": ./klinecast features --recompute --symbol ... --interval ...");
            }
        }
        System.out.println("STALE: candles closed since the last one stored (the daily job appends them).");
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
