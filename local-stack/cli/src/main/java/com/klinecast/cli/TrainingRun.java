package com.klinecast.cli;

import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.evaluation.HorizonMetrics;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.job.TrainingJob;
import com.klinecast.training.job.TrainingOutcome;
import java.time.Instant;

/** The training job in-process on the local stack, with progress per epoch and the backtest table printed. */
final class TrainingRun {

    private TrainingRun() {
    }

    static TrainingOutcome run(LocalStack stack, Series series, TrainingConfig settings, Instant until) {
        TrainingJob job = new TrainingJob(stack.featureTable(), stack.registry(),
                (epoch, loss, validationLoss, seconds) -> System.out.printf(
                        "epoch %3d/%d  loss %.6f  val loss %.6f  %.1f s  ETA %.0f s%n", epoch, settings.epochs(),
                        loss, validationLoss, seconds, seconds * (settings.epochs() - epoch)),
                System.out::println);
        TrainingOutcome outcome = job.run(series, settings, until);
        printMetrics(outcome);
        return outcome;
    }

    private static void printMetrics(TrainingOutcome outcome) {
        BacktestReport test = outcome.model().test();
        System.out.printf("%nBacktest on the test split (origins %s .. %s), model vs naive (last %s repeated):%n",
                test.firstOrigin(), test.lastOrigin(), outcome.model().config().target());
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
        if (outcome.promotion().aliasProblem() != null) {
            // The promotion is committed (the champion moved); only the alias copy lags, and heals on the next read.
            System.out.println("promoted v" + outcome.manifest().version() + "; " + outcome.promotion().aliasProblem());
        }
    }
}
