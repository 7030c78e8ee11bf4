package com.klinecast.cli;

import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Target;
import picocli.CommandLine.Option;

/** {@code --symbol}, {@code --interval} and {@code --target}: the commands that read one series' models of one target. */
class ModelOptions extends SeriesOptions {

    @Option(names = "--target", defaultValue = "close", description = "close, volume or volatility: the models of which "
            + "target (each has its own versions and champion); default ${DEFAULT-VALUE}.")
    String target;

    /** The validated target: a typo fails here, naming the value. */
    Target target() {
        return Target.of(target);
    }

    String targetCode() {
        return target().code();
    }

    /** That target's registry. */
    ModelRegistry registry(LocalStack stack) {
        return stack.registry().forTarget(target());
    }
}
