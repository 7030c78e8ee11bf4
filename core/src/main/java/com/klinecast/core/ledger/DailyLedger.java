package com.klinecast.core.ledger;

import com.klinecast.core.champion.PromotionRule;
import com.klinecast.core.observability.MetricsDocument;
import com.klinecast.core.observability.MetricsDocument.Unit;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.PublishedVolatility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's part of the daily run, after the catch-up: for each served series and each target with a champion
 * (close, volume), record the champion's forecast from the newest closed candle, score what has matured, report
 * the trailing 90 days' live MASE and 80% coverage at the promotion horizons, and fall back to naive when the live
 * record shows the champion significantly worse. The volatility champion's forecast is recorded and scored too
 * ({@link VolatilityLedger}), without metrics or fallback: the automatic fallback judges close and volume only.
 * Every write is conditional, so a rerun of a day writes nothing.
 */
public final class DailyLedger {

    /** The targets recorded through the forecaster path (volatility has its own, after them). */
    public static final List<Target> TARGETS = List.of(Target.CLOSE, Target.VOLUME);

    /** Intervals of origins re-read for scoring beyond the longest horizon: covers that many missed runs. */
    static final int SCORING_SLACK = 70;

    private final Ledger ledger;
    private final Champions champions;
    private final Recorder recorder;
    private final Scorer scorer;
    private final VolatilityLedger volatility;
    private final Fallback fallback;
    private final MetricsSink metrics;

    public DailyLedger(Ledger ledger, Champions champions, LedgerCandles candles, MetricsSink metrics) {
        this.ledger = ledger;
        this.champions = champions;
        this.recorder = new Recorder(champions, candles, ledger);
        this.scorer = new Scorer(candles, ledger);
        this.volatility = new VolatilityLedger(candles, ledger);
        this.fallback = new Fallback(PromotionRule.DEFAULT_HORIZONS);
        this.metrics = metrics;
    }

    public List<LedgerRun> run(List<Series> series, Instant now, String requestId) {
        List<LedgerRun> out = new ArrayList<>();
        for (Series s : series) {
            for (Target target : TARGETS) {
                run(s, target, now, requestId).ifPresent(out::add);
            }
            runVolatility(s, now).ifPresent(out::add);
        }
        return out;
    }

    private Optional<LedgerRun> runVolatility(Series series, Instant now) {
        Optional<PublishedVolatility> champion = champions.volatility(series);
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        Recorder.Outcome recorded = volatility.record(series, champion.get(), now);
        long lookback = (champion.get().maxHorizon() + SCORING_SLACK) * series.interval().approximateMillis();
        List<LedgerEntry> entries = ledger.entries(series, Target.VOLATILITY,
                Math.max(0, now.toEpochMilli() - lookback), now.toEpochMilli());
        Scorer.Pass pass = volatility.score(series, entries, now);
        return Optional.of(new LedgerRun(series.toString(), Target.VOLATILITY.code(), recorded.name(),
                pass.written(), null));
    }

    private Optional<LedgerRun> run(Series series, Target target, Instant now, String requestId) {
        Optional<ServingModel> champion = champions.champion(series, target);
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        ServingModel model = champion.get();
        Recorder.Outcome recorded = recorder.record(series, target, model, now);
        long interval = series.interval().approximateMillis();
        long lookback = Math.max((model.maxHorizon() + SCORING_SLACK) * interval,
                Duration.ofDays(Fallback.DAYS).toMillis() + model.maxHorizon() * interval);
        List<LedgerEntry> entries = ledger.entries(series, target, Math.max(0, now.toEpochMilli() - lookback),
                now.toEpochMilli());
        Scorer.Pass pass = scorer.score(series, target, entries, now);
        String fellBack = null;
        if (!pass.entries().isEmpty()) {
            long asOf = pass.entries().get(pass.entries().size() - 1).origin();
            emit(series, target, LiveSkill.trailing(pass.entries(), asOf, Fallback.DAYS, model.maxHorizon()), now,
                    requestId);
            Optional<String> reason = fallback.judge(pass.entries(), model, asOf);
            if (reason.isPresent()) {
                Optional<Integer> naive = champions.naiveVersion(series, target);
                if (naive.isPresent()) {
                    fellBack = champions.fallBack(series, target, naive.get(), model.version(), reason.get())
                            ? "fell back to naive version " + naive.get() + ": " + reason.get()
                            : "no fallback: the champion moved while the live record was judged";
                } else {
                    fellBack = "should fall back to naive, but no naive version is published: " + reason.get();
                }
            }
        }
        return Optional.of(new LedgerRun(series.toString(), target.code(), recorded.name(), pass.written(), fellBack));
    }

    /** LiveMase and LiveCoverage80 at each promotion horizon with enough matured forecasts to mean something. */
    private void emit(Series series, Target target, SkillReport.Window window, Instant now, String requestId) {
        for (int h : PromotionRule.DEFAULT_HORIZONS) {
            SkillReport.HorizonSkill skill = window.at(h);
            if (skill == null || skill.matured() < Fallback.MIN_MATURED || skill.mase() == null) {
                continue;
            }
            Map<String, String> dimensions = new LinkedHashMap<>();
            dimensions.put("Function", "daily");
            dimensions.put("Series", series.id());
            dimensions.put("Target", target.code());
            dimensions.put("Horizon", Integer.toString(h));
            MetricsDocument document = MetricsDocument.withDimensions(dimensions)
                    .rollUp("Function", "Target", "Horizon")
                    .metric("LiveMase", skill.mase(), Unit.NONE)
                    .property("matured", skill.matured())
                    .property("dmPValue", skill.dmPValue())
                    .property("requestId", requestId);
            if (skill.coverage80() != null) {
                document.metric("LiveCoverage80", skill.coverage80(), Unit.NONE);
            }
            metrics.emit(document);
        }
    }
}
