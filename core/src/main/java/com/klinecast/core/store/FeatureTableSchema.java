package com.klinecast.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The feature table's key schema: partition key {@code series} ({@code BTCUSDT#1d}), sort key {@code openTime}
 * (epoch ms). A candle's identity is (symbol, interval, open time), so re-ingesting overwrites, never duplicates.
 * Per-series metadata (the ingest state) sorts before every candle at {@code openTime = -1}.
 */
public final class FeatureTableSchema {

    public static final String SERIES = "series";
    public static final String OPEN_TIME = "openTime";
    /** Sort key of the per-series metadata row; candles always have open times >= 0. */
    public static final long META_OPEN_TIME = -1L;
    /** Partition of the catalog row that lists every series ever written ('#' cannot start a symbol). */
    public static final String CATALOG_SERIES = "#catalog";
    /** Partition of the series catalog: the series the pipeline ingests ({@link SeriesCatalogTable}). */
    public static final String SERIES_CATALOG = "#series";

    private FeatureTableSchema() {
    }

    /** Creates the table when it is missing (local stack and tests; in AWS the template creates it). */
    public static void createIfMissing(DynamoDbClient ddb, String table) {
        try {
            ddb.describeTable(b -> b.tableName(table));
            return;
        } catch (ResourceNotFoundException missing) {
            // fall through and create it
        }
        try {
            ddb.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(SERIES).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(OPEN_TIME).attributeType(ScalarAttributeType.N).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(SERIES).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(OPEN_TIME).keyType(KeyType.RANGE).build()));
        } catch (ResourceInUseException raced) {
            // another process created it first
        }
        ddb.waiter().waitUntilTableExists(b -> b.tableName(table));
    }
}
