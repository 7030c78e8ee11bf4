package com.klinecast.standins.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DynamoDbLocalTest {

    private static final String TABLE = "candles";

    @Test
    void createsATableAndGetsBackAnItemItPut() {
        try (DynamoDbLocal ddb = DynamoDbLocal.inMemory(); DynamoDbClient client = clientFor(ddb)) {
            createTable(client);
            client.putItem(r -> r.tableName(TABLE).item(item("BTCUSDT#1m", "42000.5")));

            Map<String, AttributeValue> got =
                    client.getItem(r -> r.tableName(TABLE).key(key("BTCUSDT#1m")).consistentRead(true)).item();

            assertEquals("42000.5", got.get("close").n());
        }
    }

    @Test
    void fileBackedInstanceKeepsItsDataAcrossARestartOnTheSameDirectory(@TempDir Path dir) {
        try (DynamoDbLocal ddb = DynamoDbLocal.fileBacked(dir); DynamoDbClient client = clientFor(ddb)) {
            createTable(client);
            client.putItem(r -> r.tableName(TABLE).item(item("ETHUSDT#1h", "3100")));
        }

        try (DynamoDbLocal ddb = DynamoDbLocal.fileBacked(dir); DynamoDbClient client = clientFor(ddb)) {
            Map<String, AttributeValue> got =
                    client.getItem(r -> r.tableName(TABLE).key(key("ETHUSDT#1h")).consistentRead(true)).item();
            assertEquals("3100", got.get("close").n());
        }
    }

    @Test
    void fileBackedInstanceWritesThroughSqlitesWriteAheadLog(@TempDir Path dir) {
        try (DynamoDbLocal ddb = DynamoDbLocal.fileBacked(dir); DynamoDbClient client = clientFor(ddb)) {
            createTable(client);
            client.putItem(r -> r.tableName(TABLE).item(item("ETHUSDT#1h", "3100")));

            // The log sits beside the database while a connection in WAL mode has it open.
            assertTrue(Files.isRegularFile(dir.resolve("shared-local-instance.db-wal")));
        }
    }

    @Test
    void reopensTheSameDirectoryRightAfterClosingAnInstanceThatWroteThroughTheLog(@TempDir Path dir) {
        // A few MB in the log: the checkpoint as the last connection closes takes long enough that an instance
        // opened before it finished would find the database locked (as two CLI commands in one JVM did).
        String payload = "x".repeat(2000);
        for (int round = 0; round < 3; round++) {
            int first = round * 1000;
            try (DynamoDbLocal ddb = DynamoDbLocal.fileBacked(dir); DynamoDbClient client = clientFor(ddb)) {
                if (round == 0) {
                    createTable(client);
                }
                for (int i = first; i < first + 1000; i += 25) {
                    List<WriteRequest> batch = new ArrayList<>();
                    for (int j = i; j < i + 25; j++) {
                        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk",
                                AttributeValue.fromS("S" + j), "payload", AttributeValue.fromS(payload))).build())
                                .build());
                    }
                    client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, batch)));
                }
            }
        }

        try (DynamoDbLocal ddb = DynamoDbLocal.fileBacked(dir); DynamoDbClient client = clientFor(ddb)) {
            int items = client.scanPaginator(r -> r.tableName(TABLE).select("COUNT")).stream()
                    .mapToInt(page -> page.count()).sum();
            assertEquals(3000, items);
        }
    }

    @Test
    void inMemoryInstancesRunSideBySideOnTheirOwnPortsWithTheirOwnData() {
        try (DynamoDbLocal first = DynamoDbLocal.inMemory();
                DynamoDbLocal second = DynamoDbLocal.inMemory();
                DynamoDbClient firstClient = clientFor(first);
                DynamoDbClient secondClient = clientFor(second)) {
            assertNotEquals(first.port(), second.port());
            assertEquals("127.0.0.1", first.endpoint().getHost());
            assertEquals(first.port(), first.endpoint().getPort());
            createTable(firstClient);

            assertTrue(firstClient.listTables().tableNames().contains(TABLE));
            assertThrows(ResourceNotFoundException.class, () -> secondClient.describeTable(r -> r.tableName(TABLE)));
        }
    }

    @Test
    void startsOnAnotherPortWhenTheProbedOneIsTakenBeforeDynamoDbLocalBindsIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int free = freePort();
            Iterator<Integer> probes = List.of(taken.getLocalPort(), free).iterator();

            try (DynamoDbLocal ddb = DynamoDbLocal.start(probes::next, "-inMemory"); DynamoDbClient client = clientFor(ddb)) {
                assertEquals(free, ddb.port());
                assertTrue(client.listTables().tableNames().isEmpty());
            }
        }
    }

    static DynamoDbClient clientFor(DynamoDbLocal ddb) {
        return DynamoDbClient.builder()
                .endpointOverride(ddb.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(r -> r.tableName(TABLE)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private static Map<String, AttributeValue> item(String pk, String close) {
        return Map.of("pk", AttributeValue.fromS(pk), "close", AttributeValue.fromN(close));
    }
}
