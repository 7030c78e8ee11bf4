package com.klinecast.core.ingest;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.store.StoreException;
import java.util.List;
import com.klinecast.core.series.Series;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Stub stores for unit tests of the backfill rules; the DynamoDB adapters have their own tests. */
public final class InMemoryStores implements CandleSink, WatermarkStore {

    final Map<String, TreeMap<Long, FeatureRow>> candles = new HashMap<>();
    final Map<String, IngestState> states = new HashMap<>();
    int writes;
    int failWritesAfter = Integer.MAX_VALUE;

    @Override
    public void write(Series series, List<FeatureRow> page) {
        if (writes++ >= failWritesAfter) {
            throw new StoreException("injected store failure");
        }
        TreeMap<Long, FeatureRow> rows = candles.computeIfAbsent(series.id(), k -> new TreeMap<>());
        page.forEach(r -> rows.put(r.candle().openTime(), r));
    }

    @Override
    public List<Candle> history(Series series, long openTime, int n) {
        TreeMap<Long, FeatureRow> rows = candles.getOrDefault(series.id(), new TreeMap<>());
        List<Candle> before = rows.headMap(openTime, false).values().stream().map(FeatureRow::candle).toList();
        return before.subList(Math.max(0, before.size() - n), before.size());
    }

    @Override
    public StoredRange stored(Series series, long from, long to) {
        StoredRange stored = StoredRange.NONE;
        for (long openTime : candles.getOrDefault(series.id(), new TreeMap<>()).subMap(from, true, to, true).keySet()) {
            stored = stored.plus(openTime);
        }
        return stored;
    }

    @Override
    public Optional<IngestState> load(Series series) {
        return Optional.ofNullable(states.get(series.id()));
    }

    @Override
    public void save(IngestState state) {
        IngestState old = states.get(state.series().id());
        if (old == null || old.lastOpenTime() <= state.lastOpenTime()) {
            states.put(state.series().id(), state);
        }
    }
}
