package com.klinecast.core.ledger;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.PublishedVolatility;
import com.klinecast.core.volatility.VarianceMeasure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The volatility champion's ledger: its forecast of the mean daily variance over the next h days from the newest
 * closed day, as the predict function computes it ({@link PublishedVolatility} over the same days and, for a
 * realized version, their hours), and its scores once the h-th day after the origin has closed: the realized
 * mean variance over those h days by the entry's own measure, beside naive volatility (the origin day's
 * variance repeated). Every write is conditional, as for the close.
 */
final class VolatilityLedger {

    private final LedgerCandles candles;
    private final Ledger ledger;

    VolatilityLedger(LedgerCandles candles, Ledger ledger) {
        this.candles = candles;
        this.ledger = ledger;
    }

    Recorder.Outcome record(Series series, PublishedVolatility model, Instant now) {
        int need = model.model().history();
        long nowMillis = now.toEpochMilli();
        // One more than needed, in case the table holds a day that has not closed at "now".
        List<Candle> recent = candles.before(series, nowMillis, need + 1).stream()
                .filter(c -> c.isClosedAt(nowMillis)).toList();
        if (recent.size() < need) {
            return Recorder.Outcome.TOO_FEW_CANDLES;
        }
        List<Bar> days = recent.subList(recent.size() - need, recent.size()).stream().map(Bar::of).toList();
        List<Bar> hours = hours(series, model.measure(), days.get(0).openTime(), days.get(days.size() - 1),
                nowMillis);
        double[] variance = model.variance(days, hours);
        double[] points = model.forecast(days, hours, model.maxHorizon());
        LedgerEntry entry = new LedgerEntry(series, Target.VOLATILITY, days.get(days.size() - 1).openTime(),
                model.manifest().version(), model.model().family(), null, variance[variance.length - 1], points,
                null, now, Map.of(), model.measure());
        return ledger.record(entry) ? Recorder.Outcome.RECORDED : Recorder.Outcome.ALREADY_RECORDED;
    }

    Scorer.Pass score(Series series, List<LedgerEntry> entries, Instant now) {
        if (entries.isEmpty()) {
            return new Scorer.Pass(entries, 0);
        }
        long nowMillis = now.toEpochMilli();
        Map<Long, Bar> byOpen = new HashMap<>();
        candles.range(series, entries.get(0).origin(), nowMillis).stream().filter(c -> c.isClosedAt(nowMillis))
                .forEach(c -> byOpen.put(c.openTime(), Bar.of(c)));
        Map<VarianceMeasure, List<Bar>> hoursBy = new HashMap<>();
        List<LedgerEntry> out = new ArrayList<>(entries.size());
        int written = 0;
        for (LedgerEntry entry : entries) {
            // The closed days after the origin, up to the first missing one: a horizon needs all of its days.
            List<Bar> days = new ArrayList<>();
            for (int h = 1; h <= entry.horizons() && byOpen.containsKey(entry.targetTime(h)); h++) {
                days.add(byOpen.get(entry.targetTime(h)));
            }
            LedgerEntry scored = entry;
            if (!days.isEmpty() && entry.scores().size() < days.size()) {
                List<Bar> hours = hoursBy.computeIfAbsent(entry.variance(), m -> hours(series, m,
                        entries.get(0).origin(), byOpen.get(latest(byOpen)), nowMillis));
                double[] variance = entry.variance().of(days, hours);
                double sum = 0;
                for (int h = 1; h <= days.size(); h++) {
                    sum += variance[h - 1];
                    if (entry.scores().containsKey(h)) {
                        continue;
                    }
                    Score score = Score.ofVariance(entry, h, entry.targetTime(h), sum / h);
                    if (ledger.score(series, Target.VOLATILITY, entry.origin(), score)) {
                        written++;
                    }
                    scored = scored.with(score);
                }
            }
            out.add(scored);
        }
        return new Scorer.Pass(out, written);
    }

    /** The closed 1h bars of the days opened from {@code firstDay} to {@code lastDay}, when the measure reads them. */
    private List<Bar> hours(Series series, VarianceMeasure measure, long firstDay, Bar lastDay, long nowMillis) {
        Optional<Series> hourly = measure.hours(series);
        if (hourly.isEmpty() || lastDay == null) {
            return List.of();
        }
        long end = series.interval().nextOpenTime(lastDay.openTime()) - 1;
        return candles.range(hourly.get(), firstDay, end).stream().filter(c -> c.isClosedAt(nowMillis))
                .map(Bar::of).toList();
    }

    private static long latest(Map<Long, Bar> byOpen) {
        return byOpen.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
