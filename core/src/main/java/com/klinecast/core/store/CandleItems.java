package com.klinecast.core.store;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.features.Features;
import com.klinecast.core.quality.CandleCheck.Flag;
import com.klinecast.core.series.Series;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Feature row to DynamoDB item and back. Decimals go in as DynamoDB numbers (exact to 38 digits), so nothing is
 * rounded; features are doubles, written in their shortest exact form (Double.toString), so they read back
 * bit-identical; a feature whose window is not full is absent, never zero. The item holds no ingestion
 * timestamp, so writing the same row twice yields the same item.
 */
public final class CandleItems {

    private CandleItems() {
    }

    static final String FEATURE_VERSION = "featureVersion";
    static final String WARM = "warm";
    static final String FLAGS = "flags";

    public static Map<String, AttributeValue> toItem(Series series, FeatureRow row) {
        Map<String, AttributeValue> item = toItem(series, row.candle());
        row.features().asMap().forEach((name, value) -> {
            if (value != null) {
                item.put(name, AttributeValue.fromN(Double.toString(value)));
            }
        });
        item.put(FEATURE_VERSION, number(row.featureVersion()));
        item.put(WARM, AttributeValue.fromBool(row.features().warm()));
        if (!row.flags().isEmpty()) {
            item.put(FLAGS, AttributeValue.fromSs(row.flags().stream().map(Enum::name).sorted().toList()));
        }
        return item;
    }

    public static FeatureRow rowFromItem(Map<String, AttributeValue> item) {
        Map<String, Double> values = new HashMap<>();
        for (String name : FeatureSet.NAMES) {
            AttributeValue value = item.get(name);
            if (value != null && value.n() != null) {
                values.put(name, Double.parseDouble(value.n()));
            }
        }
        Set<Flag> flags = item.containsKey(FLAGS)
                ? item.get(FLAGS).ss().stream().map(Flag::valueOf).collect(Collectors.toSet()) : Set.of();
        int version = item.containsKey(FEATURE_VERSION) ? (int) longOf(item, FEATURE_VERSION) : 0;
        return new FeatureRow(fromItem(item), Features.fromMap(values), version, flags);
    }

    /** The raw candle's attributes only. */
    static Map<String, AttributeValue> toItem(Series series, Candle c) {
        Map<String, AttributeValue> item = new HashMap<>(32);
        item.put(FeatureTableSchema.SERIES, AttributeValue.fromS(series.id()));
        item.put(FeatureTableSchema.OPEN_TIME, number(c.openTime()));
        item.put("open", number(c.open()));
        item.put("high", number(c.high()));
        item.put("low", number(c.low()));
        item.put("close", number(c.close()));
        item.put("volume", number(c.volume()));
        item.put("closeTime", number(c.closeTime()));
        item.put("quoteVolume", number(c.quoteVolume()));
        item.put("trades", number(c.trades()));
        item.put("takerBuyBaseVolume", number(c.takerBuyBaseVolume()));
        item.put("takerBuyQuoteVolume", number(c.takerBuyQuoteVolume()));
        return item;
    }

    public static Candle fromItem(Map<String, AttributeValue> item) {
        return new Candle(
                longOf(item, FeatureTableSchema.OPEN_TIME),
                decimal(item, "open"),
                decimal(item, "high"),
                decimal(item, "low"),
                decimal(item, "close"),
                decimal(item, "volume"),
                longOf(item, "closeTime"),
                decimal(item, "quoteVolume"),
                longOf(item, "trades"),
                decimal(item, "takerBuyBaseVolume"),
                decimal(item, "takerBuyQuoteVolume"));
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }

    static long longOf(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(required(item, name).n());
    }

    private static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        return new BigDecimal(required(item, name).n());
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new StoreException("feature-table item " + item.get(FeatureTableSchema.SERIES) + "/"
                    + item.get(FeatureTableSchema.OPEN_TIME) + " has no numeric '" + name + "'");
        }
        return value;
    }
}
