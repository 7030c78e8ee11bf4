package com.klinecast.core.store;

import static com.klinecast.core.store.FeatureTableSchema.OPEN_TIME;
import static com.klinecast.core.store.FeatureTableSchema.SERIES;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.ingest.CandleSink;
import com.klinecast.core.series.Series;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The candles of the feature table: idempotent upserts, range and latest-N queries, a streaming scan. */
public final class FeatureTable implements CandleSink {

    private final DynamoDbClient ddb;
    private final String table;
    private final BatchWriter writer;

    public FeatureTable(DynamoDbClient ddb, String table, BatchWriter writer) {
        this.ddb = ddb;
        this.table = table;
        this.writer = writer;
    }

    public String tableName() {
        return table;
    }

    @Override
    public void write(Series series, List<Candle> candles) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(candles.size());
        for (Candle candle : candles) {
            items.add(CandleItems.toItem(series, candle));
        }
        writer.putAll(table, items);
    }

    /** Candles with {@code from <= openTime <= to}, oldest first. */
    public List<Candle> range(Series series, long from, long to) {
        List<Candle> out = new ArrayList<>();
        forEach(series, Math.max(0, from), to, out::add);
        return out;
    }

    /** The latest {@code n} candles, oldest first: one query on the sort key, read backwards. */
    public List<Candle> latest(Series series, int n) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#s = :s AND #t >= :zero")
                .expressionAttributeNames(Map.of("#s", SERIES, "#t", OPEN_TIME))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(series.id()),
                        ":zero", AttributeValue.fromN("0")))
                .scanIndexForward(false).limit(n).build();
        List<Candle> out = new ArrayList<>(n);
        for (Map<String, AttributeValue> item : ddb.query(request).items()) {
            out.add(CandleItems.fromItem(item));
        }
        Collections.reverse(out);
        return out;
    }

    /** Streams every candle of a series in open-time order, one page of items in memory at a time. */
    public void forEach(Series series, long from, long to, Consumer<Candle> action) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#s = :s AND #t BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#s", SERIES, "#t", OPEN_TIME))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(series.id()),
                        ":from", AttributeValue.fromN(Long.toString(Math.max(0, from))),
                        ":to", AttributeValue.fromN(Long.toString(to))))
                .build();
        ddb.queryPaginator(request).items().forEach(item -> action.accept(CandleItems.fromItem(item)));
    }

    /** Count, first and last open time and the gaps of a series (the source's own gaps, never filled). */
    public SeriesStats stats(Series series) {
        SeriesStats.Builder stats = new SeriesStats.Builder(series.interval());
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#s = :s AND #t >= :zero")
                .expressionAttributeNames(Map.of("#s", SERIES, "#t", OPEN_TIME))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(series.id()),
                        ":zero", AttributeValue.fromN("0")))
                .projectionExpression("#t").build();
        ddb.queryPaginator(request).items().forEach(item -> stats.add(CandleItems.longOf(item, OPEN_TIME)));
        return stats.build();
    }
}
