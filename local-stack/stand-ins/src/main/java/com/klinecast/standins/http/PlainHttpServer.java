package com.klinecast.standins.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** What API Gateway accepts at most: a 10 MB payload; headers and the request line far less. */
    static final int MAX_BODY = 10 * 1024 * 1024;
    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;
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
                request = read(in, out, connection.getInetAddress());
            } catch (Refused e) {
                write(out, "GET", json(e.status, e.getMessage()));
                return;
            }
            if (request == null) {
                return; // connected and closed without a request
            }
            Request read = request;
            write(out, request.method(), workers.submit(() -> handler.handle(read)).get());
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

    /** @return null at a clean end of stream before any byte */
    static Request read(InputStream in, OutputStream out, InetAddress remote) throws IOException {
        String line = line(in, MAX_LINE, 414, "Request-URI Too Long");
        while (line != null && line.isEmpty()) { // a stray CRLF between requests is allowed before the line
            line = line(in, MAX_LINE, 414, "Request-URI Too Long");
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")
                || !parts[0].chars().allMatch(c -> c > 32 && c < 127)) {
            throw new Refused(400, "Bad Request");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int total = 0;
        for (String h = line(in, MAX_LINE, 431, "Request Header Fields Too Large"); h != null && !h.isEmpty();
                h = line(in, MAX_LINE, 431, "Request Header Fields Too Large")) {
            total += h.length();
            int colon = h.indexOf(':');
            if (total > MAX_HEADER_BYTES || headers.size() >= 200) {
                throw new Refused(431, "Request Header Fields Too Large");
            }
            if (colon <= 0) {
                throw new Refused(400, "Bad Request");
            }
            headers.computeIfAbsent(h.substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(h.substring(colon + 1).trim());
        }
        String chunked = header(headers, "Transfer-Encoding");
        String length = header(headers, "Content-Length");
        byte[] body;
        if ("100-continue".equalsIgnoreCase(header(headers, "Expect")) && (chunked != null || length != null)) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        if (chunked != null) {
            if (length != null || !"chunked".equalsIgnoreCase(chunked)) {
                throw new Refused(400, "Bad Request");
            }
            body = chunks(in);
        } else if (length != null) {
            long n;
            try {
                n = Long.parseLong(length);
            } catch (NumberFormatException e) {
                throw new Refused(400, "Bad Request");
            }
            if (n < 0) {
                throw new Refused(400, "Bad Request");
            }
            if (n > MAX_BODY) {
                throw new Refused(413, "Request Entity Too Large");
            }
            body = in.readNBytes((int) n);
            if (body.length < n) {
                throw new Refused(400, "Bad Request");
            }
        } else {
            body = new byte[0];
        }
        return new Request(parts[0], parts[1], parts[2], headers, body, remote);
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in, MAX_LINE, 400, "Bad Request");
            if (size == null) {
                throw new Refused(400, "Bad Request");
            }
            int semicolon = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new Refused(400, "Bad Request");
            }
            if (n < 0 || body.size() + n > MAX_BODY) {
                throw new Refused(413, "Request Entity Too Large");
            }
            if (n == 0) {
                for (String t = line(in, MAX_LINE, 400, "Bad Request"); t != null && !t.isEmpty();
                        t = line(in, MAX_LINE, 400, "Bad Request")) {
                    // trailers: not passed on
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes((int) n);
            if (chunk.length < n) {
                throw new Refused(400, "Bad Request");
            }
            body.write(chunk);
            line(in, 2, 400, "Bad Request");
        }
    }

    /** A line without its CRLF (or bare LF), in ISO-8859-1 as HTTP's octets are; null at end of stream. */
    private static String line(InputStream in, int max, int tooLong, String reason) throws IOException {
        StringBuilder out = new StringBuilder();
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (out.length() >= max) {
                throw new Refused(tooLong, reason);
            }
            out.append((char) c);
            c = in.read();
        }
        if (c < 0) {
            throw new Refused(400, "Bad Request");
        }
        int end = out.length();
        return end > 0 && out.charAt(end - 1) == '\r' ? out.substring(0, end - 1) : out.toString();
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return String.join(",", e.getValue());
            }
        }
        return null;
    }

    /** API Gateway's own error shape: {"message": "..."}. */
    static Response json(int status, String message) {
        return new Response(status, Map.of("Content-Type", List.of("application/json")),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, String method, Response response) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        boolean dated = false;
        for (Map.Entry<String, List<String>> e : response.headers().entrySet()) {
            String name = e.getKey();
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Connection")
                    || name.equalsIgnoreCase("Transfer-Encoding")) {
                continue; // this server frames the body itself
            }
            dated |= name.equalsIgnoreCase("Date");
            for (String value : e.getValue()) {
                head.append(name).append(": ").append(value.replaceAll("[\r\n]", " ")).append("\r\n");
            }
        }
        if (!dated) {
            head.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                    .append("\r\n");
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        boolean bodiless = "HEAD".equals(method) || response.status() == 204 || response.status() == 304;
        if (response.status() != 204 && response.status() != 304) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!bodiless) {
            out.write(body);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
        };
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

    /** A request that cannot be read, answered with its status. */
    static final class Refused extends IOException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
