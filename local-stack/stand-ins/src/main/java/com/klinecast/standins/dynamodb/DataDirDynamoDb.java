package com.klinecast.standins.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One dynalite per data dir, shared by every command that opens it: LevelDB admits a single process per directory,
 * so the first command starts the server and records its endpoint and pids in {@code server.json}; a command that
 * finds a live record uses that server instead of starting a second one. The record goes when its owner closes the
 * server; one left by an owner that died is recognised by its dead pids and replaced.
 */
public final class DataDirDynamoDb {

    static final String RECORD = "server.json";
    static final String LEVELDB = "leveldb";
    /** What DynamoDB Local kept in a data dir; dynalite cannot read it. */
    static final String DYNAMODB_LOCAL_FILE = "shared-local-instance.db";
    static final String DYNAMODB_LOCAL_ASIDE = "dynamodb-local-sqlite";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataDirDynamoDb() {
    }

    /** The data dir's server: this JVM's own (started on {@code port}, 0 for any) or the one already serving it. */
    public static DynamoDbStandIn open(Path dir, int port) {
        Path abs = dir.toAbsolutePath();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new StandInUnavailableException("cannot create " + abs + ": " + e.getMessage(), e);
        }
        synchronized (DataDirDynamoDb.class) { // a FileLock is per JVM; threads of one JVM queue here
            try (FileChannel channel = FileChannel.open(abs.resolve("server.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Optional<DynamoDbStandIn> running = running(abs);
                if (running.isPresent()) {
                    return running.get();
                }
                moveDynamoDbLocalAside(abs);
                Dynalite own = Dynalite.persisted(abs.resolve(LEVELDB), port);
                record(abs, own);
                return new Owned(own, abs.resolve(RECORD));
            } catch (IOException e) {
                throw new StandInUnavailableException("cannot use " + abs + " for the DynamoDB stand-in: "
                        + e.getMessage(), e);
            }
        }
    }

    private static Optional<DynamoDbStandIn> running(Path dir) throws IOException {
        Path record = dir.resolve(RECORD);
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        JsonNode r;
        try {
            r = JSON.readTree(record.toFile());
        } catch (IOException unreadable) {
            Files.deleteIfExists(record);
            return Optional.empty();
        }
        long pid = r.path("pid").asLong(-1);
        long owner = r.path("owner").asLong(-1);
        int port = r.path("port").asInt(-1);
        if (alive(owner) && alive(pid) && answers(port)) {
            return Optional.of(new Borrowed(port));
        }
        // Its owner died: the child exits as its stdin closes; wait for it to release LevelDB's lock.
        ProcessHandle.of(pid).ifPresent(p -> {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                p.destroyForcibly();
            }
        });
        Files.deleteIfExists(record);
        return Optional.empty();
    }

    private static void record(Path dir, Dynalite own) throws IOException {
        Path tmp = dir.resolve(RECORD + ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of(
                "endpoint", own.endpoint().toString(), "port", own.port(), "pid", own.pid(),
                "owner", ProcessHandle.current().pid())));
        Files.move(tmp, dir.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A data dir from before the switch to dynalite holds DynamoDB Local's SQLite file. It is moved aside, not
     * deleted; the table it held is a copy of the exchange's klines, and a backfill rebuilds it idempotently.
     */
    private static void moveDynamoDbLocalAside(Path dir) throws IOException {
        Path sqlite = dir.resolve(DYNAMODB_LOCAL_FILE);
        if (!Files.exists(sqlite)) {
            return;
        }
        Path aside = dir.resolve(DYNAMODB_LOCAL_ASIDE);
        Files.createDirectories(aside);
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith("shared-local-instance.db")) {
                    Files.move(f, aside.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        System.err.println("note: " + dir + " held DynamoDB Local's SQLite tables, which the DynamoDB stand-in "
                + "(dynalite) cannot read; they are kept in " + aside + ". The feature table starts empty: "
                + "`./klinecast up` (or `ingest`) rebuilds it from the klines.");
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean answers(int port) {
        if (port <= 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** This JVM's server: closing it removes the record, then stops the server. */
    private record Owned(Dynalite server, Path record) implements DynamoDbStandIn {
        @Override
        public URI endpoint() {
            return server.endpoint();
        }

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(record);
            } catch (IOException e) {
                // a stale record is recognised by its dead pids
            }
            server.close();
        }
    }

    /** Another command's server on the same data dir; closing it leaves that server running. */
    private record Borrowed(int port) implements DynamoDbStandIn {
        @Override
        public URI endpoint() {
            return URI.create("http://127.0.0.1:" + port);
        }

        @Override
        public void close() {
            // owned by the command that started it
        }
    }
}
