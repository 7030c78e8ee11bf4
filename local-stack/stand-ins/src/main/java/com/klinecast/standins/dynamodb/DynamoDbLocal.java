package com.klinecast.standins.dynamodb;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import com.almworks.sqlite4java.SQLiteStatement;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.AbstractLocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.LocalDBAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local, in this JVM, listening on 127.0.0.1 on a free port, with one shared database
 * ({@code -sharedDb}) so every credential and region sees the same tables.
 *
 * <p>Native SQLite: DynamoDB Local 2.6.1 carries the sqlite4java natives inside its own jar
 * ({@code com/amazonaws/services/dynamodbv2/local/shared/access/sqlite/native/<os>/<arch>/}). Its
 * {@code SQLiteLibraryLoader} copies the one for this platform to {@code java.io.tmpdir} (or
 * {@code org.sqlite.tmpdir}) and {@code System.load}s it; sqlite4java then finds the library bound
 * and skips its own search. So {@code sqlite4java.library.path} is not needed, on a Maven classpath
 * or in a shaded jar, as long as the shade leaves {@code com.amazonaws.services.dynamodbv2.local}
 * unrelocated. The temp directory must allow executing mapped files (not {@code noexec}).
 *
 * <p>Binding: DynamoDB Local has no host option (its Jetty listens on every interface), so its Jetty
 * connector is reached by reflection and bound to loopback. The port is probed first rather than
 * left to the kernel (DynamoDB Local hands it to its request handler too, and rejects port 0), and a
 * port another process takes in between is retried: Jetty 12 reports that as an {@code IOException}
 * caused by a {@code BindException}. DynamoDB Local's {@code start()} swallows a plain
 * {@code SocketException} (prints it and returns), hence the check that Jetty really started.
 *
 * <p>Durability of a file-backed instance: see {@link #useWriteAheadLog}.
 */
public final class DynamoDbLocal implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

    private static final int ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The database's SQLite job queue, for a file-backed instance whose journal was switched; else null. */
    private volatile SQLiteQueue sqlite;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts an instance whose data lives only as long as it runs. */
    public static DynamoDbLocal inMemory() {
        return start("-inMemory");
    }

    /** Starts an instance keeping its data in {@code dir} (created if missing) across restarts. */
    public static DynamoDbLocal fileBacked(Path dir) {
        return fileBacked(dir, 0);
    }

    /**
     * The same on a fixed port (0: a free one), for clients configured outside this JVM, such as
     * {@code sam local invoke}.
     */
    public static DynamoDbLocal fileBacked(Path dir, int port) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] storage = {"-dbPath", dir.toAbsolutePath().toString()};
        DynamoDbLocal dynamo = port == 0 ? start(storage) : start(() -> port, storage);
        dynamo.sqlite = useWriteAheadLog(dynamo.server);
        return dynamo;
    }

    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stop(server);
            awaitConnectionClosed();
        }
    }

    /**
     * DynamoDB Local's stop asks its SQLite queue to stop but does not wait for it. In WAL mode the last
     * connection to close checkpoints the log into the database under a lock, so an instance opened on the same
     * directory right after (a second command in the same JVM) could find the database locked. Waiting for the
     * queue's thread, which disposes of the connection as it ends, closes that race.
     */
    private void awaitConnectionClosed() {
        SQLiteQueue queue = sqlite;
        if (queue == null) {
            return;
        }
        try {
            queue.stop(true).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DynamoDbLocal start(String... storage) {
        return start(DynamoDbLocal::freePort, storage);
    }

    static DynamoDbLocal start(IntSupplier portProbe, String... storage) {
        Exception lastBindFailure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = portProbe.getAsInt();
            List<String> args = new ArrayList<>(List.of(storage));
            args.addAll(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
            DynamoDBProxyServer server;
            // DynamoDB Local prints its configuration banner on stdout; a CLI's stdout (JSON, reports) must stay clean.
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local rejected " + args, e);
            } finally {
                System.setOut(stdout);
                // sqlite4java warns "unknown jar version" on every start (its manifest has none); DynamoDB Local
                // sets that logger's level while it creates the server, so this must come after.
                SQLITE_LOG.setLevel(Level.SEVERE);
            }
            Server jetty = jettyOf(server);
            for (var connector : jetty.getConnectors()) {
                ((ServerConnector) connector).setHost(HOST);
            }
            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception stopFailure) {
                    e.addSuppressed(stopFailure);
                }
                if (!causedByBind(e)) {
                    throw new IllegalStateException("DynamoDB Local failed to start", e);
                }
                lastBindFailure = e;
                continue;
            }
            if (jetty.isStarted()) {
                return new DynamoDbLocal(server, port);
            }
            stop(server); // a swallowed failure: this still closes the database it opened
        }
        throw new IllegalStateException(
                "DynamoDB Local could not bind a port on " + HOST + " in " + ATTEMPTS + " attempts",
                lastBindFailure);
    }

    /**
     * DynamoDB Local commits every item of a BatchWriteItem as a SQLite transaction of its own, in SQLite's
     * default rollback-journal mode with {@code synchronous=FULL}: four fsyncs per item (11,524 for a 2,875-candle
     * backfill), which made a backfill into the data dir several times slower than into memory, and much slower
     * again on a busy disk. In WAL mode with {@code synchronous=NORMAL} a commit appends to the log and only a
     * checkpoint syncs. What that gives up: after a power loss or OS crash (not a crash or kill of this process)
     * the last commits may be rolled back, always a suffix of them, never leaving the file inconsistent; the
     * ingest writes rows before the watermark that covers them, so a rolled-back tail is re-fetched. For a local
     * stack that is the right trade. DynamoDB Local has no option for it, so the two pragmas go in through its
     * single SQLite connection (the job queue of its {@code SQLiteDBAccess}), reached by reflection; WAL mode
     * stays in the file, {@code synchronous} is per connection. If DynamoDB Local's internals change, this leaves
     * SQLite's defaults (correct, only slower) and says so on stderr.
     */
    private static SQLiteQueue useWriteAheadLog(DynamoDBProxyServer server) {
        try {
            Object serverHandler = valueOfType(server, AbstractLocalDynamoDBServerHandler.class);
            Field primary = AbstractLocalDynamoDBServerHandler.class.getDeclaredField("primaryHandler");
            primary.setAccessible(true);
            LocalDynamoDBRequestHandler requests = (LocalDynamoDBRequestHandler) primary.get(serverHandler);
            // The shared database's client, created here rather than on the first request (same call, same key).
            Method getHandler = LocalDynamoDBRequestHandler.class.getDeclaredMethod("getHandler", String.class);
            getHandler.setAccessible(true);
            Object client = getHandler.invoke(requests, "shared");
            SQLiteQueue queue = (SQLiteQueue) valueOfType(valueOfType(client, LocalDBAccess.class), SQLiteQueue.class);
            SQLiteJob<String> job = queue.execute(new SQLiteJob<String>() {
                @Override
                protected String job(SQLiteConnection connection) throws Throwable {
                    SQLiteStatement pragma = connection.prepare("PRAGMA journal_mode=WAL", false);
                    try {
                        pragma.step();
                        String mode = pragma.columnString(0);
                        connection.exec("PRAGMA synchronous=NORMAL");
                        return mode;
                    } finally {
                        pragma.dispose();
                    }
                }
            });
            String mode = job.complete();
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new IllegalStateException("journal_mode is " + mode, job.getError());
            }
            return queue;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("note: DynamoDB Local keeps SQLite's default journal (slower writes to the data dir): "
                    + e);
            return null;
        }
    }

    /** The first instance field (this class or a superclass) whose value is a {@code type}. */
    private static Object valueOfType(Object owner, Class<?> type) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    field.setAccessible(true);
                    Object value = field.get(owner);
                    if (type.isInstance(value)) {
                        return value;
                    }
                }
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + " has no " + type.getSimpleName() + " field");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Server jettyOf(DynamoDBProxyServer server) {
        for (Field field : DynamoDBProxyServer.class.getDeclaredFields()) {
            if (field.getType() == Server.class) {
                try {
                    field.setAccessible(true);
                    return (Server) field.get(server);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot reach DynamoDB Local's Jetty server", e);
                }
            }
        }
        throw new IllegalStateException("DynamoDBProxyServer has no Jetty Server field any more");
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void stop(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local failed to stop", e);
        }
    }
}
