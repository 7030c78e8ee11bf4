package com.klinecast.standins.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * dynalite (an open-source implementation of the DynamoDB API on LevelDB) as a child process on 127.0.0.1, in memory
 * or persisted to a directory. The child exits when its stdin closes, so it ends with this JVM however the JVM ends,
 * SIGKILL included; {@link #close()} and a shutdown hook stop it sooner. Two dynalites cannot open one LevelDB
 * directory: for a data dir shared by several commands use {@link DataDirDynamoDb}.
 */
public final class Dynalite implements DynamoDbStandIn {

    private static final String HOST = "127.0.0.1";
    private static final long START_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Thread hook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
        this.hook = new Thread(this::stop, "dynalite-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** An instance whose tables live only as long as it runs. */
    public static Dynalite inMemory() {
        return start(null, 0);
    }

    /** An instance keeping its tables in {@code dir} (created if missing), on a free port (0) or a fixed one. */
    public static Dynalite persisted(Path dir, int port) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StandInUnavailableException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return start(dir.toAbsolutePath(), port);
    }

    @Override
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    @Override
    public int port() {
        return port;
    }

    /** The Node.js version dynalite runs on, e.g. {@code v20.20.2}. */
    public static String nodeVersion() {
        return NodeRuntime.find().version;
    }

    /** The child's process id, recorded so another command on the same data dir can find it. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    private void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            process.getOutputStream().close(); // the child closes LevelDB and exits on end of stdin
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Dynalite start(Path dir, int port) {
        NodeRuntime node = NodeRuntime.find();
        DynalitePackage pkg = DynalitePackage.installed(node);
        List<String> command = new ArrayList<>(List.of(node.node, pkg.script().toString(), "--port",
                Integer.toString(port)));
        if (dir != null) {
            command.addAll(List.of("--path", dir.toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).directory(pkg.dir.toFile()).start();
        } catch (IOException e) {
            throw new StandInUnavailableException("cannot start dynalite: " + e.getMessage(), e);
        }
        Deque<String> stderr = drain(process);
        int bound;
        try {
            bound = awaitPort(process, stderr);
            awaitAnswer(bound);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new Dynalite(process, bound);
    }

    /** The port from the child's first stdout line, {@code {"port": N, ...}}. */
    private static int awaitPort(Process process, Deque<String> stderr) {
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String line;
        try {
            line = first.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new StandInUnavailableException("dynalite did not start in " + START_SECONDS + " s" + tail(stderr));
        } catch (ExecutionException e) {
            throw new StandInUnavailableException("dynalite failed to start: " + e.getCause() + tail(stderr));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StandInUnavailableException("interrupted while starting dynalite");
        }
        if (line == null) {
            awaitExit(process);
            throw new StandInUnavailableException("dynalite exited at start" + tail(stderr));
        }
        try {
            JsonNode ready = JSON.readTree(line);
            return ready.get("port").asInt();
        } catch (IOException | RuntimeException e) {
            throw new StandInUnavailableException("dynalite said '" + line + "' instead of its port" + tail(stderr));
        }
    }

    /** Readiness: the endpoint accepts a connection (the child prints its port once listening; this confirms it). */
    private static void awaitAnswer(int port) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > until) {
                    throw new StandInUnavailableException("dynalite on port " + port + " does not answer: " + e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StandInUnavailableException("interrupted while starting dynalite");
                }
            }
        }
    }

    /** Keeps the last lines of the child's stderr for error messages, so its pipe never fills. */
    private static Deque<String> drain(Process process) {
        Deque<String> lines = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    System.err.println("dynalite: " + line); // it prints only on trouble
                    synchronized (lines) {
                        lines.addLast(line);
                        if (lines.size() > 20) {
                            lines.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "dynalite-stderr");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void awaitExit(Process process) {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            Thread.sleep(50); // let the stderr reader take the last lines
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Deque<String> stderr) {
        synchronized (stderr) {
            for (var it = stderr.descendingIterator(); it.hasNext(); ) {
                String line = it.next().trim();
                if (!line.isEmpty()) {
                    return ": " + line;
                }
            }
        }
        return "";
    }
}
