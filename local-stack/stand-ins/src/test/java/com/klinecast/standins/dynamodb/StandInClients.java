package com.klinecast.standins.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import java.util.Map;

/** A client of a stand-in and a one-key table, for the stand-in's own tests. */
final class StandInClients {

    static final String TABLE = "candles";

    private StandInClients() {
    }

    static DynamoDbClient clientFor(DynamoDbStandIn ddb) {
        return DynamoDbClient.builder()
                .endpointOverride(ddb.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static void createTable(DynamoDbClient client) {
        client.createTable(r -> r.tableName(TABLE)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        // dynalite turns a new table ACTIVE on a timer (0 ms here), so under load the next request can still find it
        // CREATING; the waiter's first DescribeTable is immediate.
        client.waiter().waitUntilTableExists(r -> r.tableName(TABLE));
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    static Map<String, AttributeValue> item(String pk, String close) {
        return Map.of("pk", AttributeValue.fromS(pk), "close", AttributeValue.fromN(close));
    }

    static String closeOf(DynamoDbClient client, String pk) {
        return client.getItem(r -> r.tableName(TABLE).key(key(pk)).consistentRead(true)).item().get("close").n();
    }
}
