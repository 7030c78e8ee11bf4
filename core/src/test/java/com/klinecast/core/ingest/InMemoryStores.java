package com.klinecast.core.ingest;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Series;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Stub stores for unit tests of the backfill rules; the DynamoDB adapters have their own tests. */
final class InMemoryStores implements CandleSink, WatermarkStore {

    final Map<String, TreeMap<Long, Candle>> candles = new HashMap<>();
    final Map<String, IngestState> states = new HashMap<>();
    int writes;
    int failWritesAfter = Integer.MAX_VALUE;

    @Override
    public void write(Series series, java.util.List<Candle> page) {
        if (writes++ >= failWritesAfter) {
            throw new com.klinecast.core.store.StoreException("injected store failure");
        }
        TreeMap<Long, Candle> rows = candles.computeIfAbsent(series.id(), k -> new TreeMap<>());
        page.forEach(c -> rows.put(c.openTime(), c));
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
