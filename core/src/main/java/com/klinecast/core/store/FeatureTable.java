package com.klinecast.core.store;

import static com.klinecast.core.store.FeatureTableSchema.OPEN_TIME;
import static com.klinecast.core.store.FeatureTableSchema.SERIES;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.ingest.CandleSink;
import com.klinecast.core.ingest.StoredRange;
import com.klinecast.core.series.Series;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The rows of the feature table: idempotent upserts, range and latest-N queries, a streaming scan. */
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
    public void write(Series series, List<FeatureRow> rows) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(rows.size());
        for (FeatureRow row : rows) {
            items.add(CandleItems.toItem(series, row));
        }
        try {
            writer.putAll(table, items);
        } catch (SdkException e) {
            // After the SDK's own retries: a failure the ingest reports, not a crash that loses its report.
            throw new StoreException(series + ": writing " + items.size() + " rows to " + table + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<Candle> history(Series series, long openTime, int n) {
        if (n <= 0 || openTime <= 0) {
            return List.of();
        }
        List<Candle> out = new ArrayList<>(n);
        try {
            latestItems(series, openTime - 1, n).forEach(item -> out.add(CandleItems.fromItem(item)));
        } catch (SdkException e) {
            throw new StoreException(series + ": reading the last " + n + " rows from " + table + " failed: "
                    + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public StoredRange stored(Series series, long from, long to) {
        QueryRequest request = rangeQuery(series, from, to).projectionExpression("#t").build();
        StoredRange stored = StoredRange.NONE;
        try {
            for (Map<String, AttributeValue> item : ddb.queryPaginator(request).items()) {
                stored = stored.plus(CandleItems.longOf(item, OPEN_TIME));
            }
        } catch (SdkException e) {
            throw new StoreException(series + ": reading back the stored rows from " + table + " failed: "
                    + e.getMessage(), e);
        }
        return stored;
    }

    /** Rows with {@code from <= openTime <= to}, oldest first: candle, features, version, flags. */
    public List<FeatureRow> rows(Series series, long from, long to) {
        List<FeatureRow> out = new ArrayList<>();
        forEachItem(series, from, to, item -> out.add(CandleItems.rowFromItem(item)));
        return out;
    }

    /** The latest {@code n} rows, oldest first. */
    public List<FeatureRow> latestRows(Series series, int n) {
        List<FeatureRow> out = new ArrayList<>(n);
        latestItems(series, Long.MAX_VALUE, n).forEach(item -> out.add(CandleItems.rowFromItem(item)));
        return out;
    }

    /** Candles with {@code from <= openTime <= to}, oldest first. */
    public List<Candle> range(Series series, long from, long to) {
        List<Candle> out = new ArrayList<>();
        forEach(series, Math.max(0, from), to, out::add);
        return out;
    }

    /** The latest {@code n} candles, oldest first: one query on the sort key, read backwards. */
    public List<Candle> latest(Series series, int n) {
        List<Candle> out = new ArrayList<>(n);
        latestItems(series, Long.MAX_VALUE, n).forEach(item -> out.add(CandleItems.fromItem(item)));
        return out;
    }

    /** Streams every candle of a series in open-time order, one page of items in memory at a time. */
    public void forEach(Series series, long from, long to, Consumer<Candle> action) {
        forEachItem(series, from, to, item -> action.accept(CandleItems.fromItem(item)));
    }

    /** Streams every row of a series in open-time order, one page of items in memory at a time. */
    public void forEachRow(Series series, long from, long to, Consumer<FeatureRow> action) {
        forEachItem(series, from, to, item -> action.accept(CandleItems.rowFromItem(item)));
    }

    /** The latest {@code n} items with {@code 0 <= openTime <= to}, oldest first (read backwards, one query). */
    private List<Map<String, AttributeValue>> latestItems(Series series, long to, int n) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#s = :s AND #t BETWEEN :zero AND :to")
                .expressionAttributeNames(Map.of("#s", SERIES, "#t", OPEN_TIME))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(series.id()),
                        ":zero", AttributeValue.fromN("0"), ":to", AttributeValue.fromN(Long.toString(to))))
                .scanIndexForward(false).limit(n).build();
        List<Map<String, AttributeValue>> items = new ArrayList<>(ddb.query(request).items());
        Collections.reverse(items);
        return items;
    }

    /** The raw items with {@code from <= openTime <= to}, oldest first: for attributes beyond the row's own. */
    public void forEachItem(Series series, long from, long to, Consumer<Map<String, AttributeValue>> action) {
        ddb.queryPaginator(rangeQuery(series, from, to).build()).items().forEach(action);
    }

    /** The query of the series' rows with {@code from <= openTime <= to} ({@code #t} names the open time). */
    private QueryRequest.Builder rangeQuery(Series series, long from, long to) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("#s = :s AND #t BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#s", SERIES, "#t", OPEN_TIME))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(series.id()),
                        ":from", AttributeValue.fromN(Long.toString(Math.max(0, from))),
                        ":to", AttributeValue.fromN(Long.toString(to))));
    }

    /** Count, first and last candle, gaps (the source's own, never filled), flagged rows, feature versions. */
    public SeriesStats stats(Series series) {
        SeriesStats.Builder stats = new SeriesStats.Builder(series.interval());
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#s = :s AND #t >= :zero")
                .expressionAttributeNames(Map.of("#s", SERIES, "#t", OPEN_TIME))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(series.id()),
                        ":zero", AttributeValue.fromN("0")))
                .projectionExpression("#t, closeTime, featureVersion, flags").build();
        ddb.queryPaginator(request).items().forEach(item -> stats.add(CandleItems.longOf(item, OPEN_TIME),
                CandleItems.longOf(item, "closeTime"),
                item.containsKey("featureVersion") ? (int) CandleItems.longOf(item, "featureVersion") : 0,
                item.containsKey("flags")));
        return stats.build();
    }
}
