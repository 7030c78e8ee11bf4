package com.klinecast.bench.command;

import picocli.CommandLine.Option;

/** How many predict requests and fresh JVMs a predict figure takes: {@code bench} and {@code bench predict}. */
final class PredictRuns {

    @Option(names = "--requests", defaultValue = "2000", description = "Timed predict requests per latency row "
            + "(after a warm-up of a quarter as many, at least 200); default ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--cold-runs", defaultValue = "5", description = "Fresh JVMs per cold-start figure; default "
            + "${DEFAULT-VALUE}.")
    int coldRuns;
}
