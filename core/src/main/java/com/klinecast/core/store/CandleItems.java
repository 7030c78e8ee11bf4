package com.klinecast.core.store;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Series;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Candle to DynamoDB item and back. Decimals go in as DynamoDB numbers (exact to 38 digits), so nothing is
 * rounded; the item holds no ingestion timestamp, so writing the same candle twice yields the same item.
 */
public final class CandleItems {

    private CandleItems() {
    }

    public static Map<String, AttributeValue> toItem(Series series, Candle c) {
        Map<String, AttributeValue> item = new HashMap<>(16);
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
