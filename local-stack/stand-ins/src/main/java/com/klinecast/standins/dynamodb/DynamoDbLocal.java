package com.klinecast.standins.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
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
 */
public final class DynamoDbLocal implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

    private static final int ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

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
        return port == 0 ? start(storage) : start(() -> port, storage);
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
