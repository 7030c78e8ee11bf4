package com.klinecast.core.store;

import static com.klinecast.core.store.FeatureTableSchema.OPEN_TIME;
import static com.klinecast.core.store.FeatureTableSchema.SERIES;
import static com.klinecast.core.store.FeatureTableSchema.SERIES_CATALOG;

import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.series.Series;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The series catalog as one item of the feature table, ({@code #series}, 0), holding the ids in a string set:
 * one consistent GetItem lists it (the planner reads it every minute), and ADD / DELETE on the set make
 * concurrent edits safe without a read-modify-write. An item holds up to 400 KB, about 25,000 series ids;
 * 400 pairs at 1d, 1h and 1m are 1,200.
 */
public final class SeriesCatalogTable implements SeriesCatalog {

    private static final String MEMBERS = "members";

    private final DynamoDbClient ddb;
    private final String table;

    public SeriesCatalogTable(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    @Override
    public List<Series> list() {
        Map<String, AttributeValue> item;
        try {
            item = ddb.getItem(b -> b.tableName(table).key(key()).consistentRead(true)).item();
        } catch (SdkException e) {
            throw new StoreException("reading the series catalog from " + table + " failed: " + e.getMessage(), e);
        }
        if (item == null || !item.containsKey(MEMBERS)) {
            return List.of();
        }
        return item.get(MEMBERS).ss().stream().sorted().map(Series::parseId).toList();
    }

    @Override
    public void add(Collection<Series> series) {
        update("ADD", series);
    }

    @Override
    public void remove(Collection<Series> series) {
        update("DELETE", series);
    }

    private void update(String action, Collection<Series> series) {
        if (series.isEmpty()) {
            return;
        }
        List<String> ids = series.stream().map(Series::id).distinct().toList();
        try {
            // DELETE of the last member removes the attribute, which list() reads as an empty catalog.
            ddb.updateItem(b -> b.tableName(table).key(key())
                    .updateExpression(action + " " + MEMBERS + " :s")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromSs(ids))));
        } catch (SdkException e) {
            throw new StoreException("updating the series catalog in " + table + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, AttributeValue> key() {
        return Map.of(SERIES, AttributeValue.fromS(SERIES_CATALOG), OPEN_TIME, CandleItems.number(0));
    }
}
