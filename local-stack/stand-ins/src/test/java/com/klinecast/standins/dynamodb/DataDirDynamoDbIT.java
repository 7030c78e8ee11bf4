package com.klinecast.standins.dynamodb;

import static com.klinecast.standins.dynamodb.StandInClients.TABLE;
import static com.klinecast.standins.dynamodb.StandInClients.clientFor;
import static com.klinecast.standins.dynamodb.StandInClients.closeOf;
import static com.klinecast.standins.dynamodb.StandInClients.createTable;
import static com.klinecast.standins.dynamodb.StandInClients.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DataDirDynamoDbIT {

    @Test
    void aSecondCommandOnTheDataDirUsesTheServerAlreadyRunningThere(@TempDir Path dir) {
        try (DynamoDbStandIn owner = DataDirDynamoDb.open(dir, 0); DynamoDbClient client = clientFor(owner)) {
            createTable(client);
            client.putItem(r -> r.tableName(TABLE).item(item("BTCUSDT#1d", "60000")));

            try (DynamoDbStandIn second = DataDirDynamoDb.open(dir, 0); DynamoDbClient other = clientFor(second)) {
                assertEquals(owner.port(), second.port());
                assertEquals("60000", closeOf(other, "BTCUSDT#1d"));
            }
            // closing the borrowed handle left the owner's server running
            assertEquals("60000", closeOf(client, "BTCUSDT#1d"));
        }
        assertFalse(Files.exists(dir.resolve(DataDirDynamoDb.RECORD)));
    }

    @Test
    void theNextCommandAfterTheOwnerClosedStartsItsOwnServerOnTheSameTables(@TempDir Path dir) {
        int first;
        try (DynamoDbStandIn owner = DataDirDynamoDb.open(dir, 0); DynamoDbClient client = clientFor(owner)) {
            first = owner.port();
            createTable(client);
            client.putItem(r -> r.tableName(TABLE).item(item("ETHUSDT#1d", "2500")));
        }
        try (DynamoDbStandIn next = DataDirDynamoDb.open(dir, 0); DynamoDbClient client = clientFor(next)) {
            assertNotEquals(first, next.port());
            assertEquals("2500", closeOf(client, "ETHUSDT#1d"));
        }
    }

    @Test
    void aRecordLeftByADeadOwnerIsReplaced(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(DataDirDynamoDb.RECORD),
                "{\"endpoint\":\"http://127.0.0.1:1\",\"port\":1,\"pid\":2147483646,\"owner\":2147483646}");

        try (DynamoDbStandIn ddb = DataDirDynamoDb.open(dir, 0); DynamoDbClient client = clientFor(ddb)) {
            createTable(client);
            assertTrue(Files.readString(dir.resolve(DataDirDynamoDb.RECORD)).contains("\"port\" : " + ddb.port()));
        }
    }

    @Test
    void dynamoDbLocalFilesOfAnOlderDataDirAreMovedAsideNotRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(DataDirDynamoDb.DYNAMODB_LOCAL_FILE), "SQLite format 3");
        Files.writeString(dir.resolve(DataDirDynamoDb.DYNAMODB_LOCAL_FILE + "-wal"), "");

        try (DynamoDbStandIn ddb = DataDirDynamoDb.open(dir, 0); DynamoDbClient client = clientFor(ddb)) {
            assertTrue(client.listTables().tableNames().isEmpty());
        }
        Path aside = dir.resolve(DataDirDynamoDb.DYNAMODB_LOCAL_ASIDE);
        assertTrue(Files.isRegularFile(aside.resolve(DataDirDynamoDb.DYNAMODB_LOCAL_FILE)));
        assertTrue(Files.isRegularFile(aside.resolve(DataDirDynamoDb.DYNAMODB_LOCAL_FILE + "-wal")));
        assertFalse(Files.exists(dir.resolve(DataDirDynamoDb.DYNAMODB_LOCAL_FILE)));
    }
}
