package com.klinecast.stream.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.stream.minute.MinuteAggregator;
import com.klinecast.stream.minute.MinuteBar;
import com.klinecast.stream.store.StreamMinutes.StoredMinute;
import com.klinecast.stream.testing.DayOfTrades;
import com.klinecast.stream.trade.Trade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class StreamMinutesIT {

    private final DynamoDbClient ddb = LocalDynamo.client();
    private final FeatureTable table = new FeatureTable(ddb, LocalDynamo.newTable(ddb), BatchWriter.withDefaults(ddb));
    private final StreamMinutes minutes = new StreamMinutes(table, BatchWriter.withDefaults(ddb));

    @Test
    void minutesReadBackExactlyWithTheIngestsFeatures() {
        List<MinuteBar> day = aggregate(DayOfTrades.trades().subList(0, 400));
        for (MinuteBar minute : day) {
            minutes.write("BTCUSDT", List.of(minute));
        }

        List<StoredMinute> stored = minutes.read("BTCUSDT", DayOfTrades.DAY, DayOfTrades.DAY + 86_399_999);

        assertEquals(day.stream().map(MinuteBar::candle).toList(), stored.stream().map(StoredMinute::candle).toList());
        assertEquals(day.stream().map(MinuteBar::meanPrice).toList(), stored.stream().map(StoredMinute::meanPrice).toList());
        assertTrue(stored.stream().allMatch(m -> m.source().equals("stream")));
        List<FeatureRow> rows = table.rows(StreamMinutes.series("BTCUSDT"), 0, Long.MAX_VALUE);
        List<FeatureRow> asIngested = FeatureRows.of(StreamMinutes.series("BTCUSDT"), List.of(),
                day.stream().map(MinuteBar::candle).toList());
        assertEquals(asIngested, rows);
        assertTrue(rows.get(rows.size() - 1).features().warm());
    }

    @Test
    void aRestKlineForTheSameMinuteReplacesTheStreamMinute() {
        MinuteBar partial = new MinuteBar("BTCUSDT", aggregate(DayOfTrades.trades().subList(0, 2)).get(0).candle(),
                aggregate(DayOfTrades.trades().subList(0, 2)).get(0).meanPrice(), true);
        minutes.write("BTCUSDT", List.of(partial));
        MinuteBar full = aggregate(DayOfTrades.trades().subList(0, 3)).get(0);

        table.write(StreamMinutes.series("BTCUSDT"), FeatureRows.of(StreamMinutes.series("BTCUSDT"), List.of(),
                List.of(full.candle())));

        StoredMinute stored = minutes.read("BTCUSDT", 0, Long.MAX_VALUE).get(0);
        assertEquals(full.candle(), stored.candle());
        assertEquals("rest", stored.source());
        assertFalse(stored.incomplete());
        assertNull(stored.meanPrice());
        assertNotNull(partial.meanPrice());
    }

    private static List<MinuteBar> aggregate(List<Trade> trades) {
        MinuteAggregator aggregator = new MinuteAggregator(Duration.ofSeconds(2));
        aggregator.connected(0);
        List<MinuteBar> out = new ArrayList<>();
        trades.forEach(t -> out.addAll(aggregator.accept(t)));
        out.addAll(aggregator.flush(false));
        return out;
    }
}
