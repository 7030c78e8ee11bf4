package com.klinecast.core.ledger;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores each recorded horizon whose candle has closed by "now" and is stored (a missing candle, an exchange
 * outage, leaves the horizon pending). A horizon already scored is never scored again.
 */
final class Scorer {

    private final LedgerCandles candles;
    private final Ledger ledger;

    Scorer(LedgerCandles candles, Ledger ledger) {
        this.candles = candles;
        this.ledger = ledger;
    }

    /** What a scoring pass did: the entries with every score known so far, and how many scores it wrote. */
    record Pass(List<LedgerEntry> entries, int written) {
    }

    Pass score(Series series, Target target, List<LedgerEntry> entries, Instant now) {
        if (entries.isEmpty()) {
            return new Pass(entries, 0);
        }
        long nowMillis = now.toEpochMilli();
        Map<Long, Candle> byOpen = new HashMap<>();
        candles.range(series, entries.get(0).origin(), nowMillis)
                .forEach(c -> byOpen.put(c.openTime(), c));
        List<LedgerEntry> out = new ArrayList<>(entries.size());
        int written = 0;
        for (LedgerEntry entry : entries) {
            LedgerEntry scored = entry;
            for (int h = 1; h <= entry.horizons(); h++) {
                if (entry.scores().containsKey(h)) {
                    continue;
                }
                long openTime = entry.targetTime(h);
                Candle candle = byOpen.get(openTime);
                if (candle == null || !candle.isClosedAt(nowMillis)) {
                    continue;
                }
                Score score = Score.of(entry, h, openTime, Bar.of(candle).get(target));
                if (ledger.score(series, target, entry.origin(), score)) {
                    written++;
                }
                scored = scored.with(score);
            }
            out.add(scored);
        }
        return new Pass(out, written);
    }
}
