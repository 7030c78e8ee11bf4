package com.klinecast.cli;

import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.recompute.FeatureRecompute;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Feature-set operations on the local feature table. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Show the feature set, or rewrite a series' rows at its current version (--recompute).")
final class FeaturesCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = "--recompute", description = "Recompute the series' features from its stored candles.")
    boolean recompute;

    @Mixin
    SeriesOptions options;

    @Option(names = "--json", description = "Print the feature set, or the recompute's result, as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Series series = options.series();
        if (!recompute) {
            System.out.println(json ? Reports.toJson(Map.of("featureSet", FeatureSet.VERSION, "names",
                    FeatureSet.NAMES, "lookback", FeatureSet.LOOKBACK))
                    : "feature set v" + FeatureSet.VERSION + ": " + String.join(", ", FeatureSet.NAMES)
                    + " (windows up to " + FeatureSet.LOOKBACK + " candles back)");
            return 0;
        }
        try (LocalStack stack = LocalStack.start(root)) {
            FeatureTable table = new FeatureTable(stack.dynamoDb(), LocalStack.TABLE,
                    BatchWriter.withDefaults(stack.dynamoDb()));
            FeatureRecompute.Result result = new FeatureRecompute(table).recompute(series);
            System.out.println(json ? Reports.toJson(Map.of("series", result.series().toString(), "rows",
                    result.rows(), "featureVersion", result.featureVersion()))
                    : result.series() + ": " + result.rows() + " rows recomputed at feature set v"
                    + result.featureVersion());
            return 0;
        }
    }
}
