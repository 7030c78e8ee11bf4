package com.klinecast.cli;

import com.klinecast.core.evaluation.HorizonMetrics;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.job.SeriesBars;
import com.klinecast.training.job.TrainingOutcome;
import com.klinecast.training.tune.Grid;
import com.klinecast.training.tune.Leaderboard;
import com.klinecast.training.tune.Trial;
import com.klinecast.training.tune.TrialResult;
import com.klinecast.training.tune.Tuner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs the tuner against the local stack's feature table, prints its leaderboard, then trains the winner. */
@Command(name = "tune", mixinStandardHelpOptions = true, description = "Search training settings scored on the "
        + "validation split (a grid, or a seeded sample of it), print the leaderboard, then train the winner as "
        + "train does: test-split backtest beside naive, a new version, promotion by the rule.")
final class TuneCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Mixin
    SeriesOptions options;

    @Option(names = "--grid", paramLabel = "FILE", description = "JSON: each config field to vary and the values to "
            + "try, e.g. {\"dropout\": [0.0, 0.2]}; default: tune-default.json in training-job's resources.")
    Path grid;

    @Option(names = "--config", paramLabel = "FILE", description = "Base settings the trials change (as for train).")
    Path config;

    @Option(names = "--seed", description = "Seeds every trial's training and the sampling; default: the config's.")
    Long seed;

    @Option(names = "--trials", paramLabel = "N", description = "Try N points drawn with the seed instead of all.")
    Integer trials;

    @Option(names = "--save-winner", paramLabel = "FILE", description = "Write the winner's full settings as a "
            + "config file (for train --config, or a candidate of results).")
    Path saveWinner;

    @Option(names = "--json", description = "Print the leaderboard and the winner's training as one JSON object "
            + "(the tables and progress go to standard error).")
    boolean json;

    @Override
    public Integer call() {
        Series series = options.series();
        PrintStream out = json ? System.err : System.out;
        TrainingConfig base = TrainingConfigs.load(config, seed == null ? Map.of() : Map.of("seed", seed));
        Grid space = grid == null ? Grid.defaults() : Grid.read(grid);
        List<Trial> chosen = trials == null ? space.all() : space.sample(trials, base.seed());
        chosen.forEach(t -> t.apply(base)); // a bad value fails here, before the stack starts
        try (LocalStack stack = LocalStack.start(root)) {
            List<Bar> bars = SeriesBars.read(stack.featureTable(), series);
            out.printf("Tuning %s: %d of %d grid points (%s), seed %d; each trained on the training split and "
                    + "scored on the validation split only: mean MASE over horizons %s (naive = 1).%n", series,
                    chosen.size(), space.size(), chosen.size() < space.size() ? "sampled" : "grid search", base.seed(),
                    base.horizons());
            Progress progress = new Progress(chosen.size(), space.varying());
            Leaderboard board = new Tuner(progress::print).run(series, bars, base, chosen, space);
            print(board, out);
            TrialResult winner = board.winner();
            if (saveWinner != null) {
                write(saveWinner, winner.config(), out);
            }
            out.printf("%nTraining the winner, trial %d (%s), as train does:%n", winner.trial().number(),
                    settings(winner.trial(), board.varying()));
            if (!json) {
                TrainingRun.run(stack, series, winner.config(), null);
                return 0;
            }
            TrainingOutcome outcome = TrainingRun.train(stack, series, winner.config(), null, null);
            System.out.println(Reports.toJson(result(series, board, outcome)));
            return 0;
        }
    }

    /** A line per finished trial, with a rough time left from the mean so far. */
    private static final class Progress {
        private final int total;
        private final List<String> varying;
        private int done;
        private double seconds;

        Progress(int total, List<String> varying) {
            this.total = total;
            this.varying = varying;
        }

        void print(TrialResult r) {
            done++;
            seconds += r.seconds();
            System.err.printf("%3d/%d  trial %3d  %-60s  val MASE %.4f  %2d epochs (best %d)  %5.1f s  ETA %.0f s%n",
                    done, total, r.trial().number(), settings(r.trial(), varying), r.score(), r.epochsRun(),
                    r.bestEpoch(), r.seconds(), seconds / done * (total - done));
        }
    }

    private static Map<String, Object> result(Series series, Leaderboard board, TrainingOutcome outcome) {
        List<Map<String, Object>> ranked = new ArrayList<>();
        int rank = 0;
        for (TrialResult r : board.ranked()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", ++rank);
            row.put("trial", r.trial().number());
            row.put("settings", settings(r.trial(), board.varying()));
            row.put("validationMase", r.score());
            row.put("validation", r.validation());
            row.put("epochs", r.epochsRun());
            row.put("bestEpoch", r.bestEpoch());
            row.put("seconds", r.seconds());
            ranked.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("series", series.toString());
        out.put("leaderboard", ranked);
        out.put("winner", board.winner().trial().number());
        out.put("trained", TrainingRun.summary(series, outcome));
        return out;
    }

    private static void print(Leaderboard board, PrintStream out) {
        TrialResult best = board.winner();
        out.printf("%nLeaderboard: validation origins %s .. %s (the test split is not read), MASE vs naive:%n",
                best.validation().firstOrigin(), best.validation().lastOrigin());
        StringBuilder header = new StringBuilder(String.format("%4s %5s %9s", "rank", "trial", "mean"));
        best.validation().horizons().forEach(m -> header.append(String.format(" %6s", "h" + m.horizon())));
        out.println(header.append(String.format(" %12s %8s  %s", "epochs(best)", "time", "settings")));
        int rank = 0;
        for (TrialResult r : board.ranked()) {
            StringBuilder line = new StringBuilder(String.format("%4d %5d %9.4f", ++rank, r.trial().number(),
                    r.score()));
            for (HorizonMetrics m : r.validation().horizons()) {
                line.append(String.format(" %6.3f", m.mase()));
            }
            out.println(line.append(String.format(" %8d (%d) %6.1f s  %s", r.epochsRun(), r.bestEpoch(),
                    r.seconds(), settings(r.trial(), board.varying()))));
        }
    }

    /** The trial's values of the keys that vary; a grid of fixed values has one point, the base settings. */
    private static String settings(Trial trial, List<String> varying) {
        return varying.isEmpty() ? "(the grid's fixed values)" : trial.describe(varying);
    }

    private static void write(Path file, TrainingConfig winner, PrintStream out) {
        try {
            Files.writeString(file, Reports.toJson(TrainingConfigs.toJson(winner)) + System.lineSeparator());
            out.println("winner's settings written to " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
