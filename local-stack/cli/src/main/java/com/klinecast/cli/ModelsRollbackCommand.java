package com.klinecast.cli;

import com.klinecast.core.registry.PromotionDecision;
import com.klinecast.core.series.Series;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** The operator's override: the previous champion serves again (the registry's rollback, logged like any change). */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Make the previous champion the champion again (a second rollback goes one further back).")
final class ModelsRollbackCommand implements Callable<Integer> {

    @ParentCommand
    ModelsCommand models;

    @Mixin
    ModelOptions options;

    @Override
    public Integer call() {
        Series series = options.series();
        try (LocalStack stack = LocalStack.start(models.root)) {
            PromotionDecision decision = options.registry(stack).rollback(series);
            if (!decision.promoted()) {
                System.err.println("nothing rolled back: " + decision.reason());
                return 1;
            }
            System.out.println(series + ": " + decision.reason() + " (revision " + decision.champion().revision()
                    + ")");
            if (decision.aliasProblem() != null) {
                System.out.println(decision.aliasProblem());
            }
            return 0;
        }
    }
}
