package com.klinecast.cli;

import com.klinecast.core.series.Target;
import picocli.CommandLine.Option;

/** The {@code --target} option of the commands that read one target's models. */
final class TargetOption {

    @Option(names = "--target", defaultValue = "close", description = "close, volume or volatility: the models of which "
            + "target (each has its own versions and champion); default ${DEFAULT-VALUE}.")
    String target;

    /** The validated target: a typo fails here, naming the value. */
    Target target() {
        return Target.of(target);
    }

    String code() {
        return target().code();
    }
}
