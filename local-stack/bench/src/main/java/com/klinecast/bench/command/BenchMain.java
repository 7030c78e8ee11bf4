package com.klinecast.bench.command;

import com.klinecast.cli.Klinecast;
import com.klinecast.standins.lambda.SharedJvm;
import picocli.CommandLine;

/**
 * The benchmarks' jar: the operator CLI's command line with {@code bench} added, so {@code klinecast bench}
 * takes the CLI's global options ({@code --data-dir}, {@code --replay-dir}, ...) and exits as the CLI does. The
 * launcher sends {@code ./klinecast bench ...} here; the CLI itself knows nothing of the benchmarks.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        SharedJvm.keepConnectionsPerWorker();
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return Klinecast.withErrorHandling(Klinecast.commandLine().addSubcommand(new BenchCommand()));
    }
}
