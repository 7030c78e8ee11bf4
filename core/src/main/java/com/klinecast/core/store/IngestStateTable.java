package com.klinecast.core.store;

import static com.klinecast.core.store.FeatureTableSchema.CATALOG_SERIES;
import static com.klinecast.core.store.FeatureTableSchema.META_OPEN_TIME;
import static com.klinecast.core.store.FeatureTableSchema.OPEN_TIME;
import static com.klinecast.core.store.FeatureTableSchema.SERIES;

import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.ingest.IngestState;
import com.klinecast.core.ingest.WatermarkStore;
import com.klinecast.core.series.Series;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The ingest state of each series, kept in the feature table itself: the metadata row at
 * ({@code SYMBOL#interval}, -1), plus one catalog row listing every series, so {@code status} never scans.
 */
public final class IngestStateTable implements WatermarkStore {

    private final DynamoDbClient ddb;
    private final String table;
    /** Series this execution environment already put in the catalog: one write per series, not per page. */
    private final Set<String> catalogued = ConcurrentHashMap.newKeySet();

    public IngestStateTable(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    @Override
    public Optional<IngestState> load(Series series) {
        Map<String, AttributeValue> item;
        try {
            item = ddb.getItem(b -> b.tableName(table).key(key(series.id())).consistentRead(true)).item();
        } catch (SdkException e) {
            throw new StoreException(series + ": reading the watermark from " + table + " failed: " + e.getMessage(),
                    e);
        }
        if (item == null || item.isEmpty() || !item.containsKey("lastOpenTime")) {
            return Optional.empty();
        }
        return Optional.of(new IngestState(series,
                CandleItems.longOf(item, "firstOpenTime"),
                CandleItems.longOf(item, "lastOpenTime"),
                item.containsKey("complete") && Boolean.TRUE.equals(item.get("complete").bool()),
                Instant.parse(item.get("updatedAt").s())));
    }

    @Override
    public void save(IngestState state) {
        try {
            saveOrThrow(state);
        } catch (SdkException e) {
            // The rows are written; only the watermark lags, so a rerun rewrites them (idempotently) and moves it.
            throw new StoreException(state.series() + ": saving the watermark to " + table + " failed: "
                    + e.getMessage(), e);
        }
    }

    private void saveOrThrow(IngestState state) {
        try {
            // The watermark never moves backwards: a slower concurrent run cannot undo a faster one's progress.
            ddb.updateItem(b -> b.tableName(table).key(key(state.series().id()))
                    .updateExpression("SET lastOpenTime = :last, complete = :complete, updatedAt = :at, "
                            + "firstOpenTime = if_not_exists(firstOpenTime, :first)")
                    .conditionExpression("attribute_not_exists(lastOpenTime) OR lastOpenTime <= :last")
                    .expressionAttributeValues(Map.of(
                            ":last", CandleItems.number(state.lastOpenTime()),
                            ":first", CandleItems.number(state.firstOpenTime()),
                            ":complete", AttributeValue.fromBool(state.complete()),
                            ":at", AttributeValue.fromS(state.updatedAt().toString()))));
        } catch (ConditionalCheckFailedException newerWatermark) {
            return;
        }
        if (!catalogued.contains(state.series().id())) {
            // The table's metadata: which series it holds, and the feature set its writers compute.
            ddb.updateItem(b -> b.tableName(table).key(catalogKey())
                    .updateExpression("ADD members :s SET featureVersion = :v")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromSs(List.of(state.series().id())),
                            ":v", CandleItems.number(FeatureSet.VERSION))));
            catalogued.add(state.series().id());
        }
    }

    /** The feature-set version the table's writers last recorded, or 0 for an empty table. */
    public int featureVersion() {
        Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table).key(catalogKey())
                .consistentRead(true)).item();
        return item == null || !item.containsKey("featureVersion") ? 0
                : (int) CandleItems.longOf(item, "featureVersion");
    }

    /** Every series that has ever had a page written, sorted by id. */
    public List<Series> knownSeries() {
        Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table).key(catalogKey())
                .consistentRead(true)).item();
        if (item == null || !item.containsKey("members")) {
            return List.of();
        }
        return item.get("members").ss().stream().sorted().map(Series::parseId).toList();
    }

    private static Map<String, AttributeValue> key(String seriesId) {
        return Map.of(SERIES, AttributeValue.fromS(seriesId), OPEN_TIME, CandleItems.number(META_OPEN_TIME));
    }

    private static Map<String, AttributeValue> catalogKey() {
        return Map.of(SERIES, AttributeValue.fromS(CATALOG_SERIES), OPEN_TIME, CandleItems.number(0));
    }
}
