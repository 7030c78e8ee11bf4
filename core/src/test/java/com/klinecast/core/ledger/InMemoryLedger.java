package com.klinecast.core.ledger;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The ledger port in memory, with the adapter's conditional semantics; counts the writes it took. */
final class InMemoryLedger implements Ledger {

    final Map<String, TreeMap<Long, LedgerEntry>> entries = new HashMap<>();
    int records;
    int scores;

    @Override
    public boolean record(LedgerEntry entry) {
        TreeMap<Long, LedgerEntry> of = entries.computeIfAbsent(key(entry.series(), entry.target()),
                k -> new TreeMap<>());
        if (of.containsKey(entry.origin())) {
            return false;
        }
        of.put(entry.origin(), entry);
        records++;
        return true;
    }

    @Override
    public boolean score(Series series, Target target, long origin, Score score) {
        LedgerEntry entry = entries.getOrDefault(key(series, target), new TreeMap<>()).get(origin);
        if (entry == null || entry.scores().containsKey(score.horizon())) {
            return false;
        }
        entries.get(key(series, target)).put(origin, entry.with(score));
        scores++;
        return true;
    }

    @Override
    public List<LedgerEntry> entries(Series series, Target target, long from, long to) {
        return new ArrayList<>(entries.getOrDefault(key(series, target), new TreeMap<>())
                .subMap(from, true, to, true).values());
    }

    private static String key(Series series, Target target) {
        return series.id() + "/" + target.code();
    }
}
