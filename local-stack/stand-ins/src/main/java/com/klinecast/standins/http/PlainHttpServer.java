package com.klinecast.standins.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * A small HTTP/1.1 server on 127.0.0.1 that hands each request target to its handler exactly as sent. The JDK's
 * server parses the target as a {@link java.net.URI} first and answers what it cannot route itself, in HTML
 * ({@code //forecast} has no path to it, {@code ?symbol=%ZZ} is no URI); API Gateway passes both to the
 * integration, so a stand-in for it must too. One request per connection ({@code Connection: close}): plenty for
 * a local stack. Connections are read on threads of their own, so a browser's speculative connection that never
 * sends holds no worker; only the handler runs on the workers. Requests it cannot read at all get a JSON error.
 */
public final class PlainHttpServer implements AutoCloseable {

    /** A connection that sends no complete request is closed after this long. */
    static final int READ_TIMEOUT_MS = 30_000;

    /** @param headers names as sent; a header sent twice keeps both values, in order */
    public record Request(String method, String target, String protocol, Map<String, List<String>> headers,
            byte[] body, InetAddress remote) {

        /** The target's path, as sent (an absolute-form target loses its scheme and authority). */
        public String rawPath() {
            String t = originForm();
            int q = t.indexOf('?');
            return q < 0 ? t : t.substring(0, q);
        }

        /** The target's query, as sent, or "" without one. */
        public String rawQuery() {
            String t = originForm();
            int q = t.indexOf('?');
            return q < 0 ? "" : t.substring(q + 1);
        }

        private String originForm() {
            String t = target;
            int hash = t.indexOf('#');
            if (hash >= 0) {
                t = t.substring(0, hash);
            }
            int scheme = t.indexOf("://");
            if (scheme > 0 && !t.startsWith("/")) {
                int slash = t.indexOf('/', scheme + 3);
                int query = t.indexOf('?', scheme + 3);
                int cut = slash < 0 ? query : query < 0 ? slash : Math.min(slash, query);
                t = cut < 0 ? "/" : (t.charAt(cut) == '?' ? "/" : "") + t.substring(cut);
            }
            return t;
        }
    }

    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws IOException;
    }

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "http-connection");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService workers;
    private final Handler handler;
    private final Thread acceptor;
    private volatile boolean closed;

    private PlainHttpServer(ServerSocket socket, ExecutorService workers, Handler handler) {
        this.socket = socket;
        this.workers = workers;
        this.handler = handler;
        this.acceptor = new Thread(this::accept, "http-accept-" + socket.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** @param workers runs the handler; its size bounds concurrent requests */
    public static PlainHttpServer start(int port, int backlog, ExecutorService workers, Handler handler)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        PlainHttpServer server = new PlainHttpServer(socket, workers, handler);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // e.g. the client reset before accept finished
            }
            try {
                connections.execute(() -> serve(connection));
            } catch (RejectedExecutionException e) {
                quietly(connection);
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(READ_TIMEOUT_MS);
            connection.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            Request request;
            try {
                request = RequestReader.read(in, out, connection.getInetAddress());
            } catch (RequestReader.Refused e) {
                ResponseWriter.write(out, "GET", ResponseWriter.json(e.status, e.getMessage()));
                return;
            }
            if (request == null) {
                return; // connected and closed without a request
            }
            Request read = request;
            ResponseWriter.write(out, request.method(), workers.submit(() -> handler.handle(read)).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the handler's own failures are its to answer; nothing more can be said on this connection
        } catch (SocketException e) {
            // the client went away; nothing to answer
        } catch (IOException | RuntimeException e) {
            // the handler's own failures are its to answer; this is only a transport failure
        }
    }

    private static void quietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing a connection nobody will serve
        }
    }

    @Override
    public void close() {
        closed = true;
        connections.shutdownNow();
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

}
