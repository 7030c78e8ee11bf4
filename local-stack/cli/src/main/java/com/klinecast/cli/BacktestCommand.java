package com.klinecast.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klinecast.core.bands.Band;
import com.klinecast.core.bands.StaticRandomWalk;
import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.published.PublishedModel;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.model.EpochListener;
import com.klinecast.training.pipeline.RefitBacktest;
import com.klinecast.training.pipeline.TrainingPipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A walk-forward backtest of a published version over any window of the feature table, beside naive, with the
 * version's own band (versions from before bands get the static random-walk band of their training split) and
 * every evidence field computed on that window.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, description = "Backtest a model version (the "
        + "portable network the predictor runs) over a window of origins, beside the naive forecast.")
final class BacktestCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Mixin
    ModelOptions options;

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

    @Option(names = "--refit-every", paramLabel = "N", description = "Refit the version's model (its config, "
            + "retrained) on an expanding window every N origins, as it would be operated, instead of one frozen fit.")
    Integer refitEvery;

    @Override
    public Integer call() {
        Series series = options.series();
        Instant first = Dates.parse("--from", from);
        Instant last = Dates.parse("--to", to);
        for (int h : horizons) {
            if (h < 1) {
                throw new IllegalArgumentException("--horizons must be 1 or more intervals ahead, got " + h);
            }
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        try (LocalStack stack = LocalStack.start(root)) {
            ModelRegistry registry = options.registry(stack);
            int number = "champion".equals(version)
                    ? registry.champion(series).map(Champion::version).orElseThrow(() -> new IllegalArgumentException(
                            "no champion for " + series + ": ./klinecast train first"))
                    : parseVersion(version);
            List<Bar> bars = new ArrayList<>();
            stack.featureTable().forEach(series, 0, Long.MAX_VALUE, c -> bars.add(Bar.of(c)));
            int fromIndex = indexAtOrAfter(bars, first);
            int toIndex = indexAtOrAfter(bars, last.plusMillis(1));
            if (options.target() == Target.VOLATILITY) {
                VolatilityBacktestRun.run(stack.featureTable(), series, registry.load(series, number).manifest(), bars,
                        fromIndex, toIndex, horizons, json);
                return 0;
            }
            PublishedModel model = PublishedModel.of(registry.load(series, number));
            if (!first.isAfter(model.trainedUntil())) {
                throw new IllegalArgumentException("--from " + from + " is inside version " + number
                        + "'s training range (up to " + model.trainedUntil() + "): such origins say nothing of its skill");
            }
            int maxH = Arrays.stream(horizons).max().orElse(1);
            Band reference = null;
            Band band = null;
            if (model.forecaster().target() == Target.CLOSE) {
                List<Bar> training = bars.subList(0, indexAtOrAfter(bars, model.trainedUntil().plusMillis(1)));
                reference = StaticRandomWalk.fit(training, maxH);
                band = model.band() != null ? model.band() : reference;
            }
            Forecasts forecasts = refitEvery == null
                    ? Backtest.forecast(bars, model.forecaster(), fromIndex, toIndex, maxH)
                    : new RefitBacktest(new TrainingPipeline(EpochListener.NONE, line -> { }), System.err::println)
                            .forecast(series, model.family(), config(model), bars, fromIndex, toIndex, refitEvery,
                                    maxH);
            BacktestReport report = Backtest.evaluate(bars, forecasts, horizons, band, reference);
            print(series, number, model, band, report);
            return 0;
        }
    }

    private void print(Series series, int number, PublishedModel model, Band band, BacktestReport report) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", number);
            out.put("family", model.family().code());
            out.put("band", band == null ? null : band.method());
            out.put("firstOrigin", report.firstOrigin());
            out.put("lastOrigin", report.lastOrigin());
            out.put("origins", report.origins());
            out.put("refitEvery", refitEvery);
            out.put("horizons", report.horizons());
            System.out.println(Reports.toJson(out));
            return;
        }
        System.out.printf("%s version %d (%s, %s band), origins %s .. %s (%d), model vs naive (last close repeated):%n",
                series, number, model.family().code(), band == null ? "no" : band.method(), report.firstOrigin(),
                report.lastOrigin(), report.origins());
        BacktestTable.print(report);
    }

    /** The version's training config; a baseline's names no network, so the defaults' network stands in. */
    private static TrainingConfig config(PublishedModel model) {
        ObjectNode config = model.manifest().config().deepCopy();
        if (model.family().isBaseline()) {
            config.remove("model");
        }
        return TrainingConfigs.fromJson(config);
    }

    private static int parseVersion(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--version must be a version number or 'champion', got '" + text + "'");
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
