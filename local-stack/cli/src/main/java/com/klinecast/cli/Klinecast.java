package com.klinecast.cli;

import com.klinecast.standins.lambda.SharedJvm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The operator CLI: runs the Lambdas' handlers and services in-process against the local stack. */
@Command(name = "klinecast", mixinStandardHelpOptions = true, version = "klinecast 0.1.0",
        description = "Binance klines -> DynamoDB feature table -> forecasts, on one machine.",
        subcommands = {UpCommand.class, IngestCommand.class, DailyCommand.class, FeaturesCommand.class, TrainCommand.class,
            TuneCommand.class, ResultsCommand.class, ModelsCommand.class, BacktestCommand.class, ForecastCommand.class, ServeCommand.class,
            InvokeCommand.class, StatusCommand.class, SeriesCommand.class, StreamCommand.class, MinutesCommand.class,
            ReplayCommand.class, SkillCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Benchmarks: ./klinecast bench --help (a jar of their own, local-stack/bench)."})
public final class Klinecast {

    /** Where the exchange's klines come from. */
    enum Source { replay, binance }

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "State of the local stack (tables, models); default ${DEFAULT-VALUE}.",
            defaultValue = "${env:KLINECAST_DATA_DIR:-.klinecast}")
    Path dataDir;

    @Option(names = "--source", scope = ScopeType.INHERIT, defaultValue = "replay",
            description = "replay (the bundled klines through the local Binance replay) or binance (the live "
                    + "exchange); default ${DEFAULT-VALUE}.")
    Source source;

    @Option(names = "--replay-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Binance-format CSVs named binance-SYMBOL-INTERVAL.csv; default: the bundled data.")
    Path replayDir;

    @Option(names = "--binance-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "https://data-api.binance.vision",
            description = "Binance base URL for --source binance; default ${DEFAULT-VALUE}.")
    URI binanceUrl;

    @Option(names = "--now", scope = ScopeType.INHERIT, paramLabel = "ISO-8601",
            description = "The clock for the replay and the jobs, e.g. 2025-07-01T00:05:00Z; default: real time.")
    String now;

    Instant now() {
        return now == null ? Instant.now() : Dates.parse("--now", now);
    }

    public Path replayDir() {
        if (replayDir != null) {
            return replayDir;
        }
        String home = System.getenv("KLINECAST_HOME");
        return (home != null ? Path.of(home) : Path.of(".")).resolve("data").resolve("binance");
    }

    public static void main(String[] args) {
        SharedJvm.keepConnectionsPerWorker();
        System.exit(run(args));
    }

    /** What every command's exit code means, listed in its help. */
    static final Map<String, String> EXIT_CODES = exitCodes();

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "Success.");
        codes.put("1", "Failure (the message says what failed and what helps).");
        codes.put("2", "Bad input: an option, value or model version the command refused.");
        return codes;
    }

    static int run(String... args) {
        return withErrorHandling(commandLine()).execute(args);
    }

    /** The command line every caller parses with: "replay" is both a command and a --source value. */
    public static CommandLine commandLine() {
        return allowingCommandNamesAsValues(new CommandLine(new Klinecast()));
    }

    private static CommandLine allowingCommandNamesAsValues(CommandLine cli) {
        cli.setAllowSubcommandsAsOptionParameters(true);
        return cli;
    }

    /** The CLI's exit codes for its errors, on a command line rooted at a {@code Klinecast} (the benchmarks' too). */
    public static CommandLine withErrorHandling(CommandLine cli) {
        cli.setExecutionExceptionHandler(new Failures());
        cli.setParameterExceptionHandler(new UsageErrors());
        allowingCommandNamesAsValues(cli);
        WholeWordHelp.apply(cli, EXIT_CODES);
        return cli;
    }
}
