package com.klinecast.cli;

import com.klinecast.core.evaluation.BacktestReport;
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
        BacktestTable.print(test);
        if (outcome.model().evaluation().bands() != null) {
            System.out.println("band: " + outcome.model().evaluation().bands().band().method()
                    + ", chosen on the validation split by mean pinball relative to the static random-walk band " + outcome.model().evaluation().bands()
                    .validationPinball());
        }
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
