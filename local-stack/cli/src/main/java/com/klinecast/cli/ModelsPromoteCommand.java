package com.klinecast.cli;

import com.klinecast.core.registry.PromotionDecision;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The operator's override of the champion rule, with the reason stored in the champion's record. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Make a version the champion whatever the evidence; the reason is stored with the change.")
final class ModelsPromoteCommand implements Callable<Integer> {

    @ParentCommand
    ModelsCommand models;

    @Option(names = "--version", required = true, description = "The version to serve.")
    int version;

    @Option(names = "--reason", required = true, description = "Why the rule is overridden (stored).")
    String reason;

    @Override
    public Integer call() {
        Series series = models.options.series();
        try (LocalStack stack = LocalStack.start(models.root)) {
            PromotionDecision decision = models.options.registry(stack)
                    .promote(series, version, reason);
            System.out.println(series + ": " + (decision.promoted() ? "champion is now v" + version : "unchanged")
                    + " (" + decision.reason() + ")");
            if (decision.aliasProblem() != null) {
                // Committed in the champion log; only the alias copy lags, and the next read rebuilds it.
                System.out.println("promoted v" + version + "; " + decision.aliasProblem());
            }
            return 0;
        }
    }
}
