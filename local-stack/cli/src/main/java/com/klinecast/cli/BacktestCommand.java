package com.klinecast.cli;

import com.klinecast.core.config.Env;
import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.evaluation.HorizonMetrics;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.PublishedModel;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** A walk-forward backtest of a published version over any window of the feature table, beside naive. */
@Command(name = "backtest", mixinStandardHelpOptions = true, description = "Backtest a model version (the "
        + "portable network the predictor runs) over a window of origins, beside the naive forecast.")
final class BacktestCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Mixin
    SeriesOptions options;

    @Option(names = "--version", defaultValue = "champion", description = "A version number or 'champion'.")
    String version;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First origin (a date).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last origin (a date).")
    String to;

    @Option(names = "--horizons", split = ",", defaultValue = "1,3,7,14,30", description = "Default ${DEFAULT-VALUE}.")
    int[] horizons;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Series series = options.series();
        Instant first = Env.parseInstant(from);
        Instant last = Env.parseInstant(to);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        try (LocalStack stack = LocalStack.start(root)) {
            ModelRegistry registry = stack.registry();
            int number = "champion".equals(version)
                    ? registry.champion(series).map(Champion::version).orElseThrow(() -> new IllegalArgumentException(
                            "no champion for " + series + ": ./klinecast train first"))
                    : Integer.parseInt(version);
            PublishedModel model = PublishedModel.of(registry.load(series, number));
            if (!first.isAfter(model.trainedUntil())) {
                throw new IllegalArgumentException("--from " + from + " is inside version " + number
                        + "'s training range (up to " + model.trainedUntil() + "): such origins say nothing of its skill");
            }
            List<Bar> bars = new ArrayList<>();
            stack.featureTable().forEach(series, 0, Long.MAX_VALUE, c -> bars.add(Bar.of(c)));
            int fromIndex = indexAtOrAfter(bars, first);
            int toIndex = indexAtOrAfter(bars, last.plusMillis(1));
            int maxH = Arrays.stream(horizons).max().orElse(1);
            BacktestReport report = Backtest.evaluate(bars,
                    Backtest.forecast(bars, model.forecaster(), fromIndex, toIndex, maxH), horizons, null);
            print(series, number, report);
            return 0;
        }
    }

    private void print(Series series, int number, BacktestReport report) {
        if (json) {
            System.out.println(Reports.toJson(report));
            return;
        }
        System.out.printf("%s version %d, origins %s .. %s (%d), model vs naive (last close repeated):%n", series,
                number, report.firstOrigin(), report.lastOrigin(), report.origins());
        System.out.printf("%7s %7s %12s %12s %7s %9s %11s%n", "horizon", "origins", "MAE", "naive MAE", "MASE",
                "MAPE %", "direction");
        for (HorizonMetrics m : report.horizons()) {
            System.out.printf("%7d %7d %12.2f %12.2f %7.3f %9.2f %5.1f/%4.1f%n", m.horizon(), m.origins(), m.mae(),
                    m.naiveMae(), m.mase(), m.mape(), 100 * m.directionAccuracy(), 100 * m.directionBaseRate());
        }
    }

    private static int indexAtOrAfter(List<Bar> bars, Instant time) {
        int i = 0;
        while (i < bars.size() && bars.get(i).openTime() < time.toEpochMilli()) {
            i++;
        }
        return i;
    }
}
