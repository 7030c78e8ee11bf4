package com.klinecast.core.ledger;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records the champion's forecast from the newest candle closed at "now": the forecaster and band the predict
 * function serves, over the same candles, every horizon the version was evaluated at.
 */
final class Recorder {

    /** What one recording did. */
    enum Outcome { RECORDED, ALREADY_RECORDED, NO_CHAMPION, TOO_FEW_CANDLES }

    private final Champions champions;
    private final LedgerCandles candles;
    private final Ledger ledger;

    Recorder(Champions champions, LedgerCandles candles, Ledger ledger) {
        this.champions = champions;
        this.candles = candles;
        this.ledger = ledger;
    }

    Outcome record(Series series, Target target, Instant now) {
        Optional<ServingModel> champion = champions.champion(series, target);
        return champion.isEmpty() ? Outcome.NO_CHAMPION : record(series, target, champion.get(), now);
    }

    Outcome record(Series series, Target target, ServingModel model, Instant now) {
        int need = Math.max(1, model.barsNeeded());
        // One more than needed, in case the table holds a candle that has not closed at "now".
        List<Candle> recent = candles.before(series, now.toEpochMilli(), need + 1).stream()
                .filter(c -> c.isClosedAt(now.toEpochMilli())).toList();
        if (recent.size() < need) {
            return Outcome.TOO_FEW_CANDLES;
        }
        List<Bar> bars = recent.subList(recent.size() - need, recent.size()).stream().map(Bar::of).toList();
        double[] points = model.forecaster().forecast(bars, model.maxHorizon());
        double[][] quantiles = model.band() == null ? null : model.band().quantiles(bars, points);
        Bar origin = bars.get(bars.size() - 1);
        LedgerEntry entry = new LedgerEntry(series, target, origin.openTime(), model.version(), model.family(),
                model.bandMethod(), origin.get(target), points, quantiles, now, Map.of());
        return ledger.record(entry) ? Outcome.RECORDED : Outcome.ALREADY_RECORDED;
    }
}
