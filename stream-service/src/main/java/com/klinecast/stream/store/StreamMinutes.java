package com.klinecast.stream.store;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.CandleItems;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.StoreException;
import com.klinecast.stream.minute.MinuteBar;
import com.klinecast.stream.minute.MinuteSink;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stream minutes in the feature table: series {@code SYMBOL#1m}, the very item an ingested kline has (candle,
 * features over the stored minutes before it, version, flags) plus {@code source: stream}, {@code meanPrice} and
 * {@code incomplete}. The REST ingest of 1m klines puts whole items under the same key, so it replaces a stream
 * minute, extra attributes and all: the exchange's kline stays authoritative.
 */
public final class StreamMinutes implements MinuteSink {

    public static final String SOURCE = "source";
    public static final String STREAM = "stream";
    public static final String MEAN_PRICE = "meanPrice";
    public static final String INCOMPLETE = "incomplete";

    private final FeatureTable table;
    private final BatchWriter writer;

    public StreamMinutes(FeatureTable table, BatchWriter writer) {
        this.table = table;
        this.writer = writer;
    }

    public static Series series(String symbol) {
        return new Series(symbol, Interval.M1);
    }

    /** Writes closed minutes of one symbol, oldest first, each with features over the minutes stored before it. */
    @Override
    public void write(String symbol, List<MinuteBar> minutes) {
        if (minutes.isEmpty()) {
            return;
        }
        Series series = series(symbol);
        List<Candle> candles = minutes.stream().map(MinuteBar::candle).toList();
        List<Candle> history = table.history(series, candles.get(0).openTime(), FeatureSet.LOOKBACK);
        List<FeatureRow> rows = FeatureRows.of(series, history, candles);
        List<Map<String, AttributeValue>> items = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, AttributeValue> item = CandleItems.toItem(series, rows.get(i));
            item.put(SOURCE, AttributeValue.fromS(STREAM));
            item.put(MEAN_PRICE, AttributeValue.fromN(minutes.get(i).meanPrice().toPlainString()));
            item.put(INCOMPLETE, AttributeValue.fromBool(minutes.get(i).incomplete()));
            items.add(item);
        }
        try {
            writer.putAll(table.tableName(), items);
        } catch (SdkException e) {
            throw new StoreException(series + ": writing " + items.size() + " stream minutes failed: " + e.getMessage(), e);
        }
    }

    /** Stored minutes with {@code from <= openTime <= to}, from the stream or the REST ingest alike, oldest first. */
    public List<StoredMinute> read(String symbol, long from, long to) {
        List<StoredMinute> out = new ArrayList<>();
        table.forEachItem(series(symbol), from, to, item -> out.add(new StoredMinute(CandleItems.fromItem(item),
                item.containsKey(MEAN_PRICE) ? new BigDecimal(item.get(MEAN_PRICE).n()) : null,
                item.containsKey(INCOMPLETE) && Boolean.TRUE.equals(item.get(INCOMPLETE).bool()),
                item.containsKey(SOURCE) ? item.get(SOURCE).s() : "rest")));
        return out;
    }

    /**
     * A minute as stored.
     *
     * @param meanPrice absent for a REST kline, which has no per-trade prices
     * @param source {@code stream} or {@code rest}
     */
    public record StoredMinute(Candle candle, BigDecimal meanPrice, boolean incomplete, String source) {

        public StoredMinute {
            meanPrice = meanPrice == null ? null : meanPrice.stripTrailingZeros();
        }
    }
}
