package com.klinecast.cli;

import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.volatility.VolatilityCandidate;
import com.klinecast.training.volatility.VolatilityJob;
import com.klinecast.training.volatility.VolatilityOutcome;
import java.time.Instant;

/** {@code train --target volatility}: the volatility job in-process, every model's test backtest printed. */
final class VolatilityTrainingRun {

    private VolatilityTrainingRun() {
    }

    static VolatilityOutcome run(LocalStack stack, Series series, TrainingConfig settings, Instant until) {
        VolatilityOutcome outcome = new VolatilityJob(stack.featureTable(), stack.registry(), System.out::println)
                .run(series, settings, until);
        for (VolatilityCandidate c : outcome.candidates()) {
            System.out.printf("%n%s (%s variance) on the test split, origins %s .. %s:%n", c.model().family(),
                    settings.varianceProxy().code(), c.test().firstOrigin(), c.test().lastOrigin());
            VolatilityTable.print(c.test());
            if (!c.validation().isEmpty()) {
                System.out.println("chosen on the validation split: " + c.validation());
            }
        }
        for (VolatilityOutcome.Published p : outcome.published()) {
            System.out.printf("volatility version %d (%s) written; %s (%s)%n", p.version(), p.family(),
                    p.decision().promoted() ? "promoted to champion" : "not promoted", p.decision().reason());
        }
        return outcome;
    }
}
