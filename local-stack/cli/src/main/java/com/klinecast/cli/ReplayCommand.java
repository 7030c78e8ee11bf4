package com.klinecast.cli;

import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** A year of operation in minutes: the daily run and the scheduled training over past days, recording the ledger. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run the production day loop over past days on the local stack: the daily Lambda's handler "
                + "each day at 00:05 UTC (catch-up, then the forecast ledger: the champion's forecast recorded, "
                + "matured ones scored, the fallback to naive) and the scheduled training every --retrain-every "
                + "days. Backfills up to --from first; a second replay of the same days writes nothing new. "
                + "Then: klinecast skill.")
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Mixin
    SeriesOptions options;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day replayed.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day replayed.")
    String to;

    @Option(names = "--retrain-every", defaultValue = "28", paramLabel = "DAYS", description = "Days between "
            + "trainings; default ${DEFAULT-VALUE} (the template trains weekly, which is --retrain-every 7: four "
            + "times the training time).")
    int retrainEvery;

    @Override
    public Integer call() {
        Series series = options.series();
        if (series.interval() != Interval.D1) {
            throw new IllegalArgumentException("replay steps through days: --interval 1d only, got "
                    + series.interval());
        }
        LocalDate first = day("--from", from);
        LocalDate last = day("--to", to);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("--to " + last + " is before --from " + first);
        }
        if (retrainEvery < 1) {
            throw new IllegalArgumentException("--retrain-every must be at least 1 day, got " + retrainEvery);
        }
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        long started = System.nanoTime();
        try (LocalStack stack = LocalStack.start(root)) {
            if (!stack.moveReplayClock(first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
                throw new IllegalArgumentException("replay needs --source replay (the bundled klines): the live "
                        + "exchange cannot be moved back in time");
            }
            ReplayProgress progress = new ReplayProgress(System.err, System.console() != null, days);
            DayLoop.Totals totals = new DayLoop(stack, series, retrainEvery, progress).run(first, last);
            System.out.printf("%s: replayed %d days (%s .. %s) in %d s: %d forecasts recorded (%d already there), "
                    + "%d horizon scores written, %d trainings, %d fallbacks to naive%n", series, totals.days(), first,
                    last, Duration.ofNanos(System.nanoTime() - started).toSeconds(), totals.recorded(),
                    totals.alreadyRecorded(), totals.scores(), totals.trainings(), totals.fallbacks());
            return 0;
        }
    }

    private static LocalDate day(String option, String text) {
        return Dates.parse(option, text).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
