package com.klinecast.cli;

import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.config.Env;
import com.klinecast.core.ingest.IngestFailedException;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.IngestService.Mode;
import com.klinecast.core.ledger.Ledger;
import com.klinecast.core.ledger.LedgerRun;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.scheduled.LedgerFollowUp;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.daily.DailyHandler;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.job.TrainingJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The production day loop over past days on the local stack: each day the daily Lambda's handler at 00:05 UTC with
 * the replay's clock there (catch-up, then the ledger), and the scheduled training every {@code retrainEvery}
 * days after it. A day the ledger already holds was replayed before: its training is not redone, so a second
 * replay of the same days writes nothing new.
 */
final class DayLoop {

    /** After the close, as the template's daily schedule. */
    static final Duration RUN_AFTER_MIDNIGHT = Duration.ofMinutes(5);

    private final LocalStack stack;
    private final Series series;
    private final int retrainEvery;
    private final ReplayProgress progress;
    private final Ledger ledger;
    private final LedgerFollowUp followUp;
    private final IngestConfig config;

    /** What the replay did. */
    record Totals(int days, int recorded, int alreadyRecorded, int scores, int trainings, int fallbacks) {
    }

    DayLoop(LocalStack stack, Series series, int retrainEvery, ReplayProgress progress) {
        this.stack = stack;
        this.series = series;
        this.retrainEvery = retrainEvery;
        this.progress = progress;
        this.ledger = LocalLedger.ledger(stack);
        this.followUp = LocalLedger.followUp(stack);
        this.config = IngestConfig.fromEnv(new Env(stack.functionEnvironment(Map.of())));
    }

    Totals run(LocalDate from, LocalDate to) {
        Instant first = at(from);
        refuseLookAhead(first);
        backfill(first);
        int trainings = 0;
        if (stack.registry().champion(series).isEmpty()) {
            train();
            trainings++;
        }
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        int sinceTraining = 0;
        for (int i = 0; i < days; i++) {
            LocalDate day = from.plusDays(i);
            Instant now = at(day);
            boolean replayedBefore = !ledger.entries(series, Target.CLOSE, newestClosedOpen(now),
                    newestClosedOpen(now)).isEmpty();
            daily(now);
            sinceTraining++;
            if (sinceTraining >= retrainEvery && i < days - 1) {
                sinceTraining = 0;
                if (!replayedBefore) {
                    train();
                    trainings++;
                }
            }
            progress.day(i + 1, day, (int) followUp.runs().stream().filter(LedgerRun::recorded).count(), trainings);
        }
        int recorded = 0;
        int already = 0;
        int scores = 0;
        int fallbacks = 0;
        for (LedgerRun run : followUp.runs()) {
            recorded += run.recorded() ? 1 : 0;
            already += "ALREADY_RECORDED".equals(run.recording()) ? 1 : 0;
            scores += run.scoresWritten();
            fallbacks += run.fallback() != null && run.fallback().startsWith("fell back") ? 1 : 0;
        }
        return new Totals(days, recorded, already, scores, trainings, fallbacks);
    }

    /**
     * A table holding candles after the first day would let the training and the champion see the days replayed:
     * only a fresh data dir, or one a replay of these days left (its ledger holds the first day), is honest.
     */
    private void refuseLookAhead(Instant first) {
        long origin = newestClosedOpen(first);
        boolean later = stack.featureTable().latest(series, 1).stream().anyMatch(c -> c.openTime() > origin);
        if (later && ledger.entries(series, Target.CLOSE, origin, origin).isEmpty()) {
            throw new IllegalArgumentException(series + " already has candles after " + Instant.ofEpochMilli(origin)
                    + " in this data dir: a replay would train and forecast on the days it replays; use a fresh "
                    + "--data-dir");
        }
    }

    private static Instant at(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(RUN_AFTER_MIDNIGHT);
    }

    private long newestClosedOpen(Instant now) {
        long interval = series.interval().approximateMillis();
        return Math.floorDiv(now.toEpochMilli(), interval) * interval - interval;
    }

    /** The events name the replayed series: the catalog may hold others. */
    private Map<String, Object> detail() {
        return Map.of("symbols", List.of(series.symbol()), "intervals", List.of(series.interval().code()));
    }

    /** The ingest function up to the first day, as it would have run before the daily job took over. */
    private void backfill(Instant now) {
        stack.moveReplayClock(now);
        ScheduledIngest ingest = new ScheduledIngest(config, IngestServices.create(config, stack.dynamoDb(),
                BinanceKlinesClient.create(config.binance()), IngestListener.NONE), Clock.fixed(now, ZoneOffset.UTC));
        try {
            ingest.handle(Mode.BACKFILL, detail(), now, () -> Long.MAX_VALUE, line -> { });
        } catch (IngestFailedException e) {
            throw new IllegalStateException("the backfill up to " + now + " failed: "
                    + e.report().series().get(0).message());
        }
    }

    private void daily(Instant now) {
        stack.moveReplayClock(now);
        ScheduledIngest ingest = new ScheduledIngest(config, IngestServices.create(config, stack.dynamoDb(),
                BinanceKlinesClient.create(config.binance()), IngestListener.NONE), Clock.fixed(now, ZoneOffset.UTC))
                .then(followUp);
        int before = followUp.runs().size();
        try {
            new DailyHandler(ingest).handleRequest(ScheduledRun.event("daily", now, detail()),
                    ScheduledRun.context("daily", null));
        } catch (IngestFailedException e) {
            throw new IllegalStateException("the daily run of " + now + " failed: "
                    + e.report().series().get(0).message());
        }
        followUp.runs().subList(before, followUp.runs().size()).stream().filter(r -> r.fallback() != null)
                .forEach(r -> progress.note(now + ": " + r.fallback()));
    }

    /** The training job on what the table holds that day (nothing later), the series' default settings, quietly. */
    private void train() {
        new TrainingJob(stack.featureTable(), stack.registry(), (epoch, loss, validationLoss, seconds) -> { },
                line -> { }).run(series, TrainingConfigs.forSeries(series, null, Map.of()), null);
    }
}
