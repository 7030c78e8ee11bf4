package com.klinecast.cli;

import com.klinecast.core.bands.BandChoice;
import com.klinecast.core.bands.BandSelection;
import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.series.Series;
import com.klinecast.core.text.Figures;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.job.TrainingJob;
import com.klinecast.training.job.TrainingOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training job in-process on the local stack. Its progress (epochs, the job's log) and warnings go to
 * standard error; the result (the backtest table and the promotion) to standard output, as text or JSON.
 */
final class TrainingRun {

    private TrainingRun() {
    }

    static TrainingOutcome run(LocalStack stack, Series series, TrainingConfig settings, Instant until) {
        return run(stack, series, settings, until, false);
    }

    static TrainingOutcome run(LocalStack stack, Series series, TrainingConfig settings, Instant until,
            boolean json) {
        return run(stack, series, settings, null, until, json);
    }

    static TrainingOutcome run(LocalStack stack, Series series, TrainingConfig settings, Instant from, Instant until,
            boolean json) {
        TrainingOutcome outcome = train(stack, series, settings, from, until);
        if (json) {
            System.out.println(Reports.toJson(summary(series, outcome)));
        } else {
            printMetrics(outcome);
        }
        return outcome;
    }

    /** The training job with its progress on standard error, printing no result. */
    static TrainingOutcome train(LocalStack stack, Series series, TrainingConfig settings, Instant from,
            Instant until) {
        TrainingJob job = new TrainingJob(stack.featureTable(), stack.registry(),
                (epoch, loss, validationLoss, seconds) -> System.err.printf(
                        "epoch %3d/%d  loss %.6f  val loss %.6f  %.1f s  ETA %.0f s%n", epoch, settings.epochs(),
                        loss, validationLoss, seconds, seconds * (settings.epochs() - epoch)),
                System.err::println);
        return job.run(series, settings, from, until);
    }

    /** What --json prints of a training run. */
    static Map<String, Object> summary(Series series, TrainingOutcome outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("series", series.toString());
        out.put("version", outcome.manifest().version());
        out.put("family", outcome.manifest().config().path("model").asText(null));
        out.put("target", outcome.model().config().target().code());
        out.put("band", outcome.model().evaluation().bands() == null ? null
                : outcome.model().evaluation().bands().band().method());
        out.put("promoted", outcome.promotion().promoted());
        out.put("reason", outcome.promotion().reason());
        out.put("aliasProblem", outcome.promotion().aliasProblem());
        out.put("test", outcome.model().test());
        return out;
    }

    private static void printMetrics(TrainingOutcome outcome) {
        BacktestReport test = outcome.model().test();
        System.out.printf("%nBacktest on the test split (origins %s .. %s), model vs naive (last %s repeated):%n",
                test.firstOrigin(), test.lastOrigin(), outcome.model().config().target().code());
        BacktestTable.print(test);
        if (outcome.model().evaluation().bands() != null) {
            BandChoice bands = outcome.model().evaluation().bands();
            System.out.println("band: " + BandSelection.label(bands.band()) + ", chosen over " + bands.chosen().folds()
                    + (bands.chosen().folds() == 1 ? " fold" : " folds") + " before the test split by mean pinball "
                    + "relative to the static random-walk band " + Figures.of(bands.validationPinball()));
        }
        if (test.at(1).mase() > 1) {
            System.err.println("WARNING: this model loses to the naive forecast at horizon 1.");
        }
        System.out.printf("version %d written; %s (%s)%n", outcome.manifest().version(),
                outcome.promotion().promoted() ? "promoted to champion" : "not promoted", outcome.promotion().reason());
        if (outcome.promotion().aliasProblem() != null) {
            // The promotion is committed (the champion moved); only the alias copy lags, and heals on the next read.
            System.out.println("promoted v" + outcome.manifest().version() + "; " + outcome.promotion().aliasProblem());
        }
    }
}
