package com.klinecast.standins.dynamodb;

import static com.klinecast.standins.dynamodb.StandInClients.TABLE;
import static com.klinecast.standins.dynamodb.StandInClients.clientFor;
import static com.klinecast.standins.dynamodb.StandInClients.closeOf;
import static com.klinecast.standins.dynamodb.StandInClients.createTable;
import static com.klinecast.standins.dynamodb.StandInClients.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class DynaliteIT {

    @Test
    void createsATableAndGetsBackAnItemItPut() {
        try (Dynalite ddb = Dynalite.inMemory(); DynamoDbClient client = clientFor(ddb)) {
            createTable(client);
            client.putItem(r -> r.tableName(TABLE).item(item("BTCUSDT#1m", "42000.5")));

            assertEquals("42000.5", closeOf(client, "BTCUSDT#1m"));
        }
    }

    @Test
    void persistedInstanceKeepsItsTablesAcrossARestartOnTheSameDirectory(@TempDir Path dir) {
        try (Dynalite ddb = Dynalite.persisted(dir, 0); DynamoDbClient client = clientFor(ddb)) {
            createTable(client);
            client.putItem(r -> r.tableName(TABLE).item(item("ETHUSDT#1h", "3100")));
        }

        try (Dynalite ddb = Dynalite.persisted(dir, 0); DynamoDbClient client = clientFor(ddb)) {
            assertEquals("3100", closeOf(client, "ETHUSDT#1h"));
        }
    }

    @Test
    void inMemoryInstancesRunSideBySideOnLoopbackWithTheirOwnData() {
        try (Dynalite first = Dynalite.inMemory();
                Dynalite second = Dynalite.inMemory();
                DynamoDbClient firstClient = clientFor(first);
                DynamoDbClient secondClient = clientFor(second)) {
            assertNotEquals(first.port(), second.port());
            assertEquals("127.0.0.1", first.endpoint().getHost());
            createTable(firstClient);

            assertTrue(firstClient.listTables().tableNames().contains(TABLE));
            assertThrows(ResourceNotFoundException.class, () -> secondClient.describeTable(r -> r.tableName(TABLE)));
        }
    }

    @Test
    void closeStopsTheChildProcess() throws Exception {
        Dynalite ddb = Dynalite.inMemory();
        ProcessHandle child = ProcessHandle.of(ddb.pid()).orElseThrow();
        ddb.close();

        assertFalse(child.isAlive());
        try (DynamoDbClient client = clientFor(ddb)) {
            assertThrows(SdkClientException.class, client::listTables);
        }
    }

    @Test
    void aTakenFixedPortIsRefusedByName(@TempDir Path dir) {
        try (Dynalite first = Dynalite.inMemory()) {
            StandInUnavailableException e = assertThrows(StandInUnavailableException.class,
                    () -> Dynalite.persisted(dir, first.port()));
            assertTrue(e.getMessage().contains("EADDRINUSE"), e.getMessage());
        }
    }

    /**
     * What keeps a killed JVM from leaving the server running: the kernel closes the pipe to the child's stdin when
     * its parent dies, however it dies, and the child exits on end of input.
     */
    @Test
    void theServerExitsWhenItsStdinCloses() throws Exception {
        Path pkg = DynalitePackage.installed(NodeRuntime.find()).dir;
        Process node = new ProcessBuilder(List.of(NodeRuntime.find().node, "server.js")).directory(pkg.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String ready = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(ready.contains("\"port\""), ready);

        node.getOutputStream().close();

        assertTrue(node.waitFor(20, TimeUnit.SECONDS), "dynalite still running after its stdin closed");
        assertEquals(0, node.exitValue());
    }

    /** What the crash-resume test does to it: the ingest process killed in the middle of a BatchWriteItem. */
    @Test
    void aClientThatDiesMidRequestDoesNotTakeTheServerDown() throws Exception {
        try (Dynalite ddb = Dynalite.inMemory(); DynamoDbClient client = clientFor(ddb)) {
            byte[] body = "{\"RequestItems\":{\"candles\":[]}}".getBytes(StandardCharsets.UTF_8);
            String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                    + "X-Amz-Target: DynamoDB_20120810.BatchWriteItem\r\nContent-Length: " + (body.length * 4)
                    + "\r\n\r\n";
            for (int i = 0; i < 10; i++) {
                try (Socket socket = new Socket("127.0.0.1", ddb.port())) {
                    socket.setSoLinger(true, 0); // close with a reset, as the kernel does for a killed process
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().write(body);
                    socket.getOutputStream().flush();
                }
            }
            Thread.sleep(200);

            assertTrue(ProcessHandle.of(ddb.pid()).map(ProcessHandle::isAlive).orElse(false), "dynalite died");
            assertTrue(client.listTables().tableNames().isEmpty());
        }
    }

    @Test
    void aMachineWithoutNodeIsToldInOneLineWhatToInstall() {
        StandInUnavailableException e = assertThrows(StandInUnavailableException.class,
                () -> NodeRuntime.check("/nonexistent/node", "npm"));

        assertTrue(e.getMessage().contains("install Node.js 20 or newer"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void nodeVersionsReadAsTheirMajor() {
        assertEquals(20, NodeRuntime.major("v20.20.2"));
        assertEquals(22, NodeRuntime.major("22.1.0"));
        assertEquals(0, NodeRuntime.major("not a version"));
    }
}
