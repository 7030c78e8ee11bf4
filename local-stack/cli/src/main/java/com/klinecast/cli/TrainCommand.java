package com.klinecast.cli;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.job.EachSeries;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Runs the training job in-process against the local stack: train, backtest, publish, promote by the rule. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network (an MLP or an LSTM, as configured; --model picks) on a series, backtest it "
                + "against the naive forecast and publish it as a new version, promoted only if it beats the champion "
                + "by the rule; a series' first run also publishes the naive and drift baselines. --all trains every "
                + "series of the catalog in turn, as the scheduled fan-out does on AWS.")
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Mixin
    SeriesOptions options;

    @Option(names = "--config", paramLabel = "FILE", description = "A JSON file with training settings to change "
            + "(the keys of training-default.json, in training-job's resources).")
    Path config;

    @Option(names = "--epochs", description = "Override the configured number of epochs.")
    Integer epochs;

    @Option(names = "--scaling", description = "Override the scaling: global_minmax, window_minmax or log_return.")
    String scaling;

    @Option(names = "--forecast", description = "Override the multi-day forecast: recursive or direct.")
    String forecast;

    @Option(names = "--model", description = "Override the network: lstm or mlp.")
    String model;

    @Option(names = "--target", description = "Override what is forecast: close, volume or volatility (volume and "
            + "volatility models have their own versions and champion; volatility fits naive, mean30, HAR, an LSTM and "
            + "an MLP).")
    String target;

    @Option(names = "--train-from", paramLabel = "DATE", description = "First day (or instant) read: the training "
            + "split starts there and nothing older is loaded.")
    String trainFrom;

    @Option(names = "--train-until", paramLabel = "DATE", description = "Last day (or instant) of the training "
            + "split; the rest is split between validation and test.")
    String trainUntil;

    @Option(names = "--json", description = "Print the result (version, promotion, test backtest) as JSON.")
    boolean json;

    @Option(names = "--all", description = "Every series of the catalog (./klinecast series list), one after "
            + "another instead of --symbol/--interval; one that fails does not stop the others, and the exit code is "
            + "then 1 with the failed ones named.")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (all) {
            for (String option : new String[] {"--symbol", "--interval"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new IllegalArgumentException("--all trains every catalog series; drop " + option);
                }
            }
            return trainAll();
        }
        Series series = options.series();
        TrainingConfig settings = settings(series);
        try (LocalStack stack = LocalStack.start(root)) {
            train(stack, series, settings);
            return 0;
        }
    }

    private int trainAll() {
        try (LocalStack stack = LocalStack.start(root)) {
            List<Series> catalog = stack.catalog().list();
            if (catalog.isEmpty()) {
                throw new IllegalArgumentException("the series catalog is empty: ./klinecast series add --symbols "
                        + "BTCUSDT --intervals 1d");
            }
            // Settings are checked for every series before the first trains: a bad option fails fast, whole.
            Map<Series, TrainingConfig> settings = new LinkedHashMap<>();
            catalog.forEach(s -> settings.put(s, settings(s)));
            EachSeries.Outcome outcome = EachSeries.run(catalog, s -> {
                System.err.println("training " + s.id());
                train(stack, s, settings.get(s));
            }, System.err::println);
            System.err.println(outcome.done().size() + " of " + catalog.size() + " series trained");
            if (!outcome.allDone()) {
                System.err.println("error: " + outcome.failureLine());
                return Failures.FAILED;
            }
            return 0;
        }
    }

    private void train(LocalStack stack, Series series, TrainingConfig settings) {
        Instant until = trainUntil == null ? null : Dates.parse("--train-until", trainUntil);
        Instant from = trainFrom == null ? null : Dates.parse("--train-from", trainFrom);
        if (settings.target() == Target.VOLATILITY) {
            VolatilityTrainingRun.run(stack, series, settings, until);
        } else {
            TrainingRun.run(stack, series, settings, from, until, json);
        }
    }

    /** The series' configuration with the options applied; a bad combination is refused here, before training. */
    private TrainingConfig settings(Series series) {
        Map<String, Object> overrides = new HashMap<>();
        if (epochs != null) {
            overrides.put("epochs", epochs);
        }
        if (scaling != null) {
            overrides.put("scaling", scaling);
        }
        if (forecast != null) {
            overrides.put("forecast", forecast);
        }
        if (model != null) {
            overrides.put("model", model);
        }
        if (target != null) {
            overrides.put("target", target);
        }
        TrainingConfig settings = TrainingConfigs.forSeries(series, config, overrides);
        Instant until = trainUntil == null ? null : Dates.parse("--train-until", trainUntil);
        Instant from = trainFrom == null ? null : Dates.parse("--train-from", trainFrom);
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("--train-from " + trainFrom + " must be before --train-until "
                    + trainUntil);
        }
        if (from != null && settings.target() == Target.VOLATILITY) {
            throw new IllegalArgumentException("--train-from is for the networks; volatility fits the whole series");
        }
        return settings;
    }
}
