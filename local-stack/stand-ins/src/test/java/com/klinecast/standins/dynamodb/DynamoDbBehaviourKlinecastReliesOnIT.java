package com.klinecast.standins.dynamodb;

import static com.klinecast.standins.dynamodb.StandInClients.TABLE;
import static com.klinecast.standins.dynamodb.StandInClients.clientFor;
import static com.klinecast.standins.dynamodb.StandInClients.createTable;
import static com.klinecast.standins.dynamodb.StandInClients.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The parts of DynamoDB's contract that the feature table's code relies on, checked on dynalite so a local run
 * fails where AWS would: the 25-request batch limit (BatchWriter chunks by it), 1 MB result pages with a
 * LastEvaluatedKey (every read pages), conditional writes (the ingest watermark never moves back) and the 400 KB
 * item limit. Where dynalite does less than DynamoDB, the tests that need the rest inject it through an SDK
 * ExecutionInterceptor on the real client: dynalite never throttles, so it never returns UnprocessedItems.
 */
class DynamoDbBehaviourKlinecastReliesOnIT {

    private static Dynalite server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        server = Dynalite.inMemory();
        client = clientFor(server);
        createTable(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void aBatchOfMoreThan25RequestsIsRefusedAsDynamoDbRefusesIt() {
        DynamoDbException e = assertThrows(DynamoDbException.class,
                () -> client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, puts("batch", 26, 10)))));

        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().contains("25"), e.getMessage());
    }

    @Test
    void a25RequestBatchIsWrittenWholeWithNoUnprocessedItems() {
        BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of(TABLE,
                puts("whole", 25, 10))));

        assertTrue(response.unprocessedItems().isEmpty());
    }

    @Test
    void scansStopAtOneMegabyteWithALastEvaluatedKeyAndThePaginatorReadsEveryPage() {
        for (int batch = 0; batch < 120; batch++) { // 3,000 items of about 1 KB: 3 MB
            List<WriteRequest> requests = puts("page" + batch + "-", 25, 1000);
            client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, requests)));
        }

        ScanResponse first = client.scan(r -> r.tableName(TABLE));
        long pages = client.scanPaginator(r -> r.tableName(TABLE)).stream().count();
        long pageItems = client.scanPaginator(r -> r.tableName(TABLE)).items().stream()
                .filter(i -> i.get("pk").s().startsWith("page")).count();

        assertTrue(first.hasLastEvaluatedKey() && !first.lastEvaluatedKey().isEmpty());
        assertTrue(first.count() < 1100, "a page held " + first.count() + " items of 1 KB");
        assertTrue(pages >= 3, pages + " pages");
        assertEquals(3000, pageItems);
    }

    @Test
    void aFailedConditionIsAConditionalCheckFailedException() {
        client.putItem(r -> r.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("watermark"),
                "lastOpenTime", AttributeValue.fromN("200"))));

        assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(r -> r.tableName(TABLE)
                .item(Map.of("pk", AttributeValue.fromS("watermark"), "lastOpenTime", AttributeValue.fromN("100")))
                .conditionExpression("attribute_not_exists(lastOpenTime) OR lastOpenTime <= :last")
                .expressionAttributeValues(Map.of(":last", AttributeValue.fromN("100")))));
    }

    @Test
    void anItemOver400KilobytesIsRefused() {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.putItem(r -> r.tableName(TABLE)
                .item(Map.of("pk", AttributeValue.fromS("big"), "payload", AttributeValue.fromS("x".repeat(410_000))))));

        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        client.putItem(r -> r.tableName(TABLE).item(item("small", "1")));
    }

    private static List<WriteRequest> puts(String prefix, int n, int payloadBytes) {
        List<WriteRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "pk", AttributeValue.fromS(prefix + i),
                    "payload", AttributeValue.fromS("x".repeat(payloadBytes)))).build()).build());
        }
        return requests;
    }
}
