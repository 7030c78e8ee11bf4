package com.klinecast.core.store;

import static com.klinecast.core.store.FeatureTableSchema.OPEN_TIME;
import static com.klinecast.core.store.FeatureTableSchema.SERIES;

import com.klinecast.core.ledger.Ledger;
import com.klinecast.core.ledger.LedgerEntry;
import com.klinecast.core.ledger.Score;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The ledger in the feature table, under its own partitions ({@link LedgerItems}): a put only if the origin has
 * no entry, a score only if the entry exists and lacks that horizon, so reruns write nothing new.
 */
public final class LedgerTable implements Ledger {

    private final DynamoDbClient ddb;
    private final String table;

    public LedgerTable(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    @Override
    public boolean record(LedgerEntry entry) {
        try {
            ddb.putItem(b -> b.tableName(table).item(LedgerItems.toItem(entry))
                    .conditionExpression("attribute_not_exists(#t)")
                    .expressionAttributeNames(Map.of("#t", OPEN_TIME)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        } catch (SdkException e) {
            throw new StoreException(entry.series() + " " + entry.target().code() + ": recording the forecast in "
                    + table + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean score(Series series, Target target, long origin, Score score) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(LedgerItems.key(series, target, origin))
                    .updateExpression("SET #h = :s")
                    .conditionExpression("attribute_exists(#t) AND attribute_not_exists(#h)")
                    .expressionAttributeNames(Map.of("#t", OPEN_TIME, "#h",
                            LedgerItems.scoreAttribute(score.horizon())))
                    .expressionAttributeValues(Map.of(":s", LedgerItems.toValue(score))));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        } catch (SdkException e) {
            throw new StoreException(series + " " + target.code() + ": scoring a forecast in " + table + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<LedgerEntry> entries(Series series, Target target, long from, long to) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#s = :s AND #t BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#s", SERIES, "#t", OPEN_TIME))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(LedgerItems.partition(series, target)),
                        ":from", AttributeValue.fromN(Long.toString(Math.max(0, from))),
                        ":to", AttributeValue.fromN(Long.toString(to))))
                .build();
        List<LedgerEntry> out = new ArrayList<>();
        try {
            ddb.queryPaginator(request).items().forEach(item -> out.add(LedgerItems.fromItem(series, target, item)));
        } catch (SdkException e) {
            throw new StoreException(series + " " + target.code() + ": reading the ledger from " + table
                    + " failed: " + e.getMessage(), e);
        }
        return out;
    }
}
