package com.klinecast.cli;

import com.klinecast.core.config.Env;
import com.klinecast.core.evaluation.HorizonMetrics;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.job.TrainingJob;
import com.klinecast.training.job.TrainingOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs the training job in-process against the local stack: train, backtest, publish, promote by the rule. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an LSTM on a series, backtest it against the naive forecast, publish a new version.")
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Mixin
    SeriesOptions options;

    @Option(names = "--config", paramLabel = "FILE", description = "A JSON file with training settings to change "
            + "(see training-job/src/main/resources/training-default.json).")
    Path config;

    @Option(names = "--epochs", description = "Override the configured number of epochs.")
    Integer epochs;

    @Option(names = "--scaling", description = "Override the scaling: global_minmax, window_minmax or log_return.")
    String scaling;

    @Option(names = "--forecast", description = "Override the multi-day forecast: recursive or direct.")
    String forecast;

    @Option(names = "--train-until", paramLabel = "DATE", description = "Last day of the training split; the rest "
            + "is split between validation and test.")
    String trainUntil;

    @Override
    public Integer call() {
        Series series = options.series();
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
        TrainingConfig settings = TrainingConfigs.load(config, overrides);
        Instant until = trainUntil == null ? null : Env.parseInstant(trainUntil);
        try (LocalStack stack = LocalStack.start(root)) {
            TrainingJob job = new TrainingJob(stack.featureTable(), stack.registry(),
                    (epoch, loss, validationLoss, seconds) -> System.out.printf(
                            "epoch %3d/%d  loss %.6f  val loss %.6f  %.1f s  ETA %.0f s%n", epoch, settings.epochs(),
                            loss, validationLoss, seconds, seconds * (settings.epochs() - epoch)),
                    System.out::println);
            TrainingOutcome outcome = job.run(series, settings, until);
            printMetrics(outcome);
            return 0;
        }
    }

    private static void printMetrics(TrainingOutcome outcome) {
        var test = outcome.model().test();
        System.out.printf("%nBacktest on the test split (origins %s .. %s), model vs naive (last close repeated):%n",
                test.firstOrigin(), test.lastOrigin());
        System.out.printf("%7s %7s %12s %12s %7s %9s %9s %11s %9s%n", "horizon", "origins", "MAE", "naive MAE",
                "MASE", "MAPE %", "naive %", "direction", "80% cov.");
        for (HorizonMetrics m : test.horizons()) {
            System.out.printf("%7d %7d %12.2f %12.2f %7.3f %9.2f %9.2f %5.1f/%4.1f %9.1f%n", m.horizon(), m.origins(),
                    m.mae(), m.naiveMae(), m.mase(), m.mape(), m.naiveMape(), 100 * m.directionAccuracy(),
                    100 * m.directionBaseRate(), m.coverage80() == null ? Double.NaN : 100 * m.coverage80());
        }
        System.out.println("MASE < 1 beats the naive forecast; direction: model % right / base rate %.");
        if (test.at(1).mase() > 1) {
            System.out.println("WARNING: this model loses to the naive forecast at horizon 1.");
        }
        System.out.printf("version %d written; %s (%s)%n", outcome.manifest().version(),
                outcome.promotion().promoted() ? "promoted to champion" : "not promoted", outcome.promotion().reason());
    }
}
